package dev.patella.source;

import java.io.InputStream;

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
}
