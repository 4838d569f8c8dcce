package dev.patella.cli;

/** The process exit codes, the same for every command. */
public final class ExitCode {
    /** The command did what was asked. */
    public static final int OK = 0;
    /** The content has errors; they were printed and nothing was published. */
    public static final int CONTENT_ERRORS = 1;
    /** Publishing was refused: no built site, a failed last build, a target that is not Patella's, an untrusted server. */
    public static final int REFUSED = 1;
    /** The command line was wrong: an unknown option, a bad value, an unusable folder. */
    public static final int USAGE = 2;
    /** A file could not be read or written, or Patella itself failed. */
    public static final int FAILURE = 3;

    private ExitCode() {
    }
}
