package dev.patella.cli;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code patella translated FILE... | --all CODE}: records that translations are up to date with their sources. */
@Command(name = "translated", mixinStandardHelpOptions = true,
        description = {"Marks translations as up to date with their source.",
                "Writes each one's translated_from line and changes nothing else in the file; "
                        + "check warns when a source changes after that."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:marked (or already up to date)",
                "1:a translation was not marked: it cannot be read, lacks a field its source has, or has no source",
                "2:the command line is wrong (for example a file that is not a translation)",
                "3:a file could not be read or written"})
final class TranslatedCommand implements Callable<Integer> {

    private final Clock clock;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "FILE",
            description = "A translation, such as content/es/exercises/clamshell.md, inside the project folder.")
    private List<String> files = List.of();

    @Option(names = "--all", paramLabel = "CODE", description = "Mark every translation in content/CODE/.")
    private String all;

    @CommandLine.Mixin
    private ProjectOption projectOption;

    TranslatedCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        if (files.isEmpty() && all == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "name the translations to mark, or give "
                    + "--all CODE, for example: bin/patella translated --all es");
        }
        if (!files.isEmpty() && all != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give either the translations to mark or "
                    + "--all CODE, not both");
        }
        return new TranslatedRequest(projectOption.path(), files, Optional.ofNullable(all)).run(clock,
                spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
