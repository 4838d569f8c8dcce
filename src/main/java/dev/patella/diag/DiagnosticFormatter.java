package dev.patella.diag;

import java.util.Optional;
import java.util.function.Function;

/**
 * Prints diagnostics the way compilers do:
 * <pre>
 * content/exercises/clamshell.md:12:5: error: unknown key "stpes"; did you mean "steps"? [schema.unknown-key]
 *    12 | stpes:
 *       | ^
 * </pre>
 * The source line is shown when {@code lines} can find it, cut around the column when it is long.
 */
public final class DiagnosticFormatter {

    private final Function<SourceSpan, Optional<String>> lines;

    /**
     * @param lines finds the text of the line a span points at; returns empty when the file or
     *              line cannot be read
     */
    public DiagnosticFormatter(Function<SourceSpan, Optional<String>> lines) {
        this.lines = lines;
    }

    /** A formatter that never shows source lines. */
    public static DiagnosticFormatter withoutSource() {
        return new DiagnosticFormatter(span -> Optional.empty());
    }

    /** The one-line form: {@code path:line:column: severity: message [code]}. */
    public static String headline(Diagnostic d) {
        return printable(d.at() + ": " + d.severity().label() + ": " + d.message() + " [" + d.code() + "]");
    }

    public String format(Diagnostic d) {
        var out = new StringBuilder(headline(d)).append('\n');
        lines.apply(d.at()).ifPresent(text -> appendExcerpt(out, d.at(), text));
        for (SourceSpan outer : d.via()) {
            out.append("  while rendering ").append(outer).append('\n');
        }
        return out.toString();
    }

    /**
     * Content shown in a terminal must not drive it: an escape sequence in a title could clear
     * the screen or rename the window. Control characters become U+FFFD, one for one, so columns
     * still line up with the caret.
     */
    static String printable(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\n') || (c >= 0x7f && c <= 0x9f)) {
                if (out == null) {
                    out = new StringBuilder(text);
                }
                out.setCharAt(i, '\uFFFD');
            }
        }
        return out == null ? text : out.toString();
    }

    private static void appendExcerpt(StringBuilder out, SourceSpan at, String text) {
        String number = Integer.toString(at.line());
        String gutter = " ".repeat(Math.max(0, 5 - number.length()));
        String line = printable(ExcerptWindow.tabsShown(text));
        int column = Math.max(0, Math.min(at.column() - 1, line.length()));
        ExcerptWindow window = ExcerptWindow.around(column, line.length());
        out.append(gutter).append(number).append(" | ").append(window.cut(line)).append('\n');
        out.append(" ".repeat(5)).append(" | ").append(" ".repeat(window.offset(column))).append("^\n");
    }
}
