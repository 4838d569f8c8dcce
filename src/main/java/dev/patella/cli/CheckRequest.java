package dev.patella.cli;

import dev.patella.build.Builder;
import dev.patella.build.SiteBuild;
import dev.patella.config.BuildOptions;
import dev.patella.diag.Diagnostics;
import dev.patella.diag.FileFailure;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

/** {@code patella check} with its options read (see {@link CheckCommand} for their meaning). */
record CheckRequest(Path project, boolean strict) implements Request {

    @Override
    public int run(Clock clock, PrintWriter out, PrintWriter err) {
        Optional<String> projectProblem = CommandLineMistakes.projectProblem(project);
        if (projectProblem.isPresent()) {
            return CommandLineMistakes.error(err, "patella check", projectProblem.get());
        }
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
