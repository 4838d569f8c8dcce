package dev.patella.serve;

import dev.patella.build.Changes;
import dev.patella.build.SiteBuild;
import dev.patella.diag.Diagnostics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Turns file events into rebuilds, one at a time, on its own thread. Events are gathered until
 * the files have been quiet for a moment (or a longest wait has passed), so a burst of saves
 * gives one rebuild; events that come during a rebuild are gathered for the next.
 *
 * <p>This is the dev server's reporting boundary for rebuilds: whatever a rebuild throws
 * ({@link StackOverflowError} and {@link OutOfMemoryError} included) is handed on as a
 * {@link Crashed} outcome, and the loop goes on waiting for the next save. It only ends when it
 * is stopped or its thread is interrupted.
 */
final class Rebuilder implements Runnable {

    /** Stands for "anything may have changed" in the queue. */
    private static final Path EVERYTHING = Path.of("/__patella/everything");
    private static final Path STOP = Path.of("/__patella/stop");

    private final Step step;
    private final Duration quiet;
    private final Duration maxDelay;
    private final BiConsumer<Batch, Outcome> done;
    private final Consumer<Map<String, byte[]>> firstPages;
    private final LongSupplier nanoTime;
    private final BlockingQueue<Path> events = new LinkedBlockingQueue<>();
    /** Files changed since the last rebuild that did not crash: where the cause of a crash must be. */
    private final Set<Path> sinceLastFinished = new LinkedHashSet<>();
    private boolean lastCrashed;

    /** One build of the site after some changes; {@code SiteSession::build} outside tests. */
    @FunctionalInterface
    interface Step {
        /** @param firstPages takes the pages rendered again as soon as they are, by site path (see {@code SiteSession}) */
        SiteBuild build(Changes changes, Diagnostics diagnostics, Consumer<Map<String, byte[]>> firstPages);
    }

    /** What one rebuild was asked to look at, and when the first of its events arrived (on the rebuilder's clock). */
    record Batch(Changes changes, long firstEventNanos) {
    }

    /** What a rebuild gave. */
    sealed interface Outcome permits Built, Crashed {
    }

    /** The rebuild finished: the site, and the problems found in the content. */
    record Built(SiteBuild build, Diagnostics diagnostics) implements Outcome {
    }

    /**
     * The rebuild threw.
     *
     * @param failure  what it threw
     * @param suspects the files changed since the last rebuild that finished, in the order they
     *                 changed; empty when that was the first build or lost file events
     */
    record Crashed(Throwable failure, List<Path> suspects) implements Outcome {
        Crashed {
            suspects = List.copyOf(suspects);
        }
    }

    /**
     * @param nanoTime   a monotonic clock for the quiet time and the longest wait, {@code System::nanoTime} outside tests
     * @param firstPages takes the pages a rebuild renders again as soon as they are made, before the rebuild ends
     * @param done       takes each rebuild's outcome
     */
    Rebuilder(Step step, Duration quiet, Duration maxDelay, LongSupplier nanoTime,
              Consumer<Map<String, byte[]>> firstPages, BiConsumer<Batch, Outcome> done) {
        this.step = step;
        this.firstPages = firstPages;
        this.nanoTime = nanoTime;
        this.quiet = quiet;
        this.maxDelay = maxDelay;
        this.done = done;
    }

    void changed(Path path) {
        events.add(path.toAbsolutePath().normalize());
    }

    void changedEverything() {
        events.add(EVERYTHING);
    }

    void stop() {
        events.add(STOP);
    }

    /** Builds everything now, on the calling thread, and hands the outcome on; never throws. */
    void buildEverything() {
        handle(new Batch(Changes.everything(), nanoTime.getAsLong()));
    }

    @Override
    public void run() {
        try {
            while (true) {
                Path first = events.take();
                long firstAt = nanoTime.getAsLong();
                Set<Path> paths = new LinkedHashSet<>();
                boolean everything = false;
                long deadline = firstAt + maxDelay.toNanos();
                // a batch of nothing but half a save waits for the rest (on a busy machine it may come
                // long after the quiet time), up to the longest wait, so that the rebuild names the file
                // saved and makes its page once, with no error from the half: see unfinished
                boolean halfASave = true;
                for (Path p = first; p != null; p = nextWithin(deadline, halfASave)) {
                    if (p == STOP) {
                        return;
                    }
                    everything |= p == EVERYTHING;
                    halfASave &= p != EVERYTHING && unfinished(p);
                    paths.add(p);
                }
                paths.remove(EVERYTHING);
                handle(new Batch(everything ? Changes.everything() : Changes.of(paths), firstAt));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Whether the event at {@code path} is likely the first half of a save: an editor's temporary
     * file, which a rename ends; or a file that is now empty or gone, as a shell's {@code >} empties
     * a file before the program writes it, and {@code git checkout} removes and creates it before it
     * writes it (rebuilt at once, it was told "the file is empty" while the editor looked at it whole).
     * A file really emptied or deleted is rebuilt all the same, after the longest wait.
     */
    static boolean unfinished(Path path) {
        if (Changes.looksTemporary(path)) {
            return true;
        }
        try {
            BasicFileAttributes file = Files.readAttributes(path, BasicFileAttributes.class);
            return file.isRegularFile() && file.size() == 0;
        } catch (IOException e) {
            return true; // gone, or not readable yet
        }
    }

    /**
     * The next event if one comes within the quiet time (or at all, when {@code untilDeadline}) and
     * before the deadline; null otherwise.
     */
    private Path nextWithin(long deadline, boolean untilDeadline) throws InterruptedException {
        long left = deadline - nanoTime.getAsLong();
        long wait = untilDeadline ? left : Math.min(quiet.toNanos(), left);
        return wait <= 0 ? null : events.poll(wait, TimeUnit.NANOSECONDS);
    }

    private void handle(Batch batch) {
        try {
            done.accept(batch, rebuild(batch.changes()));
        } catch (Throwable showing) { // a bug in showing the outcome (or no memory left to) must not stop the rebuilds
            lastCrashed = true;
            try {
                done.accept(batch, new Crashed(showing, List.copyOf(sinceLastFinished)));
            } catch (Throwable again) {
                // nothing is left to show it with (out of memory, most likely): wait for the next save
            }
        }
    }

    private Outcome rebuild(Changes changes) {
        sinceLastFinished.addAll(changes.paths());
        // a build that threw may have left the session's caches half updated: look at everything again
        Changes asked = lastCrashed ? Changes.everything() : changes;
        try {
            var diagnostics = new Diagnostics();
            SiteBuild build = step.build(asked, diagnostics, firstPages);
            lastCrashed = false;
            sinceLastFinished.clear();
            return new Built(build, diagnostics);
        } catch (Throwable failure) { // by now the stack has unwound and the failed build's memory is free
            lastCrashed = true;
            return new Crashed(failure, List.copyOf(sinceLastFinished));
        }
    }
}
