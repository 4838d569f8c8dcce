package dev.patella.cli;

import dev.patella.build.Builder;
import dev.patella.build.ProjectState;
import dev.patella.config.BuildOptions;
import dev.patella.diag.Diagnostics;
import dev.patella.serve.BuildServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code patella build-server} with its options read (see {@link BuildServerCommand}). It runs
 * until the server stops (idle, Patella updated, Ctrl-C), or until the thread running it is
 * interrupted (as tests do).
 */
record BuildServerRequest(Path project, int idleMinutes) implements Request {

    private static final String COMMAND = "patella build-server";
    /** A day: longer than that, a forgotten server only holds memory. */
    private static final int MAX_IDLE_MINUTES = 24 * 60;

    @Override
    public int run(Clock clock, PrintWriter out, PrintWriter err) {
        Optional<String> projectProblem = CommandLineMistakes.projectProblem(project);
        if (projectProblem.isPresent()) {
            return CommandLineMistakes.error(err, COMMAND, projectProblem.get());
        }
        if (idleMinutes < 1 || idleMinutes > MAX_IDLE_MINUTES) {
            return CommandLineMistakes.error(err, COMMAND, "--idle-minutes must be from 1 to " + MAX_IDLE_MINUTES
                    + ", not " + idleMinutes);
        }
        Path home = project.toAbsolutePath().normalize();
        if (!Files.isDirectory(home.resolve("content"))) {
            return CommandLineMistakes.error(err, COMMAND, "there is no content/ folder in " + home
                    + ": start the server in a project's folder, or name it with --project DIR");
        }
        Builder builder = Builder.warm(System::nanoTime);
        BuildServer.Commands commands = (args, zone, wanted, printed, errors) -> builds(args, home)
                .map(request -> request.build(clock.withZone(zone), printed, errors, builder, wanted));
        BuildServer server;
        try {
            server = BuildServer.start(new ProjectState(home).server(), Builder::codeVersion,
                    Duration.ofMinutes(idleMinutes), commands, out, System::nanoTime);
        } catch (BuildServer.Refused e) {
            err.println("patella: " + e.getMessage());
            return e.anotherRuns() ? ExitCode.REFUSED : ExitCode.FAILURE;
        }
        var said = new AtomicBoolean();
        Thread hook = new Thread(() -> {
            server.close();
            stopped(builder, "", said, out);
        }, "patella-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println("Build server for " + home + ": builds of this project now run here, with the last build kept in memory.");
        out.println("Making the site once in memory to start (it writes nothing until a build asks); it stops after "
                + idleMinutes + (idleMinutes == 1 ? " minute" : " minutes") + " without a build. "
                + (System.console() != null ? "Press Ctrl-C to stop it sooner."
                : "Stop it sooner with: kill " + ProcessHandle.current().pid()));
        out.flush();
        // so that the editor's first build is already quick; what it finds is for that build to say
        try {
            builder.warmUp(BuildOptions.defaults(home, LocalDate.now(clock)), new Diagnostics());
        } catch (RuntimeException e) {
            // a file that cannot be read, say: the first build reads it again, and tells
            out.println("(the site could not be made in memory: " + e.getMessage() + "; the first build starts without it)");
        }
        out.println("Ready.");
        out.flush();
        String why;
        try {
            why = server.awaitStop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.close();
            why = "";
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            return ExitCode.OK; // the hook is running: it says so
        }
        stopped(builder, why, said, out);
        return ExitCode.OK;
    }

    /** Writes the last build's notes and says the server stopped, once (from the shutdown hook or from the command). */
    private static void stopped(Builder builder, String why, AtomicBoolean said, PrintWriter out) {
        builder.settle(); // the last build's notes, for the next build without the server
        if (said.compareAndSet(false, true)) {
            out.println("Build server stopped" + (why.isEmpty() ? "." : ": " + why + "."));
            out.flush();
        }
    }

    /** The command line as a build of this project, when it is one. */
    private static Optional<BuildRequest> builds(List<String> args, Path home) {
        return CommonCommandLine.read(args.toArray(String[]::new))
                .filter(BuildRequest.class::isInstance).map(BuildRequest.class::cast)
                .filter(request -> same(request.project(), home))
                // by the server's own name for it, so that a build through a link finds the last build's options
                .map(request -> new BuildRequest(home, request.output(), request.baseUrl(), request.drafts(),
                        request.strict()));
    }

    private static boolean same(Path a, Path b) {
        try {
            return a.toRealPath().equals(b.toRealPath());
        } catch (IOException | SecurityException e) {
            return false;
        }
    }
}
