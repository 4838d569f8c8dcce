package dev.patella.cli;

import dev.patella.build.ProjectState;
import dev.patella.serve.BuildServer;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The build server {@code bin/patella build} leaves for a project built again soon: when its last
 * build ended less than {@link #AGAIN} before this one began, someone is building it again and
 * again, and the builds after this one are handed to a server (as Gradle keeps a daemon). Started
 * after this build, in a session of its own, writing to {@code .patella/build-server.log}, and
 * stopped after {@link #AGAIN} without a build.
 *
 * <p>{@code bin/patella} gives the command that starts a JVM for it ({@code PATELLA_SERVER_COMMAND}:
 * the java, its options, {@code -jar} and the jar, one per line), so a build run otherwise starts
 * none. Nor does one with {@code PATELLA_SERVER=off}, or on CI ({@code CI} set, to anything but
 * {@code false} or {@code 0}) unless {@code PATELLA_SERVER=on}.
 */
final class AutoServer {

    /** How soon a build must follow the last one, and how long the server waits for a build. */
    static final Duration AGAIN = Duration.ofMinutes(10);
    /** A log written this recently with no server answering: one is starting, or failed to; none is started. */
    private static final Duration STARTING = Duration.ofMinutes(1);

    private final Path project;
    private final List<String> command;
    private final Instant now;

    private AutoServer(Path project, List<String> command, Instant now) {
        this.project = project;
        this.command = command;
        this.now = now;
    }

    /** Whether {@code PATELLA_SERVER=off}: no build server is started, nor used. */
    static boolean off(Map<String, String> environment) {
        return "off".equals(environment.get("PATELLA_SERVER"));
    }

    /**
     * The server to start after this build of {@code project}, read before it runs (the build
     * records its own end); empty when none should be.
     */
    static Optional<AutoServer> before(Path project, Map<String, String> environment, Clock clock) {
        String given = environment.getOrDefault("PATELLA_SERVER_COMMAND", "");
        String ci = environment.getOrDefault("CI", "");
        boolean onCi = !ci.isEmpty() && !ci.equals("false") && !ci.equals("0");
        if (given.isBlank() || off(environment) || (onCi && !"on".equals(environment.get("PATELLA_SERVER")))
                || !Files.isDirectory(project.resolve("content"))) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<Instant> last = modified(project.resolve(ProjectState.DIR).resolve("last-build"));
        if (last.isEmpty() || last.get().isBefore(now.minus(AGAIN))) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        for (String part : given.split("\n")) {
            if (!part.isEmpty()) {
                command.add(part);
            }
        }
        return Optional.of(new AutoServer(project.toAbsolutePath().normalize(), command, now));
    }

    /** Starts the server, unless one answers already, is starting, or cannot listen there; says so on {@code err}. */
    void start(PrintWriter err) {
        var files = new ProjectState(project).server();
        Path log = project.resolve(ProjectState.DIR).resolve("build-server.log");
        if (Files.exists(files.socket()) || !BuildServer.fits(files)) {
            return;
        }
        // one build at a time decides: two that end at the same moment would both start one, and
        // both say so, when only the first is let listen
        Path decides = project.resolve(ProjectState.DIR).resolve("build-server.starting");
        try {
            Files.createDirectories(decides.getParent());
        } catch (IOException e) {
            return;
        }
        try (FileChannel channel = FileChannel.open(decides, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock held = channel.tryLock()) {
            if (held != null) {
                startOnce(files, log, err);
            }
        } catch (IOException | OverlappingFileLockException e) {
            // another build decides
        }
    }

    /** Starts the server, unless one answers already or is starting (its log is recent); the caller holds the lock that decides. */
    private void startOnce(ProjectState.ServerFiles files, Path log, PrintWriter err) {
        boolean starting = modified(log).filter(time -> time.isAfter(now.minus(STARTING))).isPresent();
        if (Files.exists(files.socket()) || starting) {
            return;
        }
        List<String> line = new ArrayList<>();
        Path setsid = Path.of("/usr/bin/setsid");
        if (Files.isExecutable(setsid)) {
            line.add(setsid.toString()); // its own session: no terminal's Ctrl-C or hang-up reaches it
        }
        line.addAll(command);
        line.addAll(List.of("build-server", "--project", project.toString(), "--idle-minutes",
                Long.toString(AGAIN.toMinutes())));
        var builder = new ProcessBuilder(line).redirectErrorStream(true);
        builder.environment().remove("PATELLA_SERVER_COMMAND");
        try {
            // appended to: the lines of the servers before this one stay, up to a megabyte
            if (Files.exists(log) && Files.size(log) > 1 << 20) {
                Files.delete(log);
            }
            builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            Process process = builder.redirectInput(ProcessBuilder.Redirect.from(new File(nullDevice()))).start();
            // before the lock is let go: the next build to decide finds the log recent, and starts none
            Files.writeString(log, "Started by a build (process " + process.pid() + ").\n", StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            err.println("patella: a build server (process " + process.pid() + ") starts for this project, as it was"
                    + " built less than " + AGAIN.toMinutes() + " minutes ago: the next builds take a fraction of the time."
                    + " It stops after " + AGAIN.toMinutes() + " minutes without a build, or with: kill " + process.pid()
                    + " (PATELLA_SERVER=off starts none; see \"build-server\" in the README)");
        } catch (IOException | RuntimeException e) {
            // a quicker next build is all that is lost: this build is done
        }
    }

    private static String nullDevice() {
        return File.separatorChar == '\\' ? "NUL" : "/dev/null";
    }

    private static Optional<Instant> modified(Path file) {
        try {
            return Optional.of(Files.getLastModifiedTime(file).toInstant());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
