package dev.patella.cli;

import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The {@code --project} option every command shares, with the check that the folder exists. */
final class ProjectOption {

    @Option(names = "--project", paramLabel = "DIR", defaultValue = ".",
            description = "The folder holding content/ and templates/ (default: the current folder).")
    private Path project;

    /** @return the folder as given, not checked */
    Path path() {
        return project;
    }

    /**
     * @return the project folder
     * @throws CommandLine.ParameterException (exit code 2) when the folder does not exist
     */
    Path existing(CommandLine commandLine) {
        CommandLineMistakes.projectProblem(project).ifPresent(problem -> {
            throw new CommandLine.ParameterException(commandLine, problem);
        });
        return project;
    }
}
