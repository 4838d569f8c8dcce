package dev.patella.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The notes' byte streams: what {@link NoteOutput} writes, {@link NoteInput} reads back. */
class NoteOutputTest {

    @Test
    void growsPastItsFirstCapacityAndReadsBackAsWritten() throws IOException {
        var bytes = new NoteOutput(16);
        var out = new DataOutputStream(bytes);
        String text = "Quadriceps, \u00e9l\u00e9vation de la jambe tendue \uD83E\uDDB5";
        for (int i = 0; i < 10_000; i++) {
            out.writeInt(i);
            out.writeUTF(text);
        }
        out.flush();

        var in = new DataInputStream(new NoteInput(bytes.toByteArray()));
        for (int i = 0; i < 10_000; i++) {
            assertThat(in.readInt()).isEqualTo(i);
            assertThat(in.readUTF()).isEqualTo(text);
        }
        assertThat(in.read()).isEqualTo(-1);
    }

    @Test
    void writesTheSameBytesAsTheJdkStream() throws IOException {
        var ours = new NoteOutput(1);
        var theirs = new ByteArrayOutputStream();
        for (OutputStream stream : List.of(ours, theirs)) {
            var out = new DataOutputStream(stream);
            out.writeLong(-42L);
            out.write(new byte[] {1, 2, 3, 4, 5}, 1, 3);
            out.writeBoolean(true);
            out.flush();
        }
        var copied = new ByteArrayOutputStream();
        ours.writeTo(copied);

        assertThat(ours.toByteArray()).isEqualTo(theirs.toByteArray()).isEqualTo(copied.toByteArray());
    }
}
