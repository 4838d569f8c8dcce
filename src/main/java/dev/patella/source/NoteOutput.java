package dev.patella.source;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * An output stream into a growing byte array, for writing the notes a build keeps in
 * {@code .patella/} with a {@code DataOutputStream}, the counterpart of {@link NoteInput}. Unlike
 * {@code ByteArrayOutputStream} its writes are not synchronized: a {@code DataOutputStream}
 * writes a number a byte at a time, and a note of several megabytes took a lock for each. One
 * thread only.
 */
public final class NoteOutput extends OutputStream {

    private byte[] data;
    private int size;

    /** @param capacity the bytes to hold before growing */
    public NoteOutput(int capacity) {
        data = new byte[Math.max(16, capacity)];
    }

    @Override
    public void write(int b) {
        room(1);
        data[size++] = (byte) b;
    }

    @Override
    public void write(byte[] from, int off, int len) {
        Objects.checkFromIndexSize(off, len, from.length);
        room(len);
        System.arraycopy(from, off, data, size, len);
        size += len;
    }

    /** Writes what this holds to {@code out}. */
    public void writeTo(OutputStream out) throws IOException {
        out.write(data, 0, size);
    }

    /** A copy of the bytes written. */
    public byte[] toByteArray() {
        return Arrays.copyOf(data, size);
    }

    private void room(int more) {
        if (data.length - size < more) {
            long wanted = Math.max((long) data.length * 2, (long) size + more);
            if (wanted > Integer.MAX_VALUE - 8) {
                throw new OutOfMemoryError("a note over 2 GB");
            }
            data = Arrays.copyOf(data, (int) wanted);
        }
    }
}
