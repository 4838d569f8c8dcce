package dev.patella.diag;

/**
 * The part of a long source line shown in an excerpt: {@link #WIDTH} characters around the
 * error's column, so the caret is in view however far along the line it is (a minified drawing
 * is one line of thousands of characters). Cut ends are marked with an ellipsis. The terminal and
 * the dev server's overlay cut lines the same way.
 *
 * @param start the first character shown, 0-based
 */
public record ExcerptWindow(int start) {

    /** Characters of a line shown around the error's column: fits a terminal or a laptop screen. */
    public static final int WIDTH = 80;

    /**
     * A tab shows as an arrow, one character for one, so the caret still stands under the column the
     * error names: shown as a space, a tab that is itself the mistake (YAML indented with one) would
     * be hidden.
     */
    public static final char TAB = '\u2192';

    /** {@code line} with each tab shown as {@link #TAB}. */
    public static String tabsShown(String line) {
        return line.replace('\t', TAB);
    }

    /** @param column 0-based column of the error; {@code length} the length of its line */
    public static ExcerptWindow around(int column, int length) {
        if (length <= WIDTH) {
            return new ExcerptWindow(0);
        }
        return new ExcerptWindow(Math.max(0, Math.min(column - WIDTH / 2, length - WIDTH)));
    }

    /** @return the shown part of {@code text}, with an ellipsis where it was cut */
    public String cut(String text) {
        if (start == 0 && text.length() <= WIDTH) {
            return text;
        }
        int from = Math.min(start, text.length());
        int to = Math.min(text.length(), start + WIDTH);
        return (from > 0 ? "\u2026" : "") + text.substring(from, to) + (to < text.length() ? "\u2026" : "");
    }

    /** @return where {@code column} (0-based, in the whole line) is in the cut line */
    public int offset(int column) {
        return column - start + (start > 0 ? 1 : 0);
    }
}
