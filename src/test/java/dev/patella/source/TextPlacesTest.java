package dev.patella.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patella.TestSites;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mistake inside a YAML text written over several lines is reported at its own line and column:
 * YAML gives such a text as one string, its lines joined or unindented, and the places of its
 * pieces are found again in the file.
 */
class TextPlacesTest {

    @TempDir
    Path tmp;

    /** Each way of writing {@code position:} with a broken link, and where the link starts. */
    static Stream<Arguments> writings() {
        return Stream.of(
                Arguments.of("on one line", "position: Lie down. See [here](/nope/).", "10:25"),
                Arguments.of("folded, on its second line", "position: >-\n  Lie down on a mat.\n  See [here](/nope/).",
                        "12:7"),
                Arguments.of("kept as written, on its third line",
                        "position: |\n  Lie down.\n\n    Then see [here](/nope/).", "13:14"),
                Arguments.of("plain, wrapped onto the next line", "position: Lie down on a mat\n   and see [here](/nope/).",
                        "11:12"),
                Arguments.of("quoted, wrapped onto the next line",
                        "position: \"Lie down on a mat\n  and see [here](/nope/).\"", "11:11"),
                Arguments.of("a list item, wrapped", "position: Lie down.\nsteps:\n  - Lift the leg.\n  - Lower it\n"
                        + "    slowly, see [here](/nope/).", "14:17"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writings")
    void aBrokenLinkInAMultiLineTextIsReportedAtItsOwnLineAndColumn(String how, String yaml, String place) {
        Path project = TestSites.project(tmp.resolve("p"));
        Path exercise = project.resolve("content/exercises/leg-lift.md");
        String text = TestSites.read(exercise);
        String replaced = yaml.contains("steps:")
                ? text.replace("position: Lie down.\nsteps:\n  - Lift the leg.", yaml)
                : text.replace("position: Lie down.", yaml);
        assertThat(replaced).isNotEqualTo(text);
        TestSites.write(exercise, replaced);

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.errors()).as(run.err())
                .containsExactly("error link.broken content/exercises/leg-lift.md:" + place);
    }

    /**
     * The texts of the settings, which every page shows: each mistake at its own line of its own
     * file, the translated settings' in theirs (they were placed at the top of content/site.yaml).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "content/site.yaml;intro: Welcome to a tiny test site.;intro: >-\\n  Welcome to a tiny test site.\\n  See [here](/nope/).;13:7",
            "content/site.yaml;    - Sharp pain.;    - Sharp pain.\\n    - A [knee](/nope/) that swells.;17:9",
            "content/es/site.yaml;intro: Bienvenido a un sitio de prueba pequeño.;intro: |\\n  Bienvenido.\\n  Mira [aquí](/nope/).;5:8"})
    void aBrokenLinkInATextOfTheSettingsIsReportedInItsOwnFileAtItsOwnLine(String file, String from, String to,
                                                                            String place) {
        Path project = TestSites.project(tmp.resolve("p"), "two-languages");
        Path settings = project.resolve(file);
        String text = TestSites.read(settings);
        assertThat(text).contains(from);
        TestSites.write(settings, text.replace(from, to.replace("\\n", "\n")));

        var run = TestSites.run("build", "--project", project.toString());

        // the fixture's own mistakes (a drawing it leaves to other tests) are not these
        assertThat(run.errors().stream().filter(e -> e.contains("site.yaml"))).as(run.err())
                .containsExactly("error link.broken " + file + ":" + place);
    }
}
