package dev.patella.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** How a command-line mistake and an internal error are reported, whichever way the command line was read. */
final class CommandLineMistakes {

    private CommandLineMistakes() {
    }

    /**
     * Prints a command-line mistake and where to find help.
     *
     * @param command the command, such as {@code patella build}; the help to run is given as the
     *                README runs Patella, {@code bin/patella build --help}
     * @return {@link ExitCode#USAGE}
     */
    static int error(PrintWriter err, String command, String message) {
        err.println("patella: " + message);
        err.println("Run 'bin/" + command + " --help' for usage.");
        return ExitCode.USAGE;
    }

    /** @return {@link ExitCode#FAILURE}, after printing the exception for a bug report */
    static int internalError(PrintWriter err, Exception e) {
        err.println("patella: internal error (this is a bug in Patella, please report it):");
        e.printStackTrace(err);
        return ExitCode.FAILURE;
    }

    /** @return what is wrong with the {@code --project} folder, if anything */
    static Optional<String> projectProblem(Path project) {
        return Files.isDirectory(project) ? Optional.empty()
                : Optional.of("the project folder " + project + " does not exist");
    }
}
