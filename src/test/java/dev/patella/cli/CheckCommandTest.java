package dev.patella.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patella.TestSites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code patella check}: what build checks and more, at the file and line to fix, writing nothing. */
class CheckCommandTest {

    /** Overlaid on the minimal site: a base URL that is not an example address, so check can pass. */
    private static final String PUBLISHABLE = "publishable";

    @TempDir
    Path tmp;

    @Test
    void theShippedSiteSaysWhatItsOwnerMustSetBeforePublishingAndNothingIsWritten() {
        Path project = TestSites.shipped(tmp.resolve("p"));

        var run = TestSites.run("check", "--project", project.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errors()).contains("error link.example-domain content/site.yaml:6:11",
                "error link.example-domain content/site.yaml:9:8", "error link.example-domain content/site.yaml:11:19")
                .allMatch(e -> e.startsWith("error link.example-domain ") || e.startsWith("error content.placeholder "));
        assertThat(run.message("link.example-domain")).contains("\"base_url\" is still the example address");
        assertThat(project.resolve("site")).doesNotExist();
        assertThat(TestSites.run("build", "--project", project.toString(), "--output",
                tmp.resolve("out").toString()).exitCode()).isZero();
    }

    @Test
    void theMinimalSiteWithARealAddressPasses() {
        Path project = TestSites.project(tmp.resolve("p"), PUBLISHABLE);

        var run = TestSites.run("check", "--project", project.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.diagnostics()).isEmpty();
        assertThat(run.out()).contains("Checked 10 pages: no errors");
    }

