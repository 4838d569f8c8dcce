package dev.patella.cli;

import java.io.PrintWriter;
import java.time.Clock;

/** A command with its options read, ready to run; it prints its own mistakes and returns the exit code. */
interface Request {

    /**
     * @param clock gives today's date for review checks
     * @return the exit code (see {@link ExitCode})
     */
    int run(Clock clock, PrintWriter out, PrintWriter err);
}
