package dev.patella.cli;

import dev.patella.build.BuildResult;
import dev.patella.build.Builder;
import dev.patella.build.LastBuild;
import dev.patella.config.BuildOptions;
import dev.patella.diag.FileFailure;
import dev.patella.diag.Diagnostics;
import dev.patella.output.SiteWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
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

    @Option(names = "--strict", description = "Treat a page past its review date as an error, not a warning.")
    private boolean strict;

    BuildCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        var out = spec.commandLine().getOut();
        Path project = projectOption.existing(spec.commandLine());
        Optional<URI> url = Optional.ofNullable(baseUrl).map(t -> BaseUrlOption.parse(spec.commandLine(), t));
        Path target = output != null ? output : project.resolve("site");
        var options = new BuildOptions(project, target, url, drafts, strict, LocalDate.now(clock));
        var diagnostics = new Diagnostics();
        BuildResult result;
        try {
            result = new Builder(System::nanoTime).build(options, diagnostics);
        } catch (IllegalArgumentException e) {
            err.println("patella: " + e.getMessage());
            return ExitCode.USAGE;
        } catch (UncheckedIOException e) {
            err.println("patella: " + FileFailure.of(e).getMessage());
            record(project, new LastBuild(false, 0), err);
            return ExitCode.FAILURE;
        } catch (SiteWriter.OutputLockedException e) {
            err.println("patella: " + e.getMessage());
            return ExitCode.FAILURE;
        }
        Report.print(project, diagnostics, err);
        result.warnings().forEach(w -> err.println("patella: warning: " + w));
        record(project, new LastBuild(result.published(), diagnostics.errorCount()), err);
        if (!result.published()) {
            err.println(Report.failureSummary(diagnostics, target));
            return ExitCode.CONTENT_ERRORS;
        }
        out.println(String.format(Locale.ROOT, "Built %d pages (%d files, %s) in %.2f s into %s%s", result.pages(),
                result.files(), result.written() == 0 ? "none changed" : result.written() + " written",
                result.took().toNanos() / 1e9, target,
                diagnostics.warningCount() > 0 ? " with " + Report.count(diagnostics.warningCount(), "warning") : ""));
        return ExitCode.OK;
    }

    /** Keeps the outcome for {@code publish}; a project folder that cannot be written to does not fail the build. */
    private void record(Path project, LastBuild outcome, PrintWriter err) {
        try {
            outcome.save(project);
        } catch (UncheckedIOException e) {
            err.println("patella: warning: " + FileFailure.of(e).getMessage() + " (publish reads this record: until it "
                    + "can be written, publish may not know how this build went)");
        }
    }
}
