package dev.patella.source;

import dev.patella.diag.Diagnostics;
import dev.patella.diag.SourceSpan;
import java.util.Locale;

/**
 * Invisible control characters in content: the C0 controls other than tab, line feed and carriage
 * return, DEL, and the C1 controls (U+0080 to U+009F). None belongs in text a reader sees: a page
 * holding one is not valid HTML, and an editor cannot see it to delete it. They arrive pasted from
 * terminals and word processors, typed as a YAML escape ({@code "\x1b"}, {@code "\0"}), or saved
 * by a broken tool. Each one is an error ({@value #CODE}) at its own position, naming it by code
 * point, and is then taken out, so that nothing else is reported for the same mistake.
 */
final class ControlCharacters {

    static final String CODE = "content.control-character";

    private ControlCharacters() {
    }

    /** @return whether {@code c} is a control character content may not hold */
    static boolean forbidden(int c) {
        return c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c >= 0x7F && c <= 0x9F;
    }

    /** @return whether {@code text} holds a control character content may not hold */
    static boolean any(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (forbidden(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** {@code text} without its forbidden control characters. */
    static String removed(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!forbidden(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** "U+001B", the code point as the Unicode standard writes it. */
    static String name(int c) {
        return String.format(Locale.ROOT, "U+%04X", c);
    }

    /**
     * Reports every forbidden control character of {@code text}, the whole of {@code file}, at its
     * line and column.
     *
     * @return the text without them
     */
    static String check(String text, String file, Diagnostics diagnostics) {
        if (!any(text)) {
            return text;
        }
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                lineStart = i + 1;
            } else if (forbidden(c)) {
                diagnostics.error(CODE, new SourceSpan(file, line, i - lineStart + 1), name(c)
                        + " is an invisible control character, not text; delete it (quotes do not help)");
            }
        }
        return removed(text);
    }
}
