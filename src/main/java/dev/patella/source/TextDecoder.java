package dev.patella.source;

import dev.patella.diag.Diagnostics;
import dev.patella.diag.SourceSpan;
import dev.patella.diag.Utf8Text;
import java.text.Normalizer;
import java.util.Optional;

/**
 * Turns a content file's bytes into text: strict UTF-8, a leading byte order mark dropped,
 * letters composed ({@link #composed}), Windows and old Mac line endings made {@code \n}, stray
 * Unicode line separators made spaces, and
 * invisible control characters reported and taken out ({@link ControlCharacters}).
 */
final class TextDecoder {

    /** The largest content text file accepted, in bytes. */
    static final int MAX_BYTES = 2 * 1024 * 1024;

    private TextDecoder() {
    }

    /**
     * @return the text, or empty when the file is too large or not UTF-8 (reported to {@code diagnostics})
     */
    static Optional<String> decode(byte[] bytes, String file, Diagnostics diagnostics) {
        if (bytes.length > MAX_BYTES) {
            diagnostics.error("file.too-large", SourceSpan.startOf(file), "the file is larger than the "
                    + MAX_BYTES / 1024 / 1024 + " MiB allowed for a content file; split it or remove what does not "
                    + "belong");
            return Optional.empty();
        }
        Optional<String> decoded = Utf8Text.decode(bytes, file, diagnostics::add);
        if (decoded.isEmpty()) {
            return Optional.empty();
        }
        String text = decoded.get();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        // after the line endings: a stray U+0085 (next line) has become a space, as it always did
        return Optional.of(ControlCharacters.check(normalizeLineEndings(composed(text)), file, diagnostics));
    }

    /**
     * The text with each letter written as one character where Unicode has one (NFC): "á" typed as
     * "a" and a combining accent, as some programs paste it, looks the same on screen, but would
     * match no glossary term, search word or name written with "á", and the editor could not see why.
     * Only a text holding a combining mark or a Hangul jamo is composed: a letter with its accent
     * typed as one character (Spanish "á"), a dash or a curly quote needs nothing, and the
     * normalizer, whose first use costs a cold build some 30 ms, is not loaded for them.
     */
    static String composed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\u0300' && (isMark(c) || c >= '\u1100' && c <= '\u11ff')) {
                return Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text
                        : Normalizer.normalize(text, Normalizer.Form.NFC);
            }
        }
        return text;
    }

    private static boolean isMark(char c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    /**
     * Makes every line end in {@code \n}. The other characters Unicode and YAML count as line
     * breaks (next line U+0085, line separator U+2028, paragraph separator U+2029) become spaces:
     * they arrive by accident, pasted from word processors, and if they stayed the YAML parser
     * would count lines differently from every editor (a finding of the content fuzz test).
     */
    static String normalizeLineEndings(String text) {
        String out = text;
        if (out.indexOf('\r') >= 0) {
            out = out.replace("\r\n", "\n").replace('\r', '\n');
        }
        if (out.indexOf('\u0085') >= 0 || out.indexOf('\u2028') >= 0 || out.indexOf('\u2029') >= 0) {
            out = out.replace('\u0085', ' ').replace('\u2028', ' ').replace('\u2029', ' ');
        }
        return out;
    }
}
