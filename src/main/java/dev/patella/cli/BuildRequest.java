package dev.patella.cli;

import dev.patella.build.BuildResult;
import dev.patella.build.Builder;
import dev.patella.build.LastBuild;
import dev.patella.config.BuildOptions;
import dev.patella.diag.Diagnostics;
import dev.patella.diag.FileFailure;
import dev.patella.output.SiteWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code patella build} with its options read (see {@link BuildCommand} for their meaning).
 *
 * @param output empty for DIR/site
 * @param baseUrl as typed, not yet checked
 */
record BuildRequest(Path project, Optional<Path> output, Optional<String> baseUrl, boolean drafts, boolean strict)
        implements Request {

    private static final String COMMAND = "patella build";

    @Override
    public int run(Clock clock, PrintWriter out, PrintWriter err) {
        Optional<String> projectProblem = CommandLineMistakes.projectProblem(project);
        if (projectProblem.isPresent()) {
            return CommandLineMistakes.error(err, COMMAND, projectProblem.get());
        }
        Optional<URI> url = Optional.empty();
        if (baseUrl.isPresent()) {
            url = BaseUrlOption.parse(baseUrl.get());
            if (url.isEmpty()) {
                return CommandLineMistakes.error(err, COMMAND, BaseUrlOption.mistake(baseUrl.get()));
            }
        }
        Path target = output.orElseGet(() -> project.resolve("site"));
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
            record(new LastBuild(false, 0), err);
            return ExitCode.FAILURE;
        } catch (SiteWriter.OutputLockedException e) {
            err.println("patella: " + e.getMessage());
            return ExitCode.FAILURE;
        }
        Report.print(project, diagnostics, err);
        result.warnings().forEach(w -> err.println("patella: warning: " + w));
        record(new LastBuild(result.published(), diagnostics.errorCount()), err);
        if (!result.published()) {
            err.println(Report.failureSummary(diagnostics, target));
            return ExitCode.CONTENT_ERRORS;
        }
        out.println(String.format(Locale.ROOT, "Built %d pages (%d files, %s) in %.2f s into %s%s", result.pages(),
                result.files(), result.changed() == 0 ? "none changed" : result.changed() + " changed",
                result.took().toNanos() / 1e9, target,
                diagnostics.warningCount() > 0 ? " with " + Report.count(diagnostics.warningCount(), "warning") : ""));
        return ExitCode.OK;
    }

    /** Keeps the outcome for {@code publish}; a project folder that cannot be written to does not fail the build. */
    private void record(LastBuild outcome, PrintWriter err) {
        try {
            outcome.save(project);
        } catch (UncheckedIOException e) {
            err.println("patella: warning: " + FileFailure.of(e).getMessage() + " (publish reads this record: until it "
                    + "can be written, publish may not know how this build went)");
        }
    }
}