    static Stream<String> checkCases() throws IOException {
        try (Stream<Path> dirs = Files.list(TestSites.FIXTURES.resolve("check-errors"))) {
            return dirs.map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    /** One mistake per fixture under {@code sites/check-errors/}, laid over a site that would otherwise pass. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("checkCases")
    void checkReportsEachPlaceholderLeftInAtItsPositionWhileBuildAcceptsIt(String name) throws IOException {
        Path project = TestSites.project(tmp.resolve("p"), PUBLISHABLE, "check-errors/" + name);

        var check = TestSites.run("check", "--project", project.toString());

        List<String> expected = Files.readAllLines(TestSites.FIXTURES.resolve("check-errors/" + name + "/expected.txt"));
        assertThat(check.exitCode()).as(check.err()).isEqualTo(1);
        assertThat(check.errors()).as(check.err()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(check.err()).doesNotContain("\tat ");
        assertThat(TestSites.run("build", "--project", project.toString()).exitCode()).isZero();
    }

    @Test
    void everyKindOfFileThatNewWritesFailsCheckOnceItIsNoLongerADraft() throws IOException {
        Path project = TestSites.project(tmp.resolve("p"), PUBLISHABLE);
        for (String kind : List.of("page", "exercise", "condition")) {
            assertThat(TestSites.run("new", kind, "fresh-" + kind, "--project", project.toString()).exitCode()).isZero();
        }
        assertThat(TestSites.run("check", "--project", project.toString()).errors())
                .noneMatch(e -> e.contains("content.placeholder")); // drafts are not published

        for (String folder : List.of("pages/fresh-page", "exercises/fresh-exercise", "conditions/fresh-condition")) {
            Path file = project.resolve("content/" + folder + ".md");
            Files.writeString(file, Files.readString(file).replaceAll("(?m)^draft: true.*\n", ""));
        }
        var check = TestSites.run("check", "--project", project.toString());

        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.errors()).contains("error content.placeholder content/pages/fresh-page.md:4:10")
                .anyMatch(e -> e.startsWith("error content.placeholder content/exercises/fresh-exercise.md:"))
                .anyMatch(e -> e.startsWith("error content.placeholder content/conditions/fresh-condition.md:"));
        assertThat(check.message("content.placeholder")).contains("patella new").contains("replace it");
    }

    /**
     * An editor's note is never published, so an example sentence kept in one (the scaffold's text
     * turned into a note while the page is written) is not a placeholder left in; one written
     * beside a note still is.
     */
    @Test
    void anExampleSentenceKeptInANoteIsNotAPlaceholderButOneBesideANoteIs() throws IOException {
        Path project = TestSites.project(tmp.resolve("p"), PUBLISHABLE);
        assertThat(TestSites.run("new", "page", "fresh-page", "--project", project.toString()).exitCode()).isZero();
        Path file = project.resolve("content/pages/fresh-page.md");
        String text = Files.readString(file).replaceAll("(?m)^draft: true.*\n", "");
        String body = text.substring(text.indexOf("\n---\n") + 5);
        String front = text.substring(0, text.indexOf("\n---\n") + 5)
                .replaceAll("(?m)^summary: .*$", "summary: Who writes these pages.");
        Files.writeString(file, front + "<!--\n" + body + "-->\nOur team of physical therapists writes these pages.\n");

        var check = TestSites.run("check", "--project", project.toString());

        assertThat(check.exitCode()).as(check.err()).isZero();
        assertThat(check.diagnostics()).as(check.err()).isEmpty();

        Files.writeString(file, Files.readString(file).replace("summary: Who writes these pages.",
                "summary: What this page is about, in one sentence. <!-- TODO -->"));
        assertThat(TestSites.run("check", "--project", project.toString()).errors())
                .containsExactly("error content.placeholder content/pages/fresh-page.md:4:10");
    }

    /**
     * The examples {@code new} writes are instructions no finished page would keep word for word.
     * They were once sentences an exercise could really say ("The front of your thigh.", "You feel
     * a sharp pain in your knee."): an editor who kept one because it was right for the page was
     * told to replace it. Here a new exercise is finished with those very sentences.
     */
    @Test
    void sentencesAFinishedExerciseMayReallySayAreNotTakenForExamples() throws IOException {
        Path project = TestSites.project(tmp.resolve("p"), PUBLISHABLE);
        assertThat(TestSites.run("new", "exercise", "wall-squat", "--project", project.toString()).exitCode()).isZero();
        Path file = project.resolve("content/exercises/wall-squat.md");
        String text = Files.readString(file);
        String yaml = text.substring(0, text.indexOf("\n---\n") + 5);
        Map<String, String> finished = new LinkedHashMap<>();
        finished.put("summary", "A squat with your back against a wall.");
        finished.put("feel_it", "The front of your thigh.");
        finished.put("position", "Stand with your back against a wall.");
        finished.put("  rest", "Rest for a short while between sets.");
        finished.put("  frequency", "As often as your physical therapist advises.");
        for (var field : finished.entrySet()) {
            yaml = yaml.replaceAll("(?m)^" + field.getKey() + ": .*$", field.getKey() + ": " + field.getValue());
        }
        String[] lists = {"steps", "tips", "mistakes", "progressions", "regressions", "stop_if"};
        String[] items = {"Tighten the muscle at the front of your thigh.", "Move slowly and breathe out as you lift.",
                "Moving too fast.", "Hold the lift for a few seconds longer.", "Lift your leg only a short way.",
                "You feel a sharp pain in your knee."};
        for (int i = 0; i < lists.length; i++) {
            yaml = yaml.replaceAll("(?m)^(" + lists[i] + ":.*\\n)(  - .*\\n)+", "$1  - " + items[i] + "\n");
        }
        Files.writeString(file, yaml.replaceAll("(?m)^draft: true.*\\n", "")
                + "A squat against a wall takes some of your weight off your knees.\n");

        var check = TestSites.run("check", "--project", project.toString());

        // published and checked: its one error is that no program names it yet
        assertThat(check.errors()).as(check.err()).containsExactly("error exercise.unused content/exercises/wall-squat.md:1:1");
        assertThat(Files.readString(file)).contains("feel_it: The front of your thigh.")
                .contains("  - You feel a sharp pain in your knee.\n");
    }

    @Test
    void anExampleAddressWrittenInATemplateIsReportedAtTheTemplateLine() {
        Path project = TestSites.project(tmp.resolve("p"), PUBLISHABLE);
        Path page = project.resolve("templates/page.ftlh");
        TestSites.write(page, TestSites.read(page).replace("<h1>${page.title}</h1>",
                "<h1>${page.title}</h1>\n<p><a href=\"https://help.example.org/\">Help</a></p>"));

        var check = TestSites.run("check", "--project", project.toString());

        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.errors()).containsExactly("error link.example-domain templates/page.ftlh:6:13");
        assertThat(check.message("link.example-domain")).contains("https://help.example.org/").contains("template");
    }

    @Test
    void aBrokenTemplateLinkIsReportedAtTheTemplateLineByCheckAndBuild() {
        Path project = TestSites.project(tmp.resolve("p"), PUBLISHABLE);
        Path page = project.resolve("templates/page.ftlh");
        TestSites.write(page, TestSites.read(page).replace("<h1>${page.title}</h1>",
                "<h1>${page.title}</h1>\n<p><a href=\"${page.layout.place.root}exercise/\">All exercises</a> "
                        + "<a href=\"#top\">Top</a></p>"));

        var check = TestSites.run("check", "--project", project.toString());
        var build = TestSites.run("build", "--project", project.toString());

        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.errors()).contains("error link.broken templates/page.ftlh:6:13",
                "error link.broken-anchor templates/page.ftlh:6:76");
        assertThat(check.message("link.broken")).contains("/exercise/").contains("fix the address");
        assertThat(check.err()).contains("    6 | <p><a href=\"${page.layout.place.root}exercise/\">");
        assertThat(build.exitCode()).isEqualTo(1);
        assertThat(build.errors()).contains("error link.broken templates/page.ftlh:6:13");
    }

    @Test
    void anExerciseInNoProgramIsAnErrorForCheckButNotForBuild() {
        Path project = TestSites.project(tmp.resolve("p"), PUBLISHABLE);
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
        Path project = TestSites.project(tmp.resolve("p"), PUBLISHABLE);
        TestSites.write(project.resolve("content/images/knee.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        TestSites.write(project.resolve("content/pages/about.md"), "---\ntitle: About\nsummary: About this site.\n---\n"
                + "About us, and [a friend](http://friends.clinic.internal/).\n\n![](/images/knee.svg)\n\n"
                + "![A knee](https://images.clinic.internal/knee.png)\n");

        var check = TestSites.run("check", "--project", project.toString());

        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.diagnostics()).containsExactlyInAnyOrder(
                "warning link.insecure content/pages/about.md:5:15",
                "error image.missing-alt content/pages/about.md:7:1",
                "error image.outside-project content/pages/about.md:9:1");
        assertThat(TestSites.run("build", "--project", project.toString()).exitCode()).isZero();
    }
}
