package dev.patella.source;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * An input stream over a byte array, for reading the notes a build keeps in {@code .patella/}
 * with a {@code DataInputStream}. Unlike {@code ByteArrayInputStream} its reads are not
 * synchronized: a note of several megabytes is read four bytes at a time, and a lock per read
 * was most of the cost. One thread only.
 */
public final class NoteInput extends InputStream {

    private final byte[] data;
    private int pos;

    public NoteInput(byte[] data) {
        this.data = data;
    }

    @Override
    public int read() {
        return pos < data.length ? data[pos++] & 0xff : -1;
    }

    @Override
    public int read(byte[] into, int off, int len) {
        if (len == 0) {
            return 0;
        }
        if (pos >= data.length) {
            return -1;
        }
        int n = Math.min(len, data.length - pos);
        System.arraycopy(data, pos, into, off, n);
        pos += n;
        return n;
    }

    @Override
    public int available() {
        return data.length - pos;
    }

    /** A text written as its UTF-8 length then its bytes. */
    public static String text(DataInputStream in) throws IOException {
        int n = count(in);
        byte[] bytes = in.readNBytes(n);
        if (bytes.length != n) {
            throw new IOException("cut short");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** A count or length, which a damaged note may give as anything. */
    public static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 1 << 28) {
            throw new IOException("not a count: " + n);
        }
        return n;
    }
}
