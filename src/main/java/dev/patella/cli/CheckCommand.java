package dev.patella.cli;

import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code patella check}: everything a build checks, and more, without writing anything. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Checks the content and templates without writing anything: everything build checks, and more.",
                "It also checks every link and #anchor (in Markdown and templates), images (they exist, have alt "
                        + "text, belong to the project), that every exercise is in a program, and that links to other "
                        + "sites use https."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no errors (there may be warnings)", "1:errors (listed on stderr)",
                "2:the command line is wrong", "3:a file could not be read"})
final class CheckCommand implements Callable<Integer> {

    private final Clock clock;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    private ProjectOption projectOption;

    @Option(names = "--strict", description = "Treat a page past its review date, or a translation behind its source, as an error, not a warning.")
    private boolean strict;

    CheckCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        return new CheckRequest(projectOption.path(), strict).run(clock, spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }
}
