package dev.patella.diag;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Strict UTF-8 for the files editors write (content, templates, message files): a file saved in
 * another encoding, as Windows editors may, is one {@code file.not-utf8} error at its first byte
 * that is not UTF-8, never text with replacement characters in it, nor a failure without a place.
 */
public final class Utf8Text {

    private Utf8Text() {
    }

    /**
     * @param file the file's path as shown to the editor
     * @return the text, byte order mark and all; empty when it is not UTF-8 (reported to {@code problems})
     */
    public static Optional<String> decode(byte[] bytes, String file, Consumer<Diagnostic> problems) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            problems.accept(Diagnostic.error("file.not-utf8", positionOf(bytes, in.position(), file),
                    "the file is not valid UTF-8 text (byte 0x"
                            + String.format(Locale.ROOT, "%02X", bytes[in.position()] & 0xff)
                            + "); save it as UTF-8 in your editor"));
            return Optional.empty();
        }
        decoder.flush(out);
        out.flip();
        return Optional.of(out.toString());
    }

    private static SourceSpan positionOf(byte[] bytes, int offset, String file) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                column = 1;
            } else if ((bytes[i] & 0xC0) != 0x80) {
                column++; // count characters, not continuation bytes
            }
        }
        return new SourceSpan(file, line, column);
    }
}
