package dev.patella.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patella.TestSites;
import dev.patella.diag.ShellPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds through the command line and checks the site that comes out. */
class BuildTest {

    private static final List<String> SHIPPED_PAGES = List.of("index.html", "404.html",
            "conditions/chondromalacia-patella/index.html", "exercises/index.html",
            "exercises/straight-leg-raise/index.html", "exercises/side-lying-leg-raise/index.html",
            "exercises/clamshell/index.html", "exercises/hip-extension-leg-raise/index.html",
            "exercises/semi-squat/index.html", "sources/index.html", "about/index.html",
            "editorial-policy/index.html", "disclaimer/index.html",
            "conditions/chondromalacia-patella/program/index.html", "search/index.html", "glossary/index.html",
            "handout/index.html");

    @TempDir
    Path tmp;

    @Test
    void buildsEveryPageOfTheShippedSiteAtItsContractUrl() {
        Path project = TestSites.shipped(tmp.resolve("p"));

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.errors()).isEmpty();
        assertThat(run.out()).containsPattern("Built 36 pages \\(\\d+ files, \\d+ changed\\) in \\d+\\.\\d\\d s");
        Path site = project.resolve("site");
        for (String page : SHIPPED_PAGES) {
            assertThat(site.resolve(page)).as(page).isRegularFile();
        }
        String sitemap = TestSites.read(site.resolve("sitemap.xml"));
        assertThat(sitemap).contains("<loc>https://example.org/exercises/clamshell/</loc>")
                .contains("<loc>https://example.org/</loc>").doesNotContain("404");
        assertThat(Pattern.compile("<loc>").matcher(sitemap).results().count()).isEqualTo(34);
        assertThat(sitemap).contains("<loc>https://example.org/conditions/chondromalacia-patella/program/</loc>")
                .contains("<loc>https://example.org/search/</loc>");
        assertThat(TestSites.read(site.resolve("robots.txt"))).contains("Sitemap: https://example.org/sitemap.xml");
    }

    @Test
    void conditionPageLinksEveryExerciseInProgramOrder() {
        Path project = TestSites.shipped(tmp.resolve("p"));
        TestSites.run("build", "--project", project.toString());

        String html = TestSites.read(project.resolve("site/conditions/chondromalacia-patella/index.html"));

        List<String> order = List.of("straight-leg-raise", "side-lying-leg-raise", "clamshell",
                "hip-extension-leg-raise", "semi-squat");
        int last = -1;
        for (String slug : order) {
            int at = html.indexOf("href=\"../../exercises/" + slug + "/\"");
            assertThat(at).as(slug).isGreaterThan(last);
            last = at;
        }
        assertThat(html).contains("What to avoid until it settles");
    }

    @Test
    void sourcesPageFormatsReferencesInAmaStyleWithDoiLinks() {
        Path project = TestSites.shipped(tmp.resolve("p"));
        TestSites.run("build", "--project", project.toString());

        String html = TestSites.read(project.resolve("site/sources/index.html"));

        assertThat(html.replaceAll("<[^>]+>", "")).contains("Smith BE, Selfe J, Thacker D, et al. Incidence and "
                + "prevalence of patellofemoral pain: a systematic review and meta-analysis. PLoS One. "
                + "2018;13(1):e0190892. doi:10.1371/journal.pone.0190892");
        assertThat(html).contains("<a class=\"address\" href=\"https://doi.org/10.1371/journal.pone.0190892\">");
    }

    @Test
    void sameInputGivesByteIdenticalOutput() {
        Path project = TestSites.shipped(tmp.resolve("p"));
        TestSites.run("build", "--project", project.toString(), "--output", tmp.resolve("a").toString());
        TestSites.run("build", "--project", project.toString(), "--output", tmp.resolve("b").toString());

        var a = TestSites.snapshot(tmp.resolve("a"));
        var b = TestSites.snapshot(tmp.resolve("b"));

        assertThat(a).hasSizeGreaterThan(SHIPPED_PAGES.size());
        assertThat(a.keySet()).isEqualTo(b.keySet());
        a.forEach((path, bytes) -> assertThat(b.get(path)).as(path).isEqualTo(bytes));
    }

    @Test
    void baseUrlWithSubPathGivesLinksThatWorkUnderThatPath() {
        Path project = TestSites.shipped(tmp.resolve("p"));

        var run = TestSites.run("build", "--project", project.toString(), "--base-url", "https://example.org/knee");

        assertThat(run.exitCode()).as(run.err()).isZero();
        Path site = project.resolve("site");
        String exercise = TestSites.read(site.resolve("exercises/clamshell/index.html"));
        assertThat(exercise).contains("<link rel=\"canonical\" href=\"https://example.org/knee/exercises/clamshell/\">")
                .doesNotContainPattern("(href|src)=\"/");
        assertThat(TestSites.read(site.resolve("sitemap.xml"))).contains("<loc>https://example.org/knee/sources/</loc>");
        assertThat(TestSites.read(site.resolve("404.html"))).contains("href=\"/knee/exercises/\"")
                .contains("href=\"/knee/assets/style.");
    }

    @Test
    void conditionsSharingExercisesAreLinkedBothWays() {
        Path project = TestSites.project(tmp.resolve("p"), "two-conditions");

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        Path site = project.resolve("site");
        String sideStep = TestSites.read(site.resolve("exercises/side-step/index.html"));
        assertThat(sideStep).contains("<a href=\"../../conditions/sore-knee/\">Sore knee</a>: Early phase, exercise 2")
                .contains("<a href=\"../../conditions/stiff-hip/\">Stiff hip</a>: Early phase, exercise 1");
        String hip = TestSites.read(site.resolve("conditions/stiff-hip/index.html"));
        assertThat(hip.indexOf("exercises/side-step/")).isLessThan(hip.indexOf("exercises/leg-lift/"));
        assertThat(hip.indexOf("exercises/leg-lift/")).isLessThan(hip.indexOf("exercises/half-squat/"));
        String knee = TestSites.read(site.resolve("conditions/sore-knee/index.html"));
        assertThat(knee.indexOf("exercises/leg-lift/")).isLessThan(knee.indexOf("exercises/side-step/"));
    }

    @Test
    void draftsAreBuiltOnlyWhenAskedFor() {
        Path project = TestSites.project(tmp.resolve("p"), "drafts");

        var plain = TestSites.run("build", "--project", project.toString());
        assertThat(plain.exitCode()).as(plain.err()).isZero();
        assertThat(project.resolve("site/exercises/wall-sit")).doesNotExist();

        var drafts = TestSites.run("build", "--project", project.toString(), "--drafts");
        assertThat(drafts.exitCode()).as(drafts.err()).isZero();
        assertThat(project.resolve("site/exercises/wall-sit/index.html")).isRegularFile();
    }

    @Test
    void refusesAnOutputFolderThatWouldReplaceTheContent() {
        Path project = TestSites.project(tmp.resolve("p"));

        var run = TestSites.run("build", "--project", project.toString(), "--output", project.resolve("content").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("overlaps");
        assertThat(project.resolve("content/site.yaml")).isRegularFile();
    }

    /**
     * A folder no Patella build wrote (nothing beside it says so) is refused with or without an
     * index.html, for --output and for a site/ made by hand: a build would replace it whole, moving
     * its files into the back buffer, which the next build empties. Nothing is moved.
     */
    /** A site/ that is a symbolic link is refused, not replaced by a folder while what it points at stays old. */
    @Test
    void refusesAnOutputFolderThatIsASymbolicLink() throws Exception {
        Path project = TestSites.project(tmp.resolve("p"));
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.createSymbolicLink(project.resolve("site"), elsewhere);

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains("is a symbolic link to " + elsewhere).contains("nothing was changed")
                .contains("publish --to " + elsewhere.toUri())
                .doesNotContain("\tat ");
        assertThat(Files.isSymbolicLink(project.resolve("site"))).isTrue();
        try (var left = Files.list(elsewhere)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void refusesAFolderOfOtherFilesAndMovesNothing() throws Exception {
        Path project = TestSites.project(tmp.resolve("p"));
        Path mine = tmp.resolve("d");
        TestSites.write(mine.resolve("thesis.txt"), "precious");
        TestSites.write(mine.resolve("index.html"), "<html>x</html>");
        TestSites.write(project.resolve("site/index.html"), "<html>made by hand</html>");

        var run = TestSites.run("build", "--project", project.toString(), "--output", mine.toString());
        var handMade = TestSites.run("build", "--project", project.toString());

        for (var r : List.of(run, handMade)) {
            assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
            assertThat(r.err()).contains("no Patella build wrote it").contains("nothing was changed")
                    .contains("empty or new folder").contains("rm -rf").doesNotContain("\tat ");
        }
        assertThat(TestSites.read(mine.resolve("thesis.txt"))).isEqualTo("precious");
        assertThat(TestSites.read(mine.resolve("index.html"))).isEqualTo("<html>x</html>");
        assertThat(TestSites.read(project.resolve("site/index.html"))).isEqualTo("<html>made by hand</html>");
        try (var siblings = Files.list(tmp)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("p", "d");
        }
    }

    /**
     * A folder an earlier build wrote is built again: with its manifest beside it, and, as a Patella
     * from before the manifest left it, with only its lock file; an empty folder is taken too.
     */
    @Test
    void buildsAgainIntoAFolderAnEarlierBuildWroteAndIntoAnEmptyOne() throws Exception {
        Path project = TestSites.project(tmp.resolve("p"));
        Path out = tmp.resolve("out");
        Files.createDirectories(out);
        for (int i = 0; i < 2; i++) {
            var run = TestSites.run("build", "--project", project.toString(), "--output", out.toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
        }
        // as an older Patella left it: the site and its lock, no manifest, no back buffer
        Files.delete(tmp.resolve(".out.manifest"));
        Files.deleteIfExists(tmp.resolve(".out.back.manifest"));
        try (var walk = Files.walk(tmp.resolve(".out.back"))) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        assertThat(tmp.resolve(".out.lock")).exists();
        TestSites.write(project.resolve("content/pages/extra.md"), "---\ntitle: Extra\nsummary: An extra page.\n---\nExtra.\n");

        var again = TestSites.run("build", "--project", project.toString(), "--output", out.toString());

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(out.resolve("extra/index.html")).isRegularFile();
    }

    @Test
    void commandLineMistakesExitWithTwoAndHelpExitsWithZero() {
        assertThat(TestSites.run("build", "--no-such-option").exitCode()).isEqualTo(2);
        assertThat(TestSites.run("build", "--project", tmp.resolve("missing").toString()).exitCode()).isEqualTo(2);
        assertThat(TestSites.run("build", "--base-url", "not a url").exitCode()).isEqualTo(2);
        assertThat(TestSites.run().exitCode()).isEqualTo(2);
        var help = TestSites.run("build", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--project").contains("--output").contains("--base-url").contains("--drafts");
    }

    @Test
    void theSiteFolderHoldsNoStagingLeftovers() throws Exception {
        Path project = TestSites.project(tmp.resolve("p"));
        Files.createDirectories(project.resolve(".site.staging-dead"));
        TestSites.write(project.resolve(".site.staging-dead/index.html"), "half written");

        TestSites.run("build", "--project", project.toString());
        TestSites.run("build", "--project", project.toString());

        try (var siblings = Files.list(project)) {
            assertThat(siblings.map(p -> p.getFileName().toString()))
                    .noneMatch(n -> n.startsWith(".site.staging") || n.startsWith(".site.old"));
        }
    }

    /**
     * The record of the last build kept for publish cannot be written (a folder is where it goes):
     * the build goes on, the warning names that folder (not the temporary file written beside it),
     * and the failed build's summary counts that warning with the content's.
     */
    @Test
    void aRecordThatCannotBeWrittenIsNamedAndCountedInTheSummary() throws Exception {
        Path project = TestSites.project(tmp.resolve("p"));
        assertThat(TestSites.run("build", "--project", project.toString()).exitCode()).isZero();
        Path record = project.resolve(".patella/last-build");
        Files.delete(record);
        Files.createDirectories(record.resolve("in-the-way"));
        Path settings = project.resolve("content/site.yaml");
        Files.writeString(settings, Files.readString(settings).replace("title: Test Knees", "title: [Test Knees"));

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.errors()).hasSize(1);
        assertThat(run.err()).contains("patella: warning: ").contains("rename or remove the folder "
                + ShellPath.quoted(record.toAbsolutePath().normalize())).doesNotContain(".tmp")
                .contains("Found 1 error and 1 warning;");
    }
}
