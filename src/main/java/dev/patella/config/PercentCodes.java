package dev.patella.config;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The % codes of an address's path: written once, read back as the names they spell. */
final class PercentCodes {

    /** Characters a path may hold as they are: unreserved, sub-delims, {@code :}, {@code @} and {@code /}. */
    private static final Pattern PATH_CHAR = Pattern.compile("[A-Za-z0-9\\-._~!$&'()*+,;=:@/]");

    private static final Pattern PERCENT = Pattern.compile("%[0-9A-Fa-f]{2}");

    /** One or more % codes in a row, which together may spell one character of several bytes. */
    private static final Pattern PERCENT_RUN = Pattern.compile("(?:%[0-9A-Fa-f]{2})+");

    private static final String HEX = "0123456789ABCDEF";

    private PercentCodes() {
    }

    /**
     * A segment of a path with each character an address cannot hold as it is encoded once as UTF-8, and
     * each {@code %} followed by two hex digits kept as the code it is (hex digits in capitals).
     */
    static String encoded(String segment) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < segment.length()) {
            if (segment.startsWith("%", i) && i + 3 <= segment.length()
                    && PERCENT.matcher(segment.substring(i, i + 3)).matches()) {
                out.append(segment.substring(i, i + 3).toUpperCase(Locale.ROOT));
                i += 3;
                continue;
            }
            int c = segment.codePointAt(i);
            String character = new String(Character.toChars(c));
            if (c < 0x80 && PATH_CHAR.matcher(character).matches()) {
                out.append(character);
            } else {
                out.append(percentEncoded(character));
            }
            i += Character.charCount(c);
        }
        return out.toString();
    }

    /** {@code character} as % codes of its UTF-8 bytes, such as {@code %C3%B1} for ñ. */
    private static String percentEncoded(String character) {
        StringBuilder out = new StringBuilder();
        for (byte b : character.getBytes(StandardCharsets.UTF_8)) {
            out.append('%').append(HEX.charAt((b >> 4) & 0xf)).append(HEX.charAt(b & 0xf));
        }
        return out.toString();
    }

    /** A segment as its folder is named: its % codes read as UTF-8; codes that spell no character are kept. */
    static String decoded(String segment) {
        Matcher m = PERCENT_RUN.matcher(segment);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(utf8(m.group()).orElse(m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Whether every % code of {@code segment} is part of a character written in UTF-8. */
    static boolean isUtf8(String segment) {
        Matcher m = PERCENT_RUN.matcher(encoded(segment));
        while (m.find()) {
            if (utf8(m.group()).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** @return the text a run of % codes spells in UTF-8; empty when it spells none */
    private static Optional<String> utf8(String codes) {
        var bytes = new ByteArrayOutputStream();
        for (int i = 0; i < codes.length(); i += 3) {
            bytes.write(Integer.parseInt(codes.substring(i + 1, i + 3), 16));
        }
        try {
            CharBuffer text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()));
            return Optional.of(text.toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /**
     * A raw path as people read it: the % codes that spell letters, digits or marks beyond ASCII shown
     * as those characters ({@code /rodilla-%C3%B1/} is {@code /rodilla-ñ/}); every other code kept, so
     * that a space ({@code %20}) or punctuation cannot be misread on paper.
     */
    static String lettersShown(String rawPath) {
        Matcher m = PERCENT_RUN.matcher(rawPath);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String shown = utf8(m.group()).map(PercentCodes::lettersOnly).orElse(m.group());
            m.appendReplacement(out, Matcher.quoteReplacement(shown));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** {@code text} with its letters, digits and marks beyond ASCII as they are, and every other character encoded. */
    private static String lettersOnly(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> {
            int type = Character.getType(c);
            boolean letter = c >= 0x80 && (Character.isLetterOrDigit(c) || type == Character.NON_SPACING_MARK
                    || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK);
            String character = new String(Character.toChars(c));
            out.append(letter ? character : percentEncoded(character));
        });
        return out.toString();
    }
}
