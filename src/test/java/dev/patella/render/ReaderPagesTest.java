package dev.patella.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.patella.TestSites;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The reader's pages as HTML: the printable program, the search index, the filterable list, the manifest. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReaderPagesTest {

    private Path site;

    @BeforeAll
    void build(@TempDir Path tmp) {
        Path project = TestSites.shipped(tmp.resolve("p"));
        var run = TestSites.run("build", "--project", project.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        site = project.resolve("site");
    }

    private String read(String path) {
        return TestSites.read(site.resolve(path));
    }

    private static int count(String html, String text) {
        return (int) Pattern.compile(Pattern.quote(text)).matcher(html).results().count();
    }

    @Test
    void programPageHoldsEveryExerciseInOrderWithPreparedLinesAndATickTable() {
        String html = read("conditions/chondromalacia-patella/program/index.html");

        assertThat(html).contains("<h1>Home exercise program: Patellofemoral pain (runner&#39;s knee)</h1>")
                .contains("Prepared for:").contains("Prepared by:").contains("Date:");
        List<String> order = List.of("straight-leg-raise", "side-lying-leg-raise", "clamshell",
                "hip-extension-leg-raise", "semi-squat");
        int last = -1;
        for (String slug : order) {
            int at = html.indexOf("id=\"ex-" + slug + "\"");
            assertThat(at).as(slug).isGreaterThan(last);
            last = at;
        }
        assertThat(count(html, "<table class=\"ticks\">")).isEqualTo(5);
        assertThat(count(html, "<span class=\"box\"></span>")).isEqualTo(5 * 4 * 7);
        assertThat(count(html, "<ol class=\"steps\">")).isEqualTo(5);
        // the shipped base URL is an example address: no "Full page" line is written, only print.js fills
        // one at print time from the address the page was opened at
        assertThat(html).doesNotContain(">Full page:")
                .contains("<label class=\"include\" hidden>")
                .containsPattern("<div class=\"print-tools\" id=\"print-tools\" "
                        + "data-will-print=\"\\{kept} of \\{total} exercises will print\\.\" "
                        + "data-none=\"No exercise is ticked, so none will print\\. Tick at least one\\.\" hidden>")
                .containsPattern("<script src=\"../../../assets/program\\.[0-9a-f]{10}\\.js\" defer></script>");
    }

    @Test
    void conditionAndHomePagesLinkThePrintableProgram() {
        assertThat(read("conditions/chondromalacia-patella/index.html"))
                .contains("href=\"../../conditions/chondromalacia-patella/program/\"");
        assertThat(read("index.html")).contains("href=\"conditions/chondromalacia-patella/program/\"");
    }

    @Test
    void searchIndexFindsTheGluteExercisesByTheirMuscles() throws IOException {
        Path index = TestSites.searchIndex(site);
        JsonNode pages = new ObjectMapper().readTree(index.toFile()).path("pages");
        List<String> glute = new ArrayList<>();
        for (JsonNode page : pages) {
            if ((page.path("t").asText() + " " + page.path("w").asText()).toLowerCase().contains("glute")) {
                glute.add(page.path("u").asText());
            }
        }
        assertThat(glute).contains("exercises/clamshell/", "exercises/side-lying-leg-raise/");

        // body text: each distinct word once, so the index stays small however long the page
        Map<String, List<String>> body = new java.util.HashMap<>();
        for (JsonNode page : pages) {
            body.put(page.path("u").asText(), List.of(page.path("b").asText().split(" ")));
        }
        assertThat(body.get("conditions/chondromalacia-patella/")).contains("running", "lunges", "swollen", "fever")
                .doesNotHaveDuplicates().doesNotContain("of", "a", "Running");
        assertThat(body.get("pain-guide/")).contains("morning");
        assertThat(body.get("exercises/semi-squat/")).contains("chair").doesNotHaveDuplicates();
        assertThat(read("search/index.html")).contains("data-index=\"../assets/" + index.getFileName() + "\"")
                .contains("<a href=\"../exercises/clamshell/\">Clamshell</a>");
    }

    @Test
    void exerciseListCarriesFilterDataAndStaticListsByMuscleTypeAndEquipment() {
        String html = read("exercises/index.html");

        assertThat(html).containsPattern("<form class=\"filters\" id=\"filters\" action=\"\\./\" method=\"get\" "
                        + "data-all=\"Showing all \\{n} exercises\\.\" [^>]*hidden>")
                .contains("<option value=\"gluteus-medius\">Gluteus medius</option>")
                .contains("<option value=\"closed-chain\">Closed chain</option>")
                .contains("<option value=\"no-equipment\">No equipment</option>")
                .contains("data-phase=\"later\" data-chain=\"closed-chain\" data-muscles=\"quadriceps gluteus-maximus\" "
                        + "data-equipment=\"a-sturdy-chair resistance-band\"")
                .contains("<h3 id=\"by-muscle\">By muscle</h3>")
                .contains("<dt>Gluteus medius</dt><dd><a href=\"../exercises/side-lying-leg-raise/\">Side-lying leg "
                        + "raise</a>, <a href=\"../exercises/clamshell/\">Clamshell</a></dd>");
    }

    @Test
    void exercisePageLeadsWithDoseThenDrawingThenStepsThenTipsVersionsAndStopSigns() {
        String html = read("exercises/clamshell/index.html");

        List<String> order = List.of("id=\"dose\"", "<figure class=\"illustration\">", "id=\"steps\"", "id=\"tips\"",
                "id=\"harder\"", "id=\"easier\"", "id=\"help-heading\"");
        int last = -1;
        for (String part : order) {
            int at = html.indexOf(part);
            assertThat(at).as(part).isGreaterThan(last);
            last = at;
        }
        assertThat(html).contains("width=\"360\" height=\"300\"");
    }

    @Test
    void everyPageLinksTheIconTheManifestAndMarksWhereTheReaderIs() {
        String html = read("exercises/clamshell/index.html");
        assertThat(html).contains("<link rel=\"icon\" href=\"../../assets/favicon.svg\" type=\"image/svg+xml\">")
                .contains("<link rel=\"manifest\" href=\"../../manifest.webmanifest\">")
                .contains("<a href=\"../../exercises/\" aria-current=\"true\">Exercises</a>")
                .contains("<span aria-current=\"page\">Clamshell</span>");
        assertThat(read("exercises/index.html")).contains("<a href=\"../exercises/\" aria-current=\"page\">Exercises</a>");
        assertThat(read("manifest.webmanifest")).contains("\"start_url\":\"./\"")
                .contains("\"src\":\"assets/favicon.svg\"").contains("\"name\":\"Runner's Knee Exercises\"");
        assertThat(site.resolve("favicon.ico")).isRegularFile();
    }

    @Test
    void doseTextIsWordedByTheTemplatesWithTheHoldAndPlurals() {
        assertThat(read("exercises/index.html")).contains("3 sets of 10–15, hold 1 second, each side ·");
        assertThat(read("index.html")).contains("Clamshell</a>: 3 sets of 10–15, hold 1 second, each side</li>");
        assertThat(read("conditions/chondromalacia-patella/program/index.html"))
                .contains("<strong>3 sets of 10–15, hold 1 second, each side.</strong>");
        assertThat(read("exercises/clamshell/index.html")).contains("<dt>Hold</dt><dd>1 second</dd>");
    }

    @Test
    void oneSetIsOneSetAndLongerHoldsArePlural(@TempDir Path tmp) {
        Path project = TestSites.project(tmp.resolve("p"));
        Path exercise = project.resolve("content/exercises/leg-lift.md");
        TestSites.write(exercise, TestSites.read(exercise).replace("  sets: 3\n  reps: 10-15\n",
                "  sets: 1\n  reps: 5\n  hold_seconds: 5\n"));

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        String list = TestSites.read(project.resolve("site/exercises/index.html"));
        assertThat(list).contains("1 set of 5, hold 5 seconds, each side").doesNotContain("1 sets");
    }
}
