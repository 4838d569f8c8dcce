package dev.patella.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patella.TestSites;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What readers see of the site's own addresses: the error-report contact, and the handout's page addresses. */
class NoPlaceholderForReadersTest {

    @TempDir
    Path tmp;

    @Test
    void everyPageLinksToTheErrorReportContactWhenTheSiteHasOne() {
        Path project = TestSites.project(tmp.resolve("p"), "publishable");
        Path settings = project.resolve("content/site.yaml");
        TestSites.write(settings, TestSites.read(settings) + "report_errors_to: mailto:errors@knees.clinic.internal\n");

        build(project);

        for (String page : new String[] {"index.html", "about/index.html", "exercises/leg-lift/index.html"}) {
            assertThat(TestSites.read(project.resolve("site/" + page)))
                    .contains("<a href=\"mailto:errors@knees.clinic.internal\">Report an error</a>");
        }
    }

    @Test
    void noReportLinkIsShownWhenTheSiteHasNoContact() {
        Path project = TestSites.project(tmp.resolve("p"), "publishable");

        build(project);

        assertThat(TestSites.read(project.resolve("site/index.html"))).doesNotContain("Report an error");
    }

    @Test
    void theHandoutPrintsEachExercisesAddressWhenTheSiteHasARealOne() {
        Path project = TestSites.project(tmp.resolve("p"), "publishable");

        build(project);

        assertThat(TestSites.read(project.resolve("site/conditions/sore-knee/program/index.html")))
                .contains("Full page: knees.clinic.internal/exercises/leg-lift/");
    }

    @Test
    void theHandoutPrintsNoAddressWhileTheBaseUrlIsAnExample() {
        Path project = TestSites.project(tmp.resolve("p")); // base_url: https://example.org/

        build(project);

        String handout = TestSites.read(project.resolve("site/conditions/sore-knee/program/index.html"));
        // no address written: print.js writes one at print time, from the address the page was opened at
        assertThat(handout).contains("Leg lift").doesNotContain(">Full page:")
                .contains("data-print-text=\"Full page: {url}\"");
    }

    private static void build(Path project) {
        var run = TestSites.run("build", "--project", project.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
    }
}
