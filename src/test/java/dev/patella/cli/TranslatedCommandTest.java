package dev.patella.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patella.TestSites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code patella translated} writes one line and leaves every other byte of the file as it was
 * (comments, quotes, line endings, a byte order mark), refuses a translation that is incomplete or
 * translates nothing, and touches nothing that is already up to date.
 */
class TranslatedCommandTest {

    private static final String PAGE = "content/es/pages/about.md";
    private static final String SETTINGS = "content/es/site.yaml";

    @TempDir
    Path tmp;
    private Path project;

    @BeforeEach
    void twoLanguageProject() {
        project = TestSites.project(tmp.resolve("p"), "publishable", "two-languages-drift");
    }

    @Test
    void aNewLineGoesAtTheEndOfTheFrontMatterAndNothingElseChanges() throws IOException {
        byte[] before = Files.readAllBytes(project.resolve(PAGE));

        var run = translated(PAGE);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("Marked " + PAGE + " as translated from content/pages/about.md as it is now.\n");
        List<String> lines = lines(project.resolve(PAGE));
        assertThat(lines.get(3)).matches("translated_from: \"text [0-9a-f]{8}, other [0-9a-f]{8}\"");
        assertThat(lines.get(4)).isEqualTo("---");
        assertThat(withoutLine(Files.readAllBytes(project.resolve(PAGE)), 3)).isEqualTo(new String(before,
                StandardCharsets.UTF_8));
    }

    @Test
    void inAYamlFileTheLineGoesAfterTheOpeningCommentsBeforeTheFirstKey() throws IOException {
        byte[] before = Files.readAllBytes(project.resolve(SETTINGS));

        var run = translated(SETTINGS);

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = lines(project.resolve(SETTINGS));
        assertThat(lines.get(0)).startsWith("# ");
        assertThat(lines.get(1)).startsWith("translated_from: \"title ");
        assertThat(lines.get(2)).startsWith("title: ");
        assertThat(withoutLine(Files.readAllBytes(project.resolve(SETTINGS)), 1)).isEqualTo(new String(before,
                StandardCharsets.UTF_8));
    }

    @Test
    void markingAgainReplacesOnlyThatLineKeepingWindowsLineEndingsAndTheByteOrderMark() throws IOException {
        Path page = project.resolve(PAGE);
        String windows = "\uFEFF" + Files.readString(page).replace("\n", "\r\n")
                .replace("summary: Sobre este sitio.", "summary: \"Sobre este sitio.\"  # entre comillas");
        Files.writeString(page, windows);
        assertThat(translated(PAGE).exitCode()).isZero();
        String first = Files.readString(page);
        assertThat(first).startsWith("\uFEFF---\r\n").doesNotContain("\r\r").contains("# entre comillas\r\n");
        assertThat(first.replaceAll("translated_from: [^\r]*\r\n", "")).isEqualTo(windows);

        TestSites.write(project.resolve("content/pages/about.md"), "---\ntitle: About\nsummary: About this site.\n"
                + "---\nAbout us and our work.\n");
        var run = translated(PAGE);

        assertThat(run.exitCode()).as(run.err()).isZero();
        String second = Files.readString(page);
        assertThat(second).isNotEqualTo(first);
        assertThat(second.replaceAll("translated_from: [^\r]*\r\n", "")).isEqualTo(windows);
        assertThat(second.split("translated_from:", -1)).hasSize(2);
    }

    @Test
    void aTranslationAlreadyUpToDateIsNotTouched() throws IOException {
        assertThat(translated(PAGE).exitCode()).isZero();
        Path page = project.resolve(PAGE);
        var stamp = Files.getLastModifiedTime(page);
        byte[] bytes = Files.readAllBytes(page);

        var run = translated(PAGE);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("was already marked").contains("it was not changed");
        assertThat(Files.readAllBytes(page)).isEqualTo(bytes);
        assertThat(Files.getLastModifiedTime(page)).isEqualTo(stamp);
    }

    @Test
    void aTranslationMissingAFieldOfItsSourceIsNotMarked() throws IOException {
        Path exercise = project.resolve("content/es/exercises/leg-lift.md");
        String text = Files.readString(exercise).replace("  per_side: true\n", "");
        Files.writeString(exercise, text);

        var run = translated("content/es/exercises/leg-lift.md");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errors()).containsExactly("error translation.missing-field content/es/exercises/leg-lift.md:13:1");
        assertThat(run.message("translation.missing-field")).contains("\"dose.per_side\"")
                .contains("content/exercises/leg-lift.md:16:3");
        assertThat(run.err()).contains("Not marked: content/es/exercises/leg-lift.md.");
        assertThat(Files.readString(exercise)).isEqualTo(text);
    }

    @Test
    void everyTranslationOfALanguageIsMarkedAndTheIncompleteOneIsNamed() throws IOException {
        Path page = project.resolve(PAGE);
        Files.writeString(page, "---\ntitle: Quiénes somos\n---\n");

        var run = TestSites.run("translated", "--all", "es", "--project", project.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("Marked 3 translations in content/es/.");
        assertThat(run.errors()).containsExactlyInAnyOrder("error translation.missing-field " + PAGE + ":1:1",
                "error translation.missing-field " + PAGE + ":4:1");
        assertThat(run.err()).contains("\"summary\"").contains("text below the front matter");
        assertThat(Files.readString(page)).doesNotContain("translated_from");
    }

    @Test
    void aTranslationOfNothingIsRefusedAndAFileOutsideTheLanguageFoldersIsAMistake() {
        TestSites.write(project.resolve("content/es/pages/team.md"), "---\ntitle: Equipo\nsummary: Quiénes.\n---\nHola.\n");

        var orphan = translated("content/es/pages/team.md");
        var english = translated("content/pages/about.md");
        var french = translated("content/fr/pages/about.md");

        assertThat(orphan.exitCode()).isEqualTo(1);
        assertThat(orphan.err()).contains("content/es/pages/team.md translates nothing: there is no "
                + "content/pages/team.md");
        assertThat(english.exitCode()).isEqualTo(2);
        // the English file named by mistake is told the translation's file to name instead
        assertThat(english.err()).contains("content/pages/about.md is not a translation but the English source: "
                + "name the translation's file, content/es/pages/about.md");
        assertThat(french.exitCode()).isEqualTo(2);
        assertThat(french.err()).contains("fr is not one of the site's other languages");
    }

    private TestSites.Run translated(String file) {
        return TestSites.run("translated", file, "--project", project.toString());
    }

    private static List<String> lines(Path file) throws IOException {
        return new ArrayList<>(Files.readAllLines(file));
    }

    /** The file's text without its line {@code index} (0-based, with its line ending). */
    private static String withoutLine(byte[] bytes, int index) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        int start = 0;
        for (int i = 0; i < index; i++) {
            start = text.indexOf('\n', start) + 1;
        }
        return text.substring(0, start) + text.substring(text.indexOf('\n', start) + 1);
    }
}
