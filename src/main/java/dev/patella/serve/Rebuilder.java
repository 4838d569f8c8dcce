package dev.patella.serve;

import dev.patella.build.Changes;
import dev.patella.build.SiteBuild;
import dev.patella.build.SiteSession;
import dev.patella.diag.Diagnostics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Turns file events into rebuilds, one at a time, on its own thread. Events are gathered until
 * the files have been quiet for a moment (or a longest wait has passed), so a burst of saves
 * gives one rebuild; events that come during a rebuild are gathered for the next.
 */
final class Rebuilder implements Runnable {

    /** Stands for "anything may have changed" in the queue. */
    private static final Path EVERYTHING = Path.of("/__patella/everything");
    private static final Path STOP = Path.of("/__patella/stop");

    private final SiteSession session;
    private final Duration quiet;
    private final Duration maxDelay;
    private final BiConsumer<Batch, Result> done;
    private final BlockingQueue<Path> events = new LinkedBlockingQueue<>();

    /** What one rebuild was asked to look at, and when the first of its events arrived ({@link System#nanoTime}). */
    record Batch(Changes changes, long firstEventNanos) {
    }

    /** What a rebuild gave: the build, or the failure that stopped it. */
    record Result(SiteBuild build, Diagnostics diagnostics, RuntimeException failure) {
    }

    Rebuilder(SiteSession session, Duration quiet, Duration maxDelay, BiConsumer<Batch, Result> done) {
        this.session = session;
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

    @Override
    public void run() {
        try {
            while (true) {
                Path first = events.take();
                long firstAt = System.nanoTime();
                Set<Path> paths = new LinkedHashSet<>();
                boolean everything = false;
                long deadline = firstAt + maxDelay.toNanos();
                for (Path p = first; p != null; p = nextWithin(deadline)) {
                    if (p == STOP) {
                        return;
                    }
                    everything |= p == EVERYTHING;
                    paths.add(p);
                }
                paths.remove(EVERYTHING);
                var batch = new Batch(everything ? Changes.everything() : Changes.of(paths), firstAt);
                done.accept(batch, rebuild(batch.changes()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The next event if one comes within the quiet time and before the deadline; null otherwise. */
    private Path nextWithin(long deadline) throws InterruptedException {
        long wait = Math.min(quiet.toNanos(), deadline - System.nanoTime());
        return wait <= 0 ? null : events.poll(wait, TimeUnit.NANOSECONDS);
    }

    private Result rebuild(Changes changes) {
        var diagnostics = new Diagnostics();
        try {
            return new Result(session.build(changes, diagnostics), diagnostics, null);
        } catch (RuntimeException e) {
            return new Result(null, diagnostics, e);
        }
    }
}
