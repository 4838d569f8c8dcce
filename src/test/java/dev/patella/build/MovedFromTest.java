package dev.patella.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patella.TestSites;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A page renamed with {@code moved_from:} keeps its old addresses: the build writes a small page at
 * each that sends the reader on (and a 301 for Apache), in the page's language, under the base path,
 * and no old address is listed in the sitemap or the search index. Built from the {@code moved}
 * fixture: the exercise leg-lift was leg-raise and straight-leg-raise, the condition sore-knee was
 * knee-pain, the about page was about-us.
 */
class MovedFromTest {

    @TempDir
    Path tmp;

    @Test
    void eachOldAddressHasAPageThatSendsTheReaderOnToTheNewOne() {
        Path project = TestSites.project(tmp.resolve("p"), "publishable", "moved");

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        Path site = project.resolve("site");
        String old = TestSites.read(site.resolve("exercises/leg-raise/index.html"));
        assertThat(old).contains("<html lang=\"en\" dir=\"ltr\">")
                .contains("<meta http-equiv=\"refresh\" content=\"0; url=../../exercises/leg-lift/\">")
                .contains("<link rel=\"canonical\" href=\"https://knees.clinic.internal/exercises/leg-lift/\">")
                .contains("<meta name=\"robots\" content=\"noindex\">")
                .contains("<a href=\"../../exercises/leg-lift/\">Leg lift</a>")
                .contains("This page has moved")
                .contains("Its new address is knees.clinic.internal/exercises/leg-lift/");
        assertThat(TestSites.read(site.resolve("exercises/straight-leg-raise/index.html")))
                .contains("url=../../exercises/leg-lift/");
        assertThat(TestSites.read(site.resolve("about-us/index.html"))).contains("url=../about/");
        // a condition's printable program moves with it
        assertThat(TestSites.read(site.resolve("conditions/knee-pain/index.html")))
                .contains("url=../../conditions/sore-knee/");
        assertThat(TestSites.read(site.resolve("conditions/knee-pain/program/index.html")))
                .contains("url=../../../conditions/sore-knee/program/").contains(">Sore knee</a>");
        assertThat(TestSites.read(site.resolve("sitemap.xml"))).doesNotContain("leg-raise").doesNotContain("about-us")
                .doesNotContain("knee-pain").contains("/exercises/leg-lift/");
        assertThat(TestSites.read(TestSites.searchIndex(site))).doesNotContain("leg-raise").doesNotContain("about-us")
                .doesNotContain("knee-pain").doesNotContain("This page has moved");
        assertThat(TestSites.read(site.resolve(".htaccess")))
                .contains("  RedirectMatch 301 \"^/exercises/leg-raise(/|/index\\.html)?$\" \"/exercises/leg-lift/\"\n")
                .contains("  RedirectMatch 301 \"^/conditions/knee-pain/program(/|/index\\.html)?$\" "
                        + "\"/conditions/sore-knee/program/\"\n")
                .contains("  RedirectMatch 301 \"^/about-us(/|/index\\.html)?$\" \"/about/\"\n");
        // the handout maker reads a link made before the rename by the exercise's name now
        assertThat(TestSites.read(site.resolve("handout/index.html")))
                .contains("data-moved=\"{&quot;leg-raise&quot;:&quot;leg-lift&quot;,"
                        + "&quot;straight-leg-raise&quot;:&quot;leg-lift&quot;}\"");
    }

    @Test
    void theOldAddressesAreUnderTheBasePath() {
        Path project = TestSites.project(tmp.resolve("p"), "publishable", "moved");

        var run = TestSites.run("build", "--project", project.toString(), "--base-url", "https://clinic.test/knee x/");

        assertThat(run.exitCode()).as(run.err()).isZero();
        Path site = project.resolve("site");
        assertThat(TestSites.read(site.resolve("exercises/leg-raise/index.html")))
                .contains("<link rel=\"canonical\" href=\"https://clinic.test/knee%20x/exercises/leg-lift/\">")
                .contains("url=../../exercises/leg-lift/");
        assertThat(TestSites.read(site.resolve(".htaccess")))
                .contains("  RedirectMatch 301 \"^/knee\\x20x/exercises/leg-raise(/|/index\\.html)?$\" "
                        + "\"/knee%20x/exercises/leg-lift/\"\n");
    }

