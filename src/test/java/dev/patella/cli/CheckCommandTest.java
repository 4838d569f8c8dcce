package dev.patella.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patella.TestSites;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code patella check}: what build checks and more, at the file and line to fix, writing nothing. */
class CheckCommandTest {

    @TempDir
    Path tmp;

    @Test
    void theShippedSitePassesAndNothingIsWritten() {
        Path project = TestSites.shipped(tmp.resolve("p"));

        var run = TestSites.run("check", "--project", project.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.diagnostics()).isEmpty();
        assertThat(run.out()).contains("Checked 16 pages: no errors");
        assertThat(project.resolve("site")).doesNotExist();
    }

    @Test
    void aBrokenTemplateLinkIsReportedAtTheTemplateLineByCheckAndBuild() {
        Path project = TestSites.project(tmp.resolve("p"));
        Path page = project.resolve("templates/page.ftlh");
        TestSites.write(page, TestSites.read(page).replace("<h1>${page.title}</h1>",
                "<h1>${page.title}</h1>\n<p><a href=\"${page.layout.root}exercise/\">All exercises</a> "
                        + "<a href=\"#top\">Top</a></p>"));

        var check = TestSites.run("check", "--project", project.toString());
        var build = TestSites.run("build", "--project", project.toString());

        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.errors()).contains("error link.broken templates/page.ftlh:6:13",
                "error link.broken-anchor templates/page.ftlh:6:70");
        assertThat(check.message("link.broken")).contains("/exercise/").contains("fix the address");
        assertThat(check.err()).contains("    6 | <p><a href=\"${page.layout.root}exercise/\">");
        assertThat(build.exitCode()).isEqualTo(1);
        assertThat(build.errors()).contains("error link.broken templates/page.ftlh:6:13");
    }

    @Test
    void anExerciseInNoProgramIsAnErrorForCheckButNotForBuild() {
        Path project = TestSites.project(tmp.resolve("p"));
        String legLift = TestSites.read(project.resolve("content/exercises/leg-lift.md"));
        TestSites.write(project.resolve("content/exercises/heel-slide.md"),
                legLift.replace("title: Leg lift", "title: Heel slide"));

        var check = TestSites.run("check", "--project", project.toString());

        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.errors()).containsExactly("error exercise.unused content/exercises/heel-slide.md:1:1");
        assertThat(check.message("exercise.unused")).contains("\"heel-slide\"").contains("program:");
        assertThat(TestSites.run("build", "--project", project.toString()).exitCode()).isZero();
    }

    @Test
    void imagesNeedAltTextAndLinksToOtherSitesShouldUseHttps() {
        Path project = TestSites.project(tmp.resolve("p"));
        TestSites.write(project.resolve("content/images/knee.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        TestSites.write(project.resolve("content/pages/about.md"), "---\ntitle: About\nsummary: About this site.\n---\n"
                + "About us, and [a friend](http://example.org/).\n\n![](/images/knee.svg)\n\n"
                + "![A knee](https://example.org/knee.png)\n");

        var check = TestSites.run("check", "--project", project.toString());

        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.diagnostics()).containsExactlyInAnyOrder(
                "warning link.insecure content/pages/about.md:5:15",
                "error image.missing-alt content/pages/about.md:7:1",
                "error image.outside-project content/pages/about.md:9:1");
        assertThat(TestSites.run("build", "--project", project.toString()).exitCode()).isZero();
    }
}
