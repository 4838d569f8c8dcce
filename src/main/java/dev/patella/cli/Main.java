package dev.patella.cli;

import java.io.PrintWriter;
import java.time.Clock;

/**
 * The {@code patella} command. The only class that ends the process.
 *
 * <p>The everyday command lines ({@code build}, {@code check} and {@code serve} with their usual
 * options, {@code --version}) are read by {@link CommonCommandLine} without loading picocli,
 * which would cost more than the rest of a small build's start-up; everything else (help, every
 * mistake, {@code new}, {@code publish}) goes to picocli through {@link PatellaCommand}. Both give
 * the same output and exit codes, pinned by {@code CommandLineTest}.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        var out = new PrintWriter(System.out, true);
        var err = new PrintWriter(System.err, true);
        System.exit(run(args, out, err, new SystemClock()));
    }

    /**
     * Runs a command as the process would, without exiting.
     *
     * @param clock gives today's date for review checks
     * @return the exit code (see {@link ExitCode})
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Clock clock) {
        var request = CommonCommandLine.read(args);
        if (request.isEmpty()) {
            return PatellaCommand.run(args, out, err, clock);
        }
        int code;
        try {
            code = request.get().run(clock, out, err);
        } catch (RuntimeException e) {
            code = CommandLineMistakes.internalError(err, e);
        }
        out.flush();
        err.flush();
        return code;
    }

    /** What {@code patella --version} prints, read from the jar's manifest. */
    static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return "patella " + (v == null ? "(development build)" : v);
    }
}
