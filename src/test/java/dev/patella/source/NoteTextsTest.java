package dev.patella.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Texts in a note: each short one written once, then by its number. */
class NoteTextsTest {

    private static final String LONG = "Straight leg raise, \u00e9l\u00e9vation \uD83E\uDDB5 ".repeat(40);

    @Test
    void readsBackEveryTextInOrderAndAShortTextRepeatedIsOneString() throws IOException {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            texts.add("/exercises/clamshell/");
            texts.add("#term-" + (i % 7));
            texts.add(i % 50 == 0 ? LONG : "");
            texts.add("content/pages/guide-" + i + ".md");
        }
        byte[] note = write(texts);

        var in = new NoteTexts.Reader(new NoteInput(note));
        List<String> read = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            read.add(in.text());
        }
        assertThat(in.read()).isEqualTo(-1);
        assertThat(read).isEqualTo(texts);
        assertThat(read.get(4)).isSameAs(read.get(0));
    }

    @Test
    void aShortTextIsWrittenInFullOnceAndALongOneEveryTime() throws IOException {
        List<String> texts = new ArrayList<>(Collections.nCopies(100, "/exercises/clamshell/"));
        texts.addAll(List.of(LONG, LONG, LONG));
        int longBytes = LONG.getBytes(StandardCharsets.UTF_8).length;
        assertThat(longBytes).isGreaterThan(NoteTexts.SHORT);

        assertThat(write(texts).length).isEqualTo((4 + "/exercises/clamshell/".length()) + 99 * 4 + 3 * (4 + longBytes));
    }

    @Test
    void aNumberNoTextHadOrATextCutShortIsADamagedNote() throws IOException {
        byte[] note = write(List.of("/about/", "/about/"));

        byte[] wrongNumber = note.clone();
        wrongNumber[wrongNumber.length - 1] = -2; // the second text points at a second text never written
        var in = new NoteTexts.Reader(new NoteInput(wrongNumber));
        assertThat(in.text()).isEqualTo("/about/");
        assertThatThrownBy(in::text).isInstanceOf(IOException.class);

        var cut = new NoteTexts.Reader(new NoteInput(Arrays.copyOf(note, 6)));
        assertThatThrownBy(cut::text).isInstanceOf(IOException.class);
    }

    private static byte[] write(List<String> texts) throws IOException {
        var bytes = new NoteOutput(16);
        var out = new NoteTexts.Writer(bytes);
        for (String t : texts) {
            out.text(t);
        }
        out.flush();
        return bytes.toByteArray();
    }
}
