package dev.patella.cli;

import dev.patella.build.BuildResult;
import dev.patella.build.Builder;
import dev.patella.build.LastBuild;
import dev.patella.build.ProjectState;
import dev.patella.config.BuildOptions;
import dev.patella.diag.Diagnostics;
import dev.patella.diag.FileFailure;
import dev.patella.diag.ShellPath;
import dev.patella.output.SiteWriter;
import dev.patella.serve.ServerCall;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * {@code patella build} with its options read (see {@link BuildCommand} for their meaning).
 *
 * @param output empty for DIR/site
 * @param baseUrl as typed, not yet checked
 */
record BuildRequest(Path project, Optional<Path> output, Optional<String> baseUrl, boolean drafts, boolean strict)
        implements Request {

    private static final String COMMAND = "patella build";

    /**
     * Hands the build to the project's build server when one answers (unless {@code PATELLA_SERVER=off});
     * builds by itself otherwise, and then may leave a server for the next builds ({@link AutoServer}).
     */
    @Override
    public int run(Clock clock, PrintWriter out, PrintWriter err) {
        var server = new ProjectState(project).server();
        Map<String, String> environment = System.getenv();
        if (!AutoServer.off(environment) && ServerCall.mayListen(server)
                && CommandLineMistakes.projectProblem(project).isEmpty()) {
            Optional<ServerCall.Answer> answer = ServerCall.ask(server, Builder.codeVersion(), SystemClock.zoneName(clock),
                    serverArgs());
            if (answer.isPresent() && answer.get().status() == ServerCall.Status.RAN) {
                // what went to stderr (the diagnostics) before the summary on stdout, as a build by itself prints them
                err.print(answer.get().err());
                err.flush();
                out.print(answer.get().out());
                out.flush();
                return answer.get().code();
            }
            if (answer.isPresent() && answer.get().status() == ServerCall.Status.OTHER_PATELLA) {
                err.println("patella: note: the build server of this project ran another Patella (the jar changed "
                        + "since it started), so it has stopped and this build runs without it; to start it again: "
                        + "patella build-server --project " + ShellPath.quoted(project));
            }
            if (answer.isPresent() && answer.get().silent()) {
                err.println("patella: note: the build server of this project took this build but has said nothing "
                        + "since (stopped with Ctrl-Z, or stuck), so this build runs without it; to use it again, "
                        + "resume it (fg) or stop it and start it again: bin/patella build-server --project " + ShellPath.quoted(project));
            }
        }
        Optional<AutoServer> next = AutoServer.before(project, environment, clock);
        int code = build(clock, out, err, new Builder(System::nanoTime), Builder.ALWAYS);
        if (next.isPresent() && (code == ExitCode.OK || code == ExitCode.CONTENT_ERRORS)) {
            next.get().start(err);
        }
        return code;
    }

    /**
     * This command line as the build server reads it: every path absolute, as the server has its own
     * folder. (No lambdas on this path: the first one a JVM meets costs it several milliseconds.)
     */
    private List<String> serverArgs() {
        List<String> args = new ArrayList<>(List.of("build", "--project", project.toAbsolutePath().normalize().toString()));
        if (output.isPresent()) {
            args.addAll(List.of("--output", output.get().toAbsolutePath().normalize().toString()));
        }
        if (baseUrl.isPresent()) {
            args.addAll(List.of("--base-url", baseUrl.get()));
        }
        if (drafts) {
            args.add("--drafts");
        }
        if (strict) {
            args.add("--strict");
        }
        return args;
    }

    /**
     * Builds in this process with {@code builder} (a build server's is kept warm), publishing only
     * while {@code wanted} (a build server's caller still waits).
     */
    int build(Clock clock, PrintWriter out, PrintWriter err, Builder builder, BooleanSupplier wanted) {
        Optional<String> projectProblem = CommandLineMistakes.projectProblem(project);
        if (projectProblem.isPresent()) {
            return CommandLineMistakes.error(err, COMMAND, projectProblem.get());
        }
        Optional<URI> url = Optional.empty();
        if (baseUrl.isPresent()) {
            var reading = BaseUrlOption.parse(baseUrl.get());
            if (reading.mistake().isPresent()) {
                return CommandLineMistakes.error(err, COMMAND, reading.mistake().get());
            }
            url = reading.address();
        }
        Path target = output.orElseGet(() -> project.resolve("site"));
        // the computer's own time, as the files' modification times are (the clock may be a test's fixed day)
        long started = System.currentTimeMillis();
        var options = new BuildOptions(project, target, url, drafts, strict, LocalDate.now(clock));
        var diagnostics = new Diagnostics();
        BuildResult result;
        try {
            result = builder.build(options, diagnostics, wanted);
        } catch (Builder.NotWanted e) {
            err.println("patella: " + e.getMessage());
            return ExitCode.FAILURE;
        } catch (IllegalArgumentException e) {
            err.println("patella: " + e.getMessage());
            return ExitCode.USAGE;
        } catch (UncheckedIOException e) {
            err.println("patella: " + FileFailure.of(e).getMessage());
            if (wanted.getAsBoolean()) {
                record(new LastBuild(false, 0), target, err);
            }
            return ExitCode.FAILURE;
        } catch (SiteWriter.OutputLockedException e) {
            err.println("patella: " + e.getMessage());
            return ExitCode.FAILURE;
        }
        if (!wanted.getAsBoolean() && !(result.published() && result.changed() > 0)) {
            // a build server's caller that went away may have built since: its outcome is the one publish
            // reads (a build that has written site/ says so all the same)
            err.println("patella: the build's caller went away before it ended, so its outcome was not recorded "
                    + "(the site is as the last build that ended left it)");
            return ExitCode.FAILURE;
        }
        Report.print(project, diagnostics, err);
        result.warnings().forEach(w -> err.println("patella: warning: " + w));
        boolean recorded = record(new LastBuild(result.published(), diagnostics.errorCount(), started, drafts), target,
                err);
        // the summary counts every warning printed: the content's and those about the output folder
        int warnings = diagnostics.warningCount() + result.warnings().size() + (recorded ? 0 : 1);
        if (!result.published()) {
            err.println(Report.failureSummary(diagnostics, warnings, target));
            return ExitCode.CONTENT_ERRORS;
        }
        out.println(String.format(Locale.ROOT, "Built %d pages (%d files, %s) in %.2f s into %s%s", result.pages(),
                result.files(), result.changed() == 0 ? "none changed" : result.changed() + " changed",
                result.took().toNanos() / 1e9, target, warnings > 0 ? " with " + Report.count(warnings, "warning") : ""));
        return ExitCode.OK;
    }

    /**
     * Keeps the outcome for {@code publish}; a project folder that cannot be written to does not fail the build.
     *
     * @return whether it was kept; when not, a warning says so
     */
    private boolean record(LastBuild outcome, Path target, PrintWriter err) {
        try {
            outcome.save(project, target);
            return true;
        } catch (UncheckedIOException e) {
            err.println("patella: warning: " + FileFailure.of(e).getMessage() + " (publish reads this record: until it "
                    + "can be written, publish may not know how this build went)");
            return false;
        }
    }
}
