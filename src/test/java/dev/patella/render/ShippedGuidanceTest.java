package dev.patella.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.patella.TestSites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The shipped site's safety wording: one pain rule, one list of warning signs, a complete dose. */
class ShippedGuidanceTest {

    private static final Path CONTENT = TestSites.PROJECT.resolve("content");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static JsonNode frontMatter(Path md) throws IOException {
        String text = Files.readString(md);
        int end = text.indexOf("\n---", 4);
        return YAML.readTree(text.substring(4, end));
    }

    private static List<String> strings(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.asText()));
        return out;
    }

    /**
     * The pain guide is a plain page, which the site's help lists do not reach, and a printed guide must
     * carry the warning signs itself: its "Stop and get advice" and "See a doctor" lists repeat
     * get_help from site.yaml word for word, in each language.
     */
    @ParameterizedTest
    @ValueSource(strings = {"", "es/"})
    void painGuideListsTheSiteWideWarningSignsWordForWord(String language) throws IOException {
        JsonNode help = YAML.readTree(CONTENT.resolve(language + "site.yaml").toFile()).path("get_help");
        String guide = Files.readString(CONTENT.resolve(language + "pages/pain-guide.md"));

        for (String list : List.of("stop_if", "see_a_doctor")) {
            List<String> signs = strings(help.path(list));
            assertThat(signs).as(list).isNotEmpty();
            for (String sign : signs) {
                assertThat(guide).as(list).contains("- " + sign + "\n");
            }
        }
        assertThat(String.join(" ", strings(help.path("stop_if")))).doesNotContainIgnoringCase("kneecap");
    }

    @ParameterizedTest
    @ValueSource(strings = {"straight-leg-raise", "side-lying-leg-raise", "clamshell", "hip-extension-leg-raise", "semi-squat"})
    void exerciseStopListsKeepOnlyWarningSignsAndTheDoseIsComplete(String slug) throws IOException {
        JsonNode exercise = frontMatter(CONTENT.resolve("exercises/" + slug + ".md"));

        assertThat(String.join(" ", strings(exercise.path("stop_if")))).doesNotContainIgnoringCase("kneecap");
        assertThat(exercise.path("dose").path("frequency").asText()).contains("2 or 3 days a week [@acsm2009]");
        assertThat(exercise.path("dose").path("rest").asText()).contains("physical therapist");
    }

    @Test
    void semiSquatHandoutAndPageLinkThePainGuide(@org.junit.jupiter.api.io.TempDir Path tmp) {
        Path project = TestSites.shipped(tmp.resolve("p"));
        var run = TestSites.run("build", "--project", project.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        Path site = project.resolve("site");

        assertThat(TestSites.read(site.resolve("exercises/semi-squat/index.html")))
                .contains("<a href=\"../../pain-guide/\">how much pain is OK</a>")
                .doesNotContain("pain in or behind the kneecap");
        assertThat(TestSites.read(site.resolve("conditions/chondromalacia-patella/program/index.html")))
                .contains("<a href=\"../../../pain-guide/\">how much pain is OK</a>")
                .contains("How often:</strong> 2 or 3 days a week");
        assertThat(TestSites.read(site.resolve("pain-guide/index.html")))
                .contains("<h2 id=\"carry-on-if\">Carry on if</h2>");
    }

    @Test
    void handoutPrintsThePainGuidesCarryOnAndEaseOffLinesWordForWord(@org.junit.jupiter.api.io.TempDir Path tmp)
            throws IOException {
        String guide = Files.readString(CONTENT.resolve("pages/pain-guide.md"));
        Path project = TestSites.shipped(tmp.resolve("p"));
        var run = TestSites.run("build", "--project", project.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        String handout = TestSites.read(project.resolve("site/conditions/chondromalacia-patella/program/index.html"));

        for (String section : List.of("## Carry on if", "## Ease off if")) {
            String list = guide.substring(guide.indexOf(section) + section.length()).split("\n## |\n\n[^-]")[0];
            List<String> lines = list.lines().filter(l -> l.startsWith("- ")).map(l -> l.substring(2)).toList();
            assertThat(lines).as(section).isNotEmpty();
            for (String line : lines) {
                assertThat(handout).contains(line.replace("'", "&#39;"));
            }
        }
    }
}
