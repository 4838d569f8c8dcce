package dev.patella.diag;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class DiagnosticFormatterTest {

    @Test
    void aLongLineIsCutAroundTheColumnSoTheCaretPointsAtTheRightCharacter() {
        String line = "a".repeat(900) + "X" + "b".repeat(900); // a minified drawing, say
        var formatter = new DiagnosticFormatter(span -> Optional.of(line));

        String out = formatter.format(Diagnostic.error("image.unsafe-svg", new SourceSpan("content/images/k.svg", 1, 901),
                "no script"));

        String[] rows = out.split("\n");
        String shown = rows[1].substring("    1 | ".length());
        int caret = rows[2].indexOf('^') - "      | ".length();
        assertThat(shown).startsWith("\u2026").endsWith("\u2026").hasSizeLessThanOrEqualTo(ExcerptWindow.WIDTH + 2);
        assertThat(shown.charAt(caret)).isEqualTo('X');
    }

    @Test
    void aShortLineIsShownWhole() {
        var formatter = new DiagnosticFormatter(span -> Optional.of("summery: About"));

        String out = formatter.format(Diagnostic.error("schema.unknown-key", new SourceSpan("about.md", 3, 1), "x"));

        assertThat(out).contains("    3 | summery: About\n      | ^\n");
    }

    @Test
    void aTabIsShownAsAnArrowWithTheCaretUnderIt() {
        var formatter = new DiagnosticFormatter(span -> Optional.of("  \treps: 10"));

        String out = formatter.format(Diagnostic.error("yaml.tab", new SourceSpan("site.yaml", 4, 3), "x"));

        assertThat(out).contains("    4 |   \u2192reps: 10\n      |   ^\n");
    }

    @Test
    void controlCharactersInContentCannotDriveTheTerminal() {
        String title = "title: \u001b]0;PWNED\u0007\u001b[2J";
        var formatter = new DiagnosticFormatter(span -> Optional.of(title));

        String out = formatter.format(Diagnostic.error("schema.invalid-value", new SourceSpan("about.md", 2, 8),
                "bad \u001b[2J title"));

        assertThat(out).doesNotContain("\u001b").doesNotContain("\u0007")
                .contains("    2 | title: \uFFFD]0;PWNED\uFFFD\uFFFD[2J\n      |        ^");
    }
}
