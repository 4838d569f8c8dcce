package dev.patella.source;

import java.util.HexFormat;

/**
 * A 128-bit hash for cache keys only: "has this input changed since last time?". It mixes 64-bit
 * words with MurmurHash3's x64 128-bit rounds and finish, so it is about ten times cheaper than
 * SHA-256 in the quick JIT compiler that one-off builds run with (which has no SHA intrinsic).
 * It is no defence against someone crafting collisions: where a hash is published or compared
 * with another machine's (publishing, which hashes each file it sends with SHA-256), use SHA-256.
 * The manifest beside {@code site/} uses it: it only tells a build which files of the folders
 * it keeps already hold the bytes it would write, on this machine.
 *
 * <p>Every value is fed as whole 64-bit words: a text as its length, then its UTF-16 chars four
 * to a word, so two different sequences of calls of the same kinds never feed the same words.
 * One instance hashes one value; not safe to share between threads.
 */
public final class QuickHash {

    private static final long C1 = 0x87c37b91114253d5L;
    private static final long C2 = 0x4cf5ad432745937fL;

    private long h1 = 0x9e3779b97f4a7c15L;
    private long h2 = 0xc2b2ae3d27d4eb4fL;
    private long pending;
    private boolean hasPending;
    private long words;

    /** Adds one 64-bit word. */
    public QuickHash add(long word) {
        words++;
        if (!hasPending) {
            pending = word;
            hasPending = true;
            return this;
        }
        hasPending = false;
        long k1 = pending;
        long k2 = word;
        k1 *= C1;
        k1 = Long.rotateLeft(k1, 31);
        k1 *= C2;
        h1 ^= k1;
        h1 = Long.rotateLeft(h1, 27);
        h1 += h2;
        h1 = h1 * 5 + 0x52dce729;
        k2 *= C2;
        k2 = Long.rotateLeft(k2, 33);
        k2 *= C1;
        h2 ^= k2;
        h2 = Long.rotateLeft(h2, 31);
        h2 += h1;
        h2 = h2 * 5 + 0x38495ab5;
        return this;
    }

    /** Adds a text: its length, then its chars. */
    public QuickHash add(String text) {
        int n = text.length();
        add(n);
        int i = 0;
        for (; i + 4 <= n; i += 4) {
            add((long) text.charAt(i) | (long) text.charAt(i + 1) << 16 | (long) text.charAt(i + 2) << 32
                    | (long) text.charAt(i + 3) << 48);
        }
        if (i < n) {
            long w = 0;
            for (int shift = 0; i < n; i++, shift += 16) {
                w |= (long) text.charAt(i) << shift;
            }
            add(w);
        }
        return this;
    }

    /** Adds some bytes: their count, then the bytes. */
    public QuickHash add(byte[] bytes) {
        int n = bytes.length;
        add(n);
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            long w = 0;
            for (int j = 7; j >= 0; j--) {
                w = w << 8 | (bytes[i + j] & 0xffL);
            }
            add(w);
        }
        if (i < n) {
            long w = 0;
            for (int shift = 0; i < n; i++, shift += 8) {
                w |= (bytes[i] & 0xffL) << shift;
            }
            add(w);
        }
        return this;
    }

    /** The hash of everything added, as 16 bytes. Call once. */
    public byte[] bytes() {
        long a = h1;
        long b = h2;
        if (hasPending) {
            long k1 = pending * C1;
            k1 = Long.rotateLeft(k1, 31);
            k1 *= C2;
            a ^= k1;
        }
        long length = words * 8;
        a ^= length;
        b ^= length;
        a += b;
        b += a;
        a = mix(a);
        b = mix(b);
        a += b;
        b += a;
        byte[] out = new byte[16];
        for (int i = 0; i < 8; i++) {
            out[i] = (byte) (a >>> (56 - 8 * i));
            out[8 + i] = (byte) (b >>> (56 - 8 * i));
        }
        return out;
    }

    /** The hash of everything added, in hex (32 digits). Call once. */
    public String hex() {
        return HexFormat.of().formatHex(bytes());
    }

    /** The hash of some bytes, as 16 bytes. */
    public static byte[] of(byte[] bytes) {
        return new QuickHash().add(bytes).bytes();
    }

    /** The hash of some bytes, in hex (32 digits). */
    public static String hexOf(byte[] bytes) {
        return new QuickHash().add(bytes).hex();
    }

    /** The hash of a text, in hex. */
    public static String hexOf(String text) {
        return new QuickHash().add(text).hex();
    }

    private static long mix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }
}
