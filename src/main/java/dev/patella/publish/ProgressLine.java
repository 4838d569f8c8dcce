package dev.patella.publish;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A progress line for long uploads: "Uploading: 12 of 45 files, 1.2 of 3.4 MB". Short uploads show
 * nothing. At a terminal the line is redrawn in place; elsewhere (a CI log) a new line is written at
 * most every few seconds.
 */
public final class ProgressLine implements Progress {

    private static final long QUIET_NANOS = 2_000_000_000L;
    private static final long TERMINAL_NANOS = 200_000_000L;
    private static final long LOG_NANOS = 5_000_000_000L;

    private final PrintWriter out;
    private final LongSupplier nanoTime;
    private final boolean terminal;
    private long start;
    private long last;
    private boolean shown;

    /** @param terminal whether {@code out} is a terminal that understands a carriage return */
    public ProgressLine(PrintWriter out, LongSupplier nanoTime, boolean terminal) {
        this.out = out;
        this.nanoTime = nanoTime;
        this.terminal = terminal;
        this.start = nanoTime.getAsLong();
    }

    @Override
    public void starting(int totalFiles, long totalBytes) {
        start = nanoTime.getAsLong();
    }

    @Override
    public void sent(int files, int totalFiles, long bytes, long totalBytes) {
        long now = nanoTime.getAsLong();
        boolean done = files == totalFiles;
        if (now - start < QUIET_NANOS || (!done && shown && now - last < (terminal ? TERMINAL_NANOS : LOG_NANOS))) {
            return;
        }
        if (done && !shown) {
            return;
        }
        last = now;
        shown = true;
        String line = String.format(Locale.ROOT, "Uploading: %d of %d files, %s of %s", files, totalFiles,
                megabytes(bytes), megabytes(totalBytes));
        if (terminal) {
            out.print("\r" + line + (done ? "\n" : ""));
        } else {
            out.println(line);
        }
        out.flush();
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }
}
