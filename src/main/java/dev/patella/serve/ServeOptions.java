package dev.patella.serve;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Objects;

/**
 * How to run the dev server.
 *
 * @param project  the folder holding {@code content/} and {@code templates/}
 * @param host     the address to listen on; {@code 127.0.0.1} unless the user asks for another
 * @param port     the port; 0 picks a free one
 * @param drafts   whether pages marked {@code draft: true} are shown
 * @param today    the date used for review checks
 * @param quiet    how long the files must stay quiet after a save before rebuilding, so that a
 *                 burst of saves (an editor writing a file in steps, a "save all") gives one rebuild
 * @param maxDelay the longest a rebuild waits for quiet while saves keep coming
 */
public record ServeOptions(Path project, String host, int port, boolean drafts, LocalDate today, Duration quiet,
                           Duration maxDelay) {

    /**
     * The default pause that ends a burst of saves. The events of one save (an editor truncating
     * and writing a file, or writing a new one and renaming it over the old) arrive within a
     * fraction of a millisecond of each other, so 2 ms gathers them into one rebuild while adding
     * little to the time from save to page. Correctness never depends on it: a save caught
     * halfway is read again when its next event arrives, which starts another rebuild, and
     * events that come during a rebuild are gathered for the next.
     */
    public static final Duration QUIET = Duration.ofMillis(2);
    /** The default longest wait for a burst of saves to end. */
    public static final Duration MAX_DELAY = Duration.ofMillis(200);

    public ServeOptions {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(today, "today");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be from 0 to 65535: " + port);
        }
    }

    /** Serving {@code project} on the loopback address, with drafts, debounced by the defaults. */
    public static ServeOptions of(Path project, String host, int port, boolean drafts, LocalDate today) {
        return new ServeOptions(project, host, port, drafts, today, QUIET, MAX_DELAY);
    }
}
