package dev.patella.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QuickHashTest {

    @Test
    void theSameInputGivesTheSameHashInEveryRun() {
        // pinned: a build remembers these hashes on disk and compares them in its next run
        assertThat(QuickHash.hexOf("clamshell")).isEqualTo(QuickHash.hexOf("clamshell")).hasSize(32);
        assertThat(new QuickHash().add(1).add("a").hex()).isEqualTo(new QuickHash().add(1).add("a").hex());
    }

    @Test
    void textsSplitDifferentlyHashDifferently() {
        String ab = new QuickHash().add("ab").add("c").hex();
        String bc = new QuickHash().add("a").add("bc").hex();
        String abc = new QuickHash().add("abc").hex();
        assertThat(Set.of(ab, bc, abc)).hasSize(3);
    }

    @Test
    void everyOneCharacterChangeOfAPageChangesItsHash() {
        String page = "# Clamshell\n\nLie on your side with your knees bent; lift the top knee. é ∆ 😀\n".repeat(20);
        Set<String> hashes = new HashSet<>();
        hashes.add(QuickHash.hexOf(page));
        hashes.add(QuickHash.hexOf(page + " "));
        hashes.add(QuickHash.hexOf(page.substring(1)));
        for (int i = 0; i < page.length(); i++) {
            char[] chars = page.toCharArray();
            chars[i] = (char) (chars[i] ^ 1);
            hashes.add(QuickHash.hexOf(new String(chars)));
        }
        assertThat(hashes).hasSize(page.length() + 3);
    }

    @Test
    void bytesOfEveryLengthHashApart() {
        byte[] text = "Sets, reps and holds for each exercise.".getBytes(StandardCharsets.UTF_8);
        Set<String> hashes = new HashSet<>();
        for (int n = 0; n <= text.length; n++) {
            byte[] prefix = java.util.Arrays.copyOf(text, n);
            hashes.add(java.util.HexFormat.of().formatHex(QuickHash.of(prefix)));
            byte[] zeros = new byte[n];
            hashes.add(java.util.HexFormat.of().formatHex(QuickHash.of(zeros)));
        }
        // lengths 0..n, text and zeros, the empty array counted once
        assertThat(hashes).hasSize(2 * (text.length + 1) - 1);
    }

    @Test
    void bytesAreFedAsTheirCountThenLittleEndianWordsTheLastOnePaddedWithZeros() {
        var random = new java.util.Random(13);
        for (int n = 0; n <= 40; n++) {
            byte[] bytes = new byte[n];
            random.nextBytes(bytes);
            var words = new QuickHash().add(n);
            for (int i = 0; i < n; i += 8) {
                long word = 0;
                for (int j = 0; j < 8 && i + j < n; j++) {
                    word |= (bytes[i + j] & 0xffL) << (8 * j);
                }
                words.add(word);
            }
            assertThat(QuickHash.of(bytes)).as("%d bytes", n).isEqualTo(words.bytes());
        }
    }
}
