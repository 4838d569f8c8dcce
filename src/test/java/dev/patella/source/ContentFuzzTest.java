package dev.patella.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.patella.diag.Diagnostic;
import dev.patella.diag.Diagnostics;
import org.junit.jupiter.api.Tag;

/**
 * Coverage-guided fuzzing (Jazzer) of everything between a content file's bytes and the model:
 * decoding, front-matter splitting, YAML reading and the field readers. The only outcomes
 * allowed are a model record or diagnostics that point inside the file; any exception is a bug.
 *
 * <p>{@code mvn test} replays the saved inputs under {@code src/test/resources/.../ContentFuzzTestInputs};
 * {@code JAZZER_FUZZ=1 mvn test -Dtest=ContentFuzzTest} fuzzes (see the README).
 */
@Tag("fuzz") // replayed in a JVM of its own: see the pom
class ContentFuzzTest {

    private static final ContentLoader LOADER = new ContentLoader();

    @FuzzTest(maxDuration = "20s")
    void anyContentFileGivesARecordOrPositionedDiagnostics(FuzzedDataProvider data) {
        int kind = data.consumeInt(0, 2);
        byte[] bytes = data.consumeRemainingAsBytes();
        var diagnostics = new Diagnostics(1000);

        var document = LOADER.document(bytes, "content/x.md", "x", diagnostics);
        boolean read = document.map(doc -> switch (kind) {
            case 0 -> new ExerciseReader(24).read(doc, diagnostics).isPresent();
            case 1 -> new ConditionReader(24).read(doc, diagnostics).isPresent();
            default -> PageReader.read(doc, diagnostics).isPresent();
        }).orElse(false);

        if (!read) {
            assertThat(diagnostics.hasErrors()).as("a file that gives no record must say why").isTrue();
        }
        long lines = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).lines().count() + 1;
        for (Diagnostic d : diagnostics.sorted()) {
            assertThat(d.at().file()).isEqualTo("content/x.md");
            assertThat(d.at().line()).isBetween(1, (int) Math.max(1, lines + 1));
        }
    }

    @FuzzTest(maxDuration = "20s")
    void anyYamlSettingsFileGivesSettingsOrPositionedDiagnostics(FuzzedDataProvider data) {
        String yaml = data.consumeRemainingAsString();
        var diagnostics = new Diagnostics(1000);

        var root = new YamlReader().read(yaml, "content/site.yaml", 1, diagnostics);
        var config = root.flatMap(r -> SiteConfigReader.read(r, diagnostics));
        root.ifPresent(r -> PeopleReader.read(r, diagnostics));
        root.ifPresent(r -> ReferencesReader.read(r, "en", diagnostics));

        if (config.isEmpty()) {
            assertThat(diagnostics.hasErrors()).isTrue();
        }
        for (Diagnostic d : diagnostics.sorted()) {
            assertThat(d.at().file()).isEqualTo("content/site.yaml");
        }
    }
}
