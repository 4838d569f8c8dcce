package dev.patella.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The progress line shows only for long uploads, and not too often. */
class ProgressLineTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong clock = new AtomicLong(0);
    private final StringWriter text = new StringWriter();

    @Test
    void shortUploadShowsNothing() {
        var progress = new ProgressLine(new PrintWriter(text), clock::get, false);
        clock.set(SECOND);
        progress.sent(1, 2, 100, 200);
        progress.sent(2, 2, 200, 200);

        assertThat(text.toString()).isEmpty();
    }

    @Test
    void quietTimeCountsFromTheStartOfTheUploadNotFromConnecting() {
        var progress = new ProgressLine(new PrintWriter(text), clock::get, false);
        clock.set(10 * SECOND);
        progress.starting(2, 200);
        clock.set(11 * SECOND);
        progress.sent(1, 2, 100, 200);
        progress.sent(2, 2, 200, 200);

        assertThat(text.toString()).isEmpty();
    }

    @Test
    void longUploadInALogWritesALineEveryFewSecondsAndAtTheEnd() {
        var progress = new ProgressLine(new PrintWriter(text), clock::get, false);
        clock.set(3 * SECOND);
        progress.sent(1, 4, 1_500_000, 4_000_000);
        clock.set(4 * SECOND);
        progress.sent(2, 4, 2_000_000, 4_000_000);
        clock.set(9 * SECOND);
        progress.sent(3, 4, 3_000_000, 4_000_000);
        progress.sent(4, 4, 4_000_000, 4_000_000);

        assertThat(text.toString().lines()).containsExactly("Uploading: 1 of 4 files, 1.5 MB of 4.0 MB",
                "Uploading: 3 of 4 files, 3.0 MB of 4.0 MB", "Uploading: 4 of 4 files, 4.0 MB of 4.0 MB");
    }

    @Test
    void atATerminalTheLineIsRedrawnInPlaceAndEndedWhenDone() {
        var progress = new ProgressLine(new PrintWriter(text), clock::get, true);
        clock.set(3 * SECOND);
        progress.sent(1, 2, 10, 20);
        clock.set(4 * SECOND);
        progress.sent(2, 2, 20, 20);

        assertThat(text.toString()).isEqualTo("\rUploading: 1 of 2 files, 0.0 MB of 0.0 MB"
                + "\rUploading: 2 of 2 files, 0.0 MB of 0.0 MB\n");
    }
}
