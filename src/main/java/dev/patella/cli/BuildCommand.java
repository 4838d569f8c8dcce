package dev.patella.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code patella build}: makes the site from content/ and templates/ into site/. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = {"Builds the site from content/ and templates/.",
                "Nothing is published when the content has errors: the previous site stays as it was."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the site was built", "1:the content has errors (listed on stderr)",
                "2:the command line is wrong", "3:a file could not be read or written"})
final class BuildCommand implements Callable<Integer> {

    private final Clock clock;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    private ProjectOption projectOption;

    @Option(names = "--output", paramLabel = "DIR", description = "Where to write the site (default: DIR/site).")
    private Path output;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "The address the site is published at, such as https://example.org/knee/ "
                    + "(default: base_url in content/site.yaml).")
    private String baseUrl;

    @Option(names = "--drafts", description = "Also build pages marked draft: true.")
    private boolean drafts;

    @Option(names = "--strict", description = "Treat a page past its review date, or a translation behind its source, as an error, not a warning.")
    private boolean strict;

    BuildCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        return new BuildRequest(projectOption.path(), Optional.ofNullable(output), Optional.ofNullable(baseUrl), drafts,
                strict).run(clock, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
