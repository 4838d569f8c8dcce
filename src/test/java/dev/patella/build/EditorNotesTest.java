package dev.patella.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patella.TestSites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An editor's note in an HTML comment ({@code <!-- TODO: ask Dr Quimby -->}), in a page's text, a
 * YAML text field or a translation, reaches no reader: no page, no search index, and no check that
 * compares a translation's numbers with its source's sees it.
 */
class EditorNotesTest {

    @TempDir
    Path tmp;

    @Test
    void aNoteInAnyTextOfAnyLanguageIsPublishedNowhereAndChecksNothing() throws IOException {
        Path project = TestSites.shipped(tmp.resolve("p"));
        edit(project.resolve("content/pages/pain-guide.md"), "\n---\n",
                "\n---\n<!-- TODO: ask Dr Quimby about the 3 weeks -->\n\n");
        edit(project.resolve("content/exercises/clamshell.md"), "feel_it: The side",
                "feel_it: <!-- Quimby wants 2 sides --> The side");
        edit(project.resolve("content/es/pages/about.md"), "\n---\n",
                "\n---\nUna nota <!-- revisar con Quimby: 12 semanas --> en la página.\n\n<!-- Quimby\n\n7 -->\n");
        edit(project.resolve("content/es/exercises/clamshell.md"), "feel_it: En el lado",
                "feel_it: <!-- Quimby, 4 --> En el lado");

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        // the English texts changed, so their translations are due a look; nothing else is said
        assertThat(run.diagnostics()).as(run.err()).allMatch(d -> d.startsWith("warning translation.stale "));
        try (Stream<Path> files = Files.walk(project.resolve("site"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html") || f.toString().endsWith(".json"))
                    .toList()) {
                assertThat(Files.readString(file)).as(file.toString()).doesNotContain("Quimby").doesNotContain("!--");
            }
        }
        assertThat(TestSites.read(project.resolve("site/es/about/index.html"))).contains("Una nota");
    }

    private static void edit(Path file, String find, String replace) throws IOException {
        String text = Files.readString(file);
        assertThat(text).contains(find);
        Files.writeString(file, text.replaceFirst(Pattern.quote(find),
                Matcher.quoteReplacement(replace)));
    }
}
