package dev.patella.source;

/**
 * Quote marks that word processors type, which YAML reads as any other letter, and what to write
 * instead: one place decides whether a text is wrapped in them and how the text is put in the
 * straight quotes YAML reads, for every message that says so (and Markdown, which reads them as
 * letters too, for a link's title).
 */
public final class CurlyQuotes {

    /** The quote marks YAML does not read as quotes: English curly ones, and « » „ of other languages. */
    public static final String ALL = "\u201C\u201D\u2018\u2019\u00AB\u00BB\u201E";

    private CurlyQuotes() {
    }

    /**
     * Whether {@code text} is wrapped whole in English curly quotes, as YAML's quotes were meant:
     * {@code “...”} with no other {@code “} or {@code ”} inside, or {@code ‘...’} with no other
     * {@code ‘} inside ({@code ’} inside may be an apostrophe). « » and „ “ are the quotation marks
     * of their languages, which a page may well show.
     */
    static boolean wrap(String text) {
        if (text.length() < 3) {
            return false;
        }
        char open = text.charAt(0);
        char last = text.charAt(text.length() - 1);
        if (open == '\u201C') {
            return last == '\u201D' && text.indexOf('\u201C', 1) < 0 && text.indexOf('\u201D') == text.length() - 1;
        }
        if (open != '\u2018' || last != '\u2019' || text.indexOf('\u2018', 1) >= 0) {
            return false;
        }
        // a ’ inside is an apostrophe only within a word (Don’t); one before a space may close a quote
        for (int i = text.indexOf('\u2019'); i < text.length() - 1; i = text.indexOf('\u2019', i + 1)) {
            if (!Character.isLetter(text.charAt(i + 1))) {
                return false;
            }
        }
        return true;
    }

    /** The inside of {@code text}, which {@link #wrap} wraps, in straight quotes. */
    static String straightened(String text) {
        return quoted(text.substring(1, text.length() - 1));
    }

    /**
     * {@code text} in straight quotes as YAML reads it back unchanged: double ones, or single ones
     * (a single quote inside written twice) when it holds a double quote or a backslash, which
     * double quotes would read as the start of an escape.
     */
    static String quoted(String text) {
        return text.indexOf('"') >= 0 || text.indexOf('\\') >= 0 ? "'" + text.replace("'", "''") + "'"
                : "\"" + text + "\"";
    }
}
