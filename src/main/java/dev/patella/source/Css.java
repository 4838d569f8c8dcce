package dev.patella.source;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads CSS in a drawing (a {@code <style>} element, a {@code style} attribute, or a presentation
 * attribute such as {@code fill="url(#g)"}) for anything that loads from outside the drawing or
 * runs script. Comments and backslash escapes are undone first, as a browser would, so
 * {@code u\72l(} or {@code @im/**}{@code /port} are seen for what they are.
 */
final class Css {

    /** A function that takes an address: its argument, unquoted. */
    private static final Pattern URL = Pattern.compile("(?<![\\w-])(?:url|src)\\(\\s*(['\"]?)(.*?)\\1\\s*\\)",
            Pattern.DOTALL);
    private static final Pattern IMAGE_FUNCTION = Pattern.compile("(?<![\\w-])(?:-webkit-)?image(?:-set)?\\(");

    private Css() {
    }

    /** @return what in {@code css} reaches outside the drawing or runs script, as the end of a sentence; empty when nothing */
    static Optional<String> problem(String css) {
        if (css.indexOf('(') < 0 && css.indexOf('@') < 0 && css.indexOf('\\') < 0 && css.indexOf(':') < 0) {
            return Optional.empty(); // the common case: a colour, a number, a path
        }
        String text = unescape(css).toLowerCase(Locale.ROOT);
        if (text.contains("@import")) {
            return Optional.of("imports another stylesheet (@import), which a web host would load; put the rules "
                    + "in the drawing itself");
        }
        if (text.contains("expression(") || text.contains("-moz-binding") || text.contains("behavior:")) {
            return Optional.of("holds a script in its style (expression, binding or behavior); remove it");
        }
        Matcher url = URL.matcher(text);
        while (url.find()) {
            String target = url.group(2).strip();
            if (!target.startsWith("#")) {
                return Optional.of("loads url(" + SvgCheck.shorten(target) + ") from outside this drawing; a drawing "
                        + "may only refer to its own parts (url(#id)): copy what it needs into the file");
            }
        }
        if (IMAGE_FUNCTION.matcher(text).find()) {
            return Optional.of("loads a picture with image() or image-set(), from outside this drawing; draw it in "
                    + "the file instead");
        }
        return Optional.empty();
    }

    /** The text with comments removed and backslash escapes replaced by the characters they stand for. */
    static String unescape(String css) {
        var out = new StringBuilder(css.length());
        int i = 0;
        while (i < css.length()) {
            char c = css.charAt(i);
            if (c == '/' && i + 1 < css.length() && css.charAt(i + 1) == '*') {
                int end = css.indexOf("*/", i + 2);
                i = end < 0 ? css.length() : end + 2;
            } else if (c == '\\' && i + 1 < css.length()) {
                int j = i + 1;
                while (j < css.length() && j < i + 7 && Character.digit(css.charAt(j), 16) >= 0) {
                    j++;
                }
                if (j > i + 1) {
                    int code = Integer.parseInt(css.substring(i + 1, j), 16);
                    out.appendCodePoint(code == 0 || code > Character.MAX_CODE_POINT ? 0xFFFD : code);
                    if (j < css.length() && Character.isWhitespace(css.charAt(j))) {
                        j++; // one white space ends a hex escape
                    }
                    i = j;
                } else {
                    out.append(css.charAt(i + 1) == '\n' ? "" : String.valueOf(css.charAt(i + 1)));
                    i += 2;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
