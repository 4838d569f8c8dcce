package dev.patella.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patella.TestSites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An invisible control character in content (a C0 control other than tab, line feed and carriage
 * return; DEL; a C1 control) is one error at its own position that names it by code point, whether
 * the file holds it as a raw byte or a double-quoted YAML string spells it as an escape; the build
 * stops, so no page holds it. Through the command line, on the minimal site's about page.
 */
class ControlCharacterTest {

    private static final String ABOUT = "content/pages/about.md";

    @TempDir
    Path tmp;

    /** A raw control character in the front matter or the text below it: {@code ~} marks where it goes. */
    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource(delimiter = '|', value = {
            "1|title: Ab~out|2|10",
            "1B|title: \"Ab~out\"|2|11",
            "0|summary: About this site.~|3|26",
            "7F|title: About~|2|13",
            "9B|title: ~About|2|8",
            "0|About ~us.|5|7",
            "1B|About us.~[1m|5|10",
            // in an editor's note too: the file holds it, whatever the page shows
            "1B|About us. <!-- ask ~Dr Smith -->|5|20"})
    void aRawControlCharacterIsOneErrorAtItsPositionNamingIt(String codePoint, String line, int row, int column)
            throws IOException {
        String written = line.replace("~", Character.toString(Integer.parseInt(codePoint, 16)));
        var run = build(line.startsWith("About us") || line.startsWith("About ~") ? "About us." : line.substring(0,
                line.indexOf(':') + 1), written);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.errors()).as(run.err())
                .containsExactly("error content.control-character " + ABOUT + ":" + row + ":" + column);
        assertThat(run.message("content.control-character"))
                .contains(String.format("U+%04X", Integer.parseInt(codePoint, 16)))
                .contains("invisible control character").contains("delete it");
    }

    /** A double-quoted YAML string spells a control character as an escape: the error is at the backslash. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "title: \"Clam\\x1bshell\"|2|13|U+001B",
            "title: \"Clam\\eshell\"|2|13|U+001B",
            "title: \"Clam\\0\"|2|13|U+0000",
            "title: \"\\\"Clam\\\" \\u0007\"|2|18|U+0007",
            "summary: \"About\\N this site.\"|3|16|U+0085",
            "summary: \"About\\x7F this site.\"|3|16|U+007F",
            "summary: \"About this\\~  site\\b.\"|4|7|U+0008"})
    void anEscapedControlCharacterIsOneErrorAtItsEscape(String written, int row, int column, String named)
            throws IOException {
        var run = build(written.substring(0, written.indexOf(':') + 1), written.replace("~", "\n")); // ~: a line break

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.errors()).as(run.err())
                .containsExactly("error content.control-character " + ABOUT + ":" + row + ":" + column);
        assertThat(run.message("content.control-character")).contains(named);
    }

    /** Markdown spells a control character as a numeric character reference: the error is at the reference. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "About &#27;[1m us.|5|7|U+001B",
            "About **us &#x7f;**.|5|12|U+007F"})
    void aCharacterReferenceToAControlCharacterIsOneErrorAtIt(String written, int row, int column, String named)
            throws IOException {
        var run = build(written.startsWith("About") ? "About us." : "title:", written.startsWith("About") ? written
                : "title: About\nsummary: About &#x1B;.");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.errors()).as(run.err())
                .containsExactly("error content.control-character " + ABOUT + ":" + row + ":" + column);
        assertThat(run.message("content.control-character")).contains(named);
    }

    /**
     * Text pasted from an old Windows program spells its dashes and quotes as 128 to 159, which are
     * control characters: the error says which character was meant, so the editor can type it.
     */
    @Test
    void aWindowsDashWrittenAsAReferenceIsNamed() throws IOException {
        var run = build("About us.", "Rest 30&#150;60 seconds.");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.errors()).as(run.err()).containsExactly("error content.control-character " + ABOUT + ":5:8");
        assertThat(run.message("content.control-character")).contains("U+0096").contains("\"\u2013\"")
                .doesNotContain("delete it");
    }

    /** The review's case: two control characters, two errors, each at its own escape, and nothing else. */
    @Test
    void eachControlCharacterOfAStringIsReportedOnce() throws IOException {
        var run = build("title:", "title: \"Clam\\x1bshell\\0\"");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.errors()).as(run.err()).containsExactly(
                "error content.control-character " + ABOUT + ":2:13",
                "error content.control-character " + ABOUT + ":2:22");
    }

    /** Tabs, line breaks and escapes or references of ordinary characters are text, and build. */
    @Test
    void tabsAndOrdinaryEscapesAreText() throws IOException {
        Path project = TestSites.project(tmp.resolve("p"));
        Files.writeString(project.resolve(ABOUT), "---\ntitle: \"A\\tb\\u00e9\\x41\\\\0\\\"\"\nsummary: About\tus.\n---\n"
                + "About &#233; &amp;#27; `&#27;` us.\r\n");

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.errors()).as(run.err()).isEmpty();
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).doesNotContain("control-character");
    }

    /** Replaces the line of the about page that starts with {@code start} by {@code line}, then builds. */
    private TestSites.Run build(String start, String line) throws IOException {
        Path project = TestSites.project(tmp.resolve("p"));
        Path about = project.resolve(ABOUT);
        StringBuilder out = new StringBuilder();
        boolean replaced = false;
        for (String old : Files.readString(about).split("\n", -1)) {
            if (!replaced && old.startsWith(start)) {
                out.append(line);
                replaced = true;
            } else {
                out.append(old);
            }
            out.append('\n');
        }
        assertThat(replaced).as(start).isTrue();
        Files.writeString(about, out.substring(0, out.length() - 1));
        return TestSites.run("build", "--project", project.toString());
    }
}