    /** Nothing from content may lead out of the site: each such address is one error, and nothing is written. */
    @ParameterizedTest
    @ValueSource(strings = {"/exercises/../../etc/", "../leg-raise/", "//evil.test/x/", "https://evil.test/x/",
        "http://knees.clinic.internal/exercises/leg-raise/", "javascript:alert(1)", "/exercises/leg-raise/?x=1",
        "/exercises/leg-raise/#steps", "\\\\evil.test\\x", "/exercises\\leg-raise/", "/./leg-raise/"})
    void anOldAddressOutsideTheSiteIsRefused(String address) {
        Path project = TestSites.project(tmp.resolve("p"), "publishable");
        edit(project.resolve("content/exercises/leg-lift.md"), text -> text.replace("title: Leg lift\n",
                "title: Leg lift\nmoved_from: ['" + address + "']\n"));

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.errors()).as(run.err())
                .containsExactly("error moved.outside-site content/exercises/leg-lift.md:3:14");
        assertThat(project.resolve("site")).doesNotExist();
    }

    @Test
    void contentIsEscapedOnTheRedirectPageAndInTheHandoutsData() {
        Path project = TestSites.project(tmp.resolve("p"), "publishable", "moved");
        edit(project.resolve("content/exercises/leg-lift.md"), text -> text.replace("title: Leg lift\n",
                "title: 'Leg \"lift\" <script>alert(1)</script> & more'\n"));

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        String old = TestSites.read(project.resolve("site/exercises/leg-raise/index.html"));
        assertThat(old).contains(">Leg &quot;lift&quot; &lt;script&gt;alert(1)&lt;/script&gt; &amp; more</a>")
                .doesNotContain("<script>");
    }

    @Test
    void aDraftKeepsNoOldAddressUntilItIsPublished() {
        Path project = TestSites.project(tmp.resolve("p"), "publishable", "moved");
        edit(project.resolve("content/pages/about.md"), text -> text.replace("title: About\n",
                "title: About\ndraft: true\n"));

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(project.resolve("site/about-us")).doesNotExist();
        assertThat(TestSites.read(project.resolve("site/.htaccess"))).doesNotContain("about-us");
    }

    /**
     * A translation at its source's slug was at its source's old addresses too, under /es/; one with a
     * slug of its own keeps only the old addresses it lists itself. Each says so in its own language.
     */
    @Test
    void aTranslationKeepsItsOldAddressesInItsLanguage() {
        Path project = TestSites.withMessages(TestSites.project(tmp.resolve("p"), "complete", "two-languages"), "es");
        // the complete fixture's leg-lift keeps leg-raise
        Path es = project.resolve("content/es/exercises/leg-lift.md");
        edit(es, text -> text.replace("slug: elevacion-de-pierna\n", ""));

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        Path site = project.resolve("site");
        assertThat(TestSites.read(site.resolve("es/exercises/leg-raise/index.html")))
                .contains("<html lang=\"es\" dir=\"ltr\">").contains("Esta página se ha movido")
                .contains("url=../../exercises/leg-lift/")
                .contains("<link rel=\"canonical\" href=\"" + canonical(project) + "es/exercises/leg-lift/\">")
                .contains(">Elevación de pierna</a>");
        assertThat(TestSites.read(site.resolve(".htaccess")))
                .contains("\"^/es/exercises/leg-raise(/|/index\\.html)?$\" \"/es/exercises/leg-lift/\"");

        edit(es, text -> text.replace("title: Elevación de pierna\n",
                "title: Elevación de pierna\nslug: elevacion\nmoved_from: [elevacion-de-pierna]\n"));
        var own = TestSites.run("build", "--project", project.toString());

        assertThat(own.exitCode()).as(own.err()).isZero();
        assertThat(site.resolve("es/exercises/leg-raise")).doesNotExist();
        assertThat(TestSites.read(site.resolve("es/exercises/elevacion-de-pierna/index.html")))
                .contains("url=../../exercises/elevacion/");
        // a handout link names an exercise by its file's name, whatever its slug in a language: the Spanish
        // handout maker reads an English link made before the rename as the English one does
        assertThat(TestSites.read(site.resolve("es/handout/index.html")))
                .contains("data-moved=\"{&quot;leg-raise&quot;:&quot;leg-lift&quot;}\"");
    }

    /** A link written with an old address still leads to the page, and the editor is told the address now. */
    @Test
    void aLinkToAnOldAddressWarnsWithTheNewOneAndAMissingHeadingIsAnError() {
        Path project = TestSites.project(tmp.resolve("p"), "publishable", "moved");
        Path about = project.resolve("content/pages/about.md");
        edit(about, text -> text.replace("About us.", "See [the lift](/exercises/leg-raise/#steps)."));

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.diagnostics()).as(run.err()).containsExactly("warning link.moved content/pages/about.md:6:5");
        assertThat(run.message("link.moved")).contains("link to /exercises/leg-lift/#steps instead");

        edit(about, text -> text.replace("#steps", "#stepz"));
        var wrong = TestSites.run("build", "--project", project.toString());

        assertThat(wrong.errors()).as(wrong.err()).containsExactly("error link.broken-anchor content/pages/about.md:6:5");
        assertThat(wrong.message("link.broken-anchor")).contains("the page now at /exercises/leg-lift/")
                .contains("did you mean steps?");

        // a link that misses is not told to write an old address
        edit(about, text -> text.replace("/exercises/leg-raise/#stepz", "/exercises/leg-rais/"));
        var missed = TestSites.run("build", "--project", project.toString());

        assertThat(missed.errors()).as(missed.err()).containsExactly("error link.broken content/pages/about.md:6:5");
        assertThat(missed.message("link.broken")).doesNotContain("leg-raise");
    }

    /** The base URL the project's settings give. */
    private static String canonical(Path project) {
        return TestSites.read(project.resolve("content/site.yaml")).lines().filter(l -> l.startsWith("base_url:"))
                .findFirst().orElseThrow().substring("base_url:".length()).trim();
    }

    private static void edit(Path file, UnaryOperator<String> change) {
        try {
            Files.writeString(file, change.apply(Files.readString(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
