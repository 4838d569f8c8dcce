package dev.patella.render;

/**
 * Takes the comments out of a stylesheet, and the line breaks and spaces they leave, as a browser
 * reads it (CSS Syntax Level 3, "tokenization"): a {@code /*} inside a string ({@code "…"} or
 * {@code '…'}), after a backslash, or inside an unquoted {@code url(…)} starts no comment. A
 * comment that opens with {@code /*!} (a licence) is kept. A comment left open at the end runs to
 * the end, for the browser too, so it goes.
 *
 * <p>In CSS a comment is not a space: {@code .a/**}{@code /.b} is {@code .a.b}. So a comment goes
 * without a trace where a space, a line break or a punctuation mark that joins with nothing stands
 * on either side, and is left as {@code /**}{@code /} where its two sides could join into one token.
 */
final class CssComments {

    /** Characters no token takes in: a comment before or after one goes without a trace. */
    private static final String ALONE_BEFORE = "{};,:()[]";
    private static final String ALONE_AFTER = "{};,:)[]";

    private final String css;
    private final StrippedText out;
    private int i;
    /** The name of the identifier being read, with its escapes decoded; empty between identifiers. */
    private final StringBuilder ident = new StringBuilder();
    /** Whether the identifier being read is a name of an at-rule or a hash ({@code @url}, {@code #url}). */
    private boolean identAfterSign;

    private CssComments(String css) {
        this.css = css;
        this.out = new StrippedText(css.length(), CssComments::between);
    }

    /** @return {@code css} without its comments and the blank lines they leave; never fails */
    static String strip(String css) {
        return new CssComments(css).run();
    }

    private String run() {
        while (i < css.length()) {
            char c = css.charAt(i);
            if (c == '/' && at(i + 1, '*')) {
                comment();
            } else if (c == '"' || c == '\'') {
                endIdent(c);
                string(c);
            } else if (c == '\\' && i + 1 < css.length() && !isNewline(css.charAt(i + 1))) {
                escape();
            } else if (c == '(' && ident.toString().equalsIgnoreCase("url") && !identAfterSign) {
                endIdent(c);
                out.code(c);
                i++;
                url();
            } else if (isNameChar(c)) {
                ident.append(c);
                out.code(c);
                i++;
            } else {
                endIdent(c);
                out.code(c);
                i++;
            }
        }
        return out.text();
    }

    private void comment() {
        int end = css.indexOf("*/", i + 2);
        int stop = end < 0 ? css.length() : end + 2;
        if (at(i + 2, '!')) {
            endIdent('/');
            out.literal(css.substring(i, stop));
        } else {
            out.removed(false);
        }
        // a comment ends the identifier before it: url/**/( is not url(
        ident.setLength(0);
        identAfterSign = false;
        i = stop;
    }

    /** A string, up to its closing quote or a line break (where the browser ends it too), copied exactly. */
    private void string(char quote) {
        int start = i;
        i++;
        while (i < css.length()) {
            char c = css.charAt(i);
            if (c == '\\') {
                // an escaped line break (\r\n is one) continues the string
                i = Math.min(i + (at(i + 1, '\r') && at(i + 2, '\n') ? 3 : 2), css.length());
            } else if (c == quote) {
                i++;
                break;
            } else if (c == '\n' || c == '\r' || c == '\f') {
                break; // a bad string: the line break is read again as a space
            } else {
                i++;
            }
        }
        out.literal(css.substring(start, i));
    }

    /** A backslash and what it escapes, copied exactly; part of a name when inside one. */
    private void escape() {
        int start = i;
        i++;
        int hex = 0;
        while (hex < 6 && i < css.length() && Character.digit(css.charAt(i), 16) >= 0) {
            hex++;
            i++;
        }
        if (hex == 0) {
            ident.append(css.charAt(i));
            i++;
        } else {
            int code = Integer.parseInt(css.substring(start + 1, i), 16);
            boolean valid = code > 0 && code <= Character.MAX_CODE_POINT
                    && (code < Character.MIN_SURROGATE || code > Character.MAX_SURROGATE);
            ident.appendCodePoint(valid ? code : 0xFFFD);
            if (i < css.length() && Character.isWhitespace(css.charAt(i))) {
                i++; // one space ends a hex escape and belongs to it
            }
        }
        out.literal(css.substring(start, i));
    }

    /**
     * After {@code url(}: spaces, then either a quote (a string, read as one) or an unquoted
     * address, which runs to the next {@code )} not escaped, comment marks and all.
     */
    private void url() {
        while (i < css.length() && isSpace(css.charAt(i))) {
            out.code(css.charAt(i));
            i++;
        }
        if (i >= css.length() || css.charAt(i) == '"' || css.charAt(i) == '\'') {
            return;
        }
        int start = i;
        while (i < css.length() && css.charAt(i) != ')') {
            i += css.charAt(i) == '\\' ? 2 : 1;
        }
        i = Math.min(i, css.length());
        out.literal(css.substring(start, i));
    }

    private void endIdent(char next) {
        ident.setLength(0);
        identAfterSign = next == '@' || next == '#';
    }

    private boolean at(int index, char c) {
        return index < css.length() && css.charAt(index) == c;
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == '_' || c >= 0x80;
    }

    private static boolean isNewline(char c) {
        return c == '\n' || c == '\r' || c == '\f';
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }

    private static String between(int before, char after) {
        boolean alone = before < 0 || isSpace((char) before) || ALONE_BEFORE.indexOf(before) >= 0
                || isSpace(after) || ALONE_AFTER.indexOf(after) >= 0;
        return alone ? "" : "/**/";
    }
}
