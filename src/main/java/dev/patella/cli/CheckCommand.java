package dev.patella.cli;

import dev.patella.build.Builder;
import dev.patella.build.SiteBuild;
import dev.patella.config.BuildOptions;
import dev.patella.diag.FileFailure;
import dev.patella.diag.Diagnostics;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code patella check}: everything a build checks, and more, without writing anything. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Checks the content and templates without writing anything: everything build checks, and",
                "every link and #anchor (in Markdown and templates), images (they exist, have alt text, belong",
                "to the project), that every exercise is in a program, and links to other sites use https."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no errors (there may be warnings)", "1:errors (listed on stderr)",
                "2:the command line is wrong", "3:a file could not be read"})
final class CheckCommand implements Callable<Integer> {

    private final Clock clock;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    private ProjectOption projectOption;

    @Option(names = "--strict", description = "Treat a page past its review date as an error, not a warning.")
    private boolean strict;

    CheckCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        Path project = projectOption.existing(spec.commandLine());
        var options = new BuildOptions(project, project.resolve("site"), Optional.empty(), false, strict,
                LocalDate.now(clock));
        var diagnostics = new Diagnostics();
        SiteBuild site;
        try {
            site = new Builder(System::nanoTime).check(options, diagnostics);
        } catch (UncheckedIOException e) {
            err.println("patella: " + FileFailure.of(e).getMessage());
            return ExitCode.FAILURE;
        }
        Report.print(project, diagnostics, err);
        String warnings = diagnostics.warningCount() > 0
                ? " and " + Report.count(diagnostics.warningCount(), "warning") : "";
        if (diagnostics.hasErrors()) {
            err.println("Found " + Report.count(diagnostics.errorCount(), "error") + warnings + ".");
            return ExitCode.CONTENT_ERRORS;
        }
        out.println("Checked " + Report.count(site.pages().size(), "page") + ": no errors" + warnings + ".");
        return ExitCode.OK;
    }
}
