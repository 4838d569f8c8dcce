package dev.patella.render;

/**
 * The text a comment stripper writes: code, literals (strings and the like, copied exactly) and
 * the places where a comment was. At the end of each line of code it drops the spaces before the
 * line break, and it drops a line left empty, so a comment on a line of its own leaves nothing behind.
 * A line break inside a literal (a JavaScript template literal) is never touched.
 */
final class StrippedText {

    private final StringBuilder out;
    /** Where the current line starts in {@link #out}. */
    private int lineStart;
    /** The end of the last literal written: spaces before it are part of it, never trimmed. */
    private int kept;
    /** What the comments removed since the last character must leave, decided when the next one comes. */
    private Gap gap = Gap.NONE;
    private final Separator separator;

    /** What removed comments leave: nothing, what the separator says, or a line break. */
    private enum Gap { NONE, SEPARATOR, LINE_BREAK }

    /** What stands in for a removed comment between two characters, when something must. */
    interface Separator {
        /** @return what to write between {@code before} (-1 at the start) and {@code after}; empty for nothing */
        String between(int before, char after);
    }

    StrippedText(int capacity, Separator separator) {
        this.out = new StringBuilder(capacity);
        this.separator = separator;
    }

    /** A character of code. */
    void code(char c) {
        settle(c);
        if (c == '\n') {
            int end = out.length();
            while (end > Math.max(lineStart, kept) && isBlank(out.charAt(end - 1))) {
                end--;
            }
            out.setLength(end);
            if (end == lineStart) {
                return; // a line with nothing on it
            }
        }
        out.append(c);
        if (c == '\n') {
            lineStart = out.length();
        }
    }

    /** Text copied exactly: a string, a kept comment, the body of a regular expression. */
    void literal(CharSequence text) {
        if (text.isEmpty()) {
            return;
        }
        settle(text.charAt(0));
        out.append(text);
        kept = out.length();
        int newline = lastNewline(text);
        if (newline >= 0) {
            lineStart = out.length() - text.length() + newline + 1;
        }
    }

    /**
     * A comment was here. {@code lineBreak}: it held a line break, which must stay one (in
     * JavaScript a comment with a line break ends a statement that lacks its semicolon).
     */
    void removed(boolean lineBreak) {
        if (lineBreak) {
            gap = Gap.LINE_BREAK;
        } else if (gap == Gap.NONE) {
            gap = Gap.SEPARATOR;
        }
    }

    /** The last character written, or -1 at the start. */
    int last() {
        return out.isEmpty() ? -1 : out.charAt(out.length() - 1);
    }

    /** @return the text; a comment at the very end leaves nothing */
    String text() {
        gap = Gap.NONE;
        return out.toString();
    }

    private void settle(char next) {
        if (gap == Gap.NONE) {
            return;
        }
        String put = gap == Gap.LINE_BREAK ? "\n" : separator.between(last(), next);
        gap = Gap.NONE;
        for (int i = 0; i < put.length(); i++) {
            code(put.charAt(i));
        }
    }

    private static int lastNewline(CharSequence text) {
        for (int i = text.length() - 1; i >= 0; i--) {
            if (text.charAt(i) == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\f';
    }
}
