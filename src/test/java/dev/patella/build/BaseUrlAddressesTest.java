package dev.patella.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patella.TestSites;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A base URL is read the same way from {@code --base-url} and from {@code base_url} in
 * {@code content/site.yaml}: every address the site writes has its path encoded once, and a base
 * URL that would put something wrong into every address is refused with the address to write.
 */
class BaseUrlAddressesTest {

    @TempDir
    Path tmp;

    /** How the base URL is given: on the command line or in the settings. */
    enum Way { OPTION, SETTING }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "OPTION|https://kneeclinic.org/rodilla-%C3%B1/|/rodilla-%C3%B1/",
        "SETTING|https://kneeclinic.org/rodilla-%C3%B1/|/rodilla-%C3%B1/",
        "OPTION|https://kneeclinic.org/rodilla-%c3%b1|/rodilla-%C3%B1/",
        "OPTION|https://kneeclinic.org/rodilla-ñ/|/rodilla-%C3%B1/",
        "SETTING|https://kneeclinic.org/rodilla-ñ/|/rodilla-%C3%B1/",
        "OPTION|https://kneeclinic.org/rodilla%20x/|/rodilla%20x/",
        "OPTION|https://kneeclinic.org/rodilla x/|/rodilla%20x/",
        "SETTING|https://kneeclinic.org/rodilla x/|/rodilla%20x/",
        "OPTION|HTTPS://KneeClinic.org/knee|/knee/"})
    void everyAddressOfTheSiteHasItsPathEncodedOnce(Way way, String typed, String path) {
        Path project = TestSites.project(tmp.resolve("p"));

        var run = build(project, way, typed);

        assertThat(run.exitCode()).as(run.err()).isZero();
        Path site = project.resolve("site");
        String base = "https://kneeclinic.org" + path;
        assertThat(TestSites.read(site.resolve("about/index.html")))
                .contains("<link rel=\"canonical\" href=\"" + base + "about/\">");
        assertThat(TestSites.read(site.resolve("404.html"))).containsPattern("href=\"" + path + "assets/style\\.");
        assertThat(TestSites.read(site.resolve(".htaccess"))).contains("ErrorDocument 404 " + path + "404.html\n");
        assertThat(TestSites.read(site.resolve("sitemap.xml"))).contains("<loc>" + base + "about/</loc>");
        assertThat(TestSites.read(site.resolve("robots.txt"))).contains("Sitemap: " + base + "sitemap.xml");
        assertThat(TestSites.read(site.resolve("conditions/sore-knee/program/index.html")))
                .contains("Full page: kneeclinic.org" + path.replace("%C3%B1", "ñ") + "exercises/leg-lift/");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"OPTION", "SETTING"})
    void anInternationalServerNameIsWrittenInAsciiAndPrintedAsTyped(Way way) {
        Path project = TestSites.project(tmp.resolve("p"));

        var run = build(project, way, "https://clínica.org/rodilla-ñ/");

        assertThat(run.exitCode()).as(run.err()).isZero();
        Path site = project.resolve("site");
        String about = TestSites.read(site.resolve("about/index.html"));
        assertThat(about).contains("<link rel=\"canonical\" href=\"https://xn--clnica-4va.org/rodilla-%C3%B1/about/\">")
                .contains("Printed from https://clínica.org/rodilla-ñ/about/");
        assertThat(TestSites.read(site.resolve("sitemap.xml")))
                .contains("<loc>https://xn--clnica-4va.org/rodilla-%C3%B1/about/</loc>");
        assertThat(TestSites.read(site.resolve("conditions/sore-knee/program/index.html")))
                .contains("Full page: clínica.org/rodilla-ñ/exercises/leg-lift/");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "OPTION|https://clinic.test/knee/index.html|ends in a file name, index.html|https://clinic.test/knee/",
        "SETTING|https://clinic.test/knee/index.html|ends in a file name, index.html|https://clinic.test/knee/",
        "OPTION|https://user@clinic.test/knee/|user name or password|https://clinic.test/knee/",
        "SETTING|https://user:secret@clinic.test/knee/|user name or password|https://clinic.test/knee/",
        "OPTION|https://clinic.test/knee/../x/|a . or .. folder|https://clinic.test/x/",
        "SETTING|https://clinic.test/knee/./|a . or .. folder|https://clinic.test/knee/",
        "OPTION|https://clinic.test//knee/|two slashes in a row|https://clinic.test/knee/",
        "SETTING|https://clinic.test//knee/|two slashes in a row|https://clinic.test/knee/",
        "OPTION|https://clinic.test/knee/?lang=es|must not have a ? part (?lang=es)|https://clinic.test/knee/",
        "SETTING|https://clinic.test/knee/?lang=es|must not have a ? part (?lang=es)|https://clinic.test/knee/",
        "OPTION|https://clinic.test/knee/#top|must not have a # part (#top)|https://clinic.test/knee/",
        "SETTING|https://clinic.test/knee/#top|must not have a # part (#top)|https://clinic.test/knee/",
        "OPTION|clinic.test/knee/|must be a full address starting with https://|https://clinic.test/knee/",
        "OPTION|https://clinic.test/\\knee/|a backslash or an encoded slash|https://clinic.test/knee/",
        "SETTING|https://clinic.test/a%2Fb/|a backslash or an encoded slash|https://clinic.test/a/b/"})
    void aBaseUrlThatWouldPutAMistakeIntoEveryAddressIsRefusedWithTheOneToWrite(Way way, String typed, String what,
                                                                               String instead) {
        Path project = TestSites.project(tmp.resolve("p"));

        var run = build(project, way, typed);

        String advice = "write " + instead + " instead";
        if (way == Way.OPTION) {
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).startsWith("patella: --base-url ").contains(what).contains(advice);
            assertThat(run.err().lines().findFirst().orElseThrow()).contains(advice);
        } else {
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.errors()).containsExactly("error schema.invalid-value content/site.yaml:4:11");
            assertThat(run.message("schema.invalid-value")).startsWith("\"base_url\" ").contains(what)
                    .contains(advice);
        }
        assertThat(project.resolve("site")).doesNotExist();

        var again = build(project, way, instead);

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(TestSites.read(project.resolve("site/robots.txt"))).contains("Sitemap: " + instead + "sitemap.xml");
    }

    @Test
    void aFolderNamedWithADotIsAFolderWhenItsAddressEndsInASlash() {
        Path project = TestSites.project(tmp.resolve("p"));

        var run = build(project, Way.OPTION, "https://clinic.test/knee/index.html/");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(TestSites.read(project.resolve("site/robots.txt")))
                .contains("Sitemap: https://clinic.test/knee/index.html/sitemap.xml");
    }

    private static TestSites.Run build(Path project, Way way, String baseUrl) {
        if (way == Way.OPTION) {
            return TestSites.run("build", "--project", project.toString(), "--base-url", baseUrl);
        }
        Path settings = project.resolve("content/site.yaml");
        TestSites.write(settings, TestSites.read(settings).replaceFirst("(?m)^base_url: .*$",
                "base_url: " + baseUrl.replace("\\", "\\\\").replace("$", "\\$")));
        return TestSites.run("build", "--project", project.toString());
    }
}
