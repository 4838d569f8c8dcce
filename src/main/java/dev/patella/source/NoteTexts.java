package dev.patella.source;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Texts in a note, each short one written once: the first time as its UTF-8 length and bytes,
 * after that as its number in the order they were first written. A note of every page's facts
 * names the same link targets, ids and files thousands of times; read back, each is then one
 * string, decoded once.
 */
public final class NoteTexts {

    /** Texts up to this many UTF-8 bytes are numbered; longer ones are written in full every time. */
    static final int SHORT = 512;

    private NoteTexts() {
    }

    /** Writes a note with {@link #text}; one thread only. */
    public static final class Writer extends DataOutputStream {
        private final Map<String, Integer> numbers = new HashMap<>();

        public Writer(NoteOutput out) {
            super(out);
        }

        /** A text, in full the first time, by its number after that. */
        public void text(String s) throws IOException {
            Integer known = numbers.get(s);
            if (known != null) {
                writeInt(-1 - known);
                return;
            }
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            writeInt(bytes.length);
            write(bytes);
            if (bytes.length <= SHORT) {
                numbers.put(s, numbers.size());
            }
        }
    }

    /** Reads a note written by a {@link Writer}; one thread only. */
    public static final class Reader extends DataInputStream {
        private final List<String> known = new ArrayList<>();

        public Reader(NoteInput in) {
            super(in);
        }

        /** @throws IOException when the note is damaged: cut short, or a number no text had */
        public String text() throws IOException {
            int n = readInt();
            if (n < 0) {
                int number = -1 - n;
                if (number >= known.size()) {
                    throw new IOException("not a text written before: " + number);
                }
                return known.get(number);
            }
            if (n > 1 << 28) {
                throw new IOException("not a length: " + n);
            }
            byte[] bytes = readNBytes(n);
            if (bytes.length != n) {
                throw new IOException("cut short");
            }
            String s = new String(bytes, StandardCharsets.UTF_8);
            if (n <= SHORT) {
                known.add(s);
            }
            return s;
        }

        /** A count or length, which a damaged note may give as anything. */
        public int count() throws IOException {
            return NoteInput.count(this);
        }
    }
}
