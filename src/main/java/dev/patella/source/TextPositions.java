package dev.patella.source;

import dev.patella.diag.SourceSpan;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Turns the place an XML parser reports (the end of a start tag) into the place an editor
 * looks for: where the tag, or one of its attributes, begins. The parser counts lines as XML
 * does ({@code \r\n}, {@code \r} and {@code \n} each end one) and columns in characters.
 */
final class TextPositions {

    private final String text;
    private final List<Integer> lineStarts = new ArrayList<>();

    TextPositions(byte[] bytes) {
        String decoded = new String(bytes, StandardCharsets.UTF_8);
        this.text = decoded.startsWith("\uFEFF") ? decoded.substring(1) : decoded;
        lineStarts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n')) {
                lineStarts.add(i + 1);
            }
        }
    }

    /**
     * @param line   the parser's line, just after the start tag's {@code >}
     * @param column the parser's column there
     * @return the offset of the tag's {@code <}; or, when it cannot be found (the tag came from an
     *         entity), the offset the parser gave
     */
    int tagStart(int line, int column, String qName) {
        int end = offset(line, column);
        int from = Math.min(end, text.length()) - 1;
        while (from >= 0) {
            int at = text.lastIndexOf("<" + qName, from);
            if (at < 0) {
                break;
            }
            int after = at + 1 + qName.length();
            if (after >= text.length() || !isNameChar(text.charAt(after))) {
                return at;
            }
            from = at - 1;
        }
        return Math.max(0, Math.min(end, text.length()));
    }

    /** @return the offset of the last {@code marker} before the parser's place; that place when there is none */
    int before(int line, int column, String marker) {
        int end = Math.min(offset(line, column), text.length());
        int at = text.lastIndexOf(marker, Math.max(0, end - 1));
        return at < 0 ? end : at;
    }

    /** @return the offset of the attribute {@code qName} in the tag that starts at {@code tag}; {@code tag} when not found */
    int attribute(int tag, String qName) {
        int close = text.indexOf('>', tag);
        int end = close < 0 ? text.length() : close;
        int from = tag + 1;
        while (from < end) {
            int at = text.indexOf(qName, from);
            if (at < 0 || at >= end) {
                break;
            }
            int after = at + qName.length();
            while (after < end && Character.isWhitespace(text.charAt(after))) {
                after++;
            }
            if (Character.isWhitespace(text.charAt(at - 1)) && after < end && text.charAt(after) == '=') {
                return at;
            }
            from = at + 1;
        }
        return tag;
    }

    /**
     * @return the offset of the first non-blank character of the first line, between the end of
     *         the tag at {@code tag} and {@code closing}, that {@code bad} accepts; {@code tag} when
     *         none does (the problem spans lines, or is written with entities)
     */
    int lineWith(int tag, String closing, Predicate<String> bad) {
        int open = text.indexOf('>', tag);
        if (open < 0) {
            return tag;
        }
        int end = text.indexOf(closing, open);
        end = end < 0 ? text.length() : end;
        int start = open + 1;
        while (start < end) {
            int next = start;
            while (next < end && text.charAt(next) != '\n' && text.charAt(next) != '\r') {
                next++;
            }
            String line = text.substring(start, next);
            if (bad.test(line)) {
                return start + (line.length() - line.stripLeading().length());
            }
            start = next + 1;
        }
        return tag;
    }

    /** The line and column of {@code offset}, in the file {@code rel}. */
    SourceSpan span(String rel, int offset) {
        int line = 0;
        int lo = 0;
        int hi = lineStarts.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (lineStarts.get(mid) <= offset) {
                line = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return new SourceSpan(rel, line + 1, offset - lineStarts.get(line) + 1);
    }

    private int offset(int line, int column) {
        if (line < 1 || line > lineStarts.size()) {
            return text.length();
        }
        return lineStarts.get(line - 1) + Math.max(0, column - 1);
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.' || c == ':';
    }
}
