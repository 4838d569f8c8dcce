package dev.patella.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patella.TestSites;
import dev.patella.build.Builder;
import dev.patella.build.ProjectState;
import dev.patella.serve.BuildServer;
import dev.patella.serve.ServerCall;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code patella build-server} and {@code patella build} meeting it, through the command line
 * and a real Unix socket: what a build prints and returns through the server is what it would
 * without one, and a server that is gone, stale or busy never stops a build. That the sites it
 * writes equal fresh full builds, edit after edit, is {@code BuildServerEqualsFullBuildTest}'s.
 */
@Timeout(120) // hang detectors only
class BuildServerTest {

    @TempDir
    Path tmp;

    private Thread server;
    private final StringWriter log = new StringWriter();
    private final StringWriter errors = new StringWriter();
    private volatile int serverExit = -1;

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null) {
            server.interrupt();
            server.join(TimeUnit.SECONDS.toMillis(60));
        }
    }

    /** Starts {@code patella build-server} for the project on a thread of its own and waits until it is ready. */
    private void startServer(Path project) throws InterruptedException {
        server = new Thread(() -> serverExit = Main.run(new String[] {"build-server", "--project", project.toString()},
                new PrintWriter(log, true), new PrintWriter(errors, true), TestSites.CLOCK));
        server.start();
        while (!log.toString().contains("Ready.") && server.isAlive()) {
            Thread.sleep(20); // the server makes the site in memory first: it says when it is done
        }
        assertThat(log.toString()).as(errors.toString()).contains("Ready.");
    }

    /** Builds the project once, the server's first build after its own. */
    private void assertBuildsThroughTheServer(Path project) {
        var build = TestSites.run("build", "--project", project.toString());
        assertThat(build.exitCode()).as(build.err()).isZero();
        assertThat(builds()).isEqualTo(1);
    }

    private long builds() {
        return log.toString().lines().filter(line -> line.startsWith("exit ")).count();
    }

    @Test
    void aBuildThroughTheServerPrintsAndReturnsWhatItWouldWithoutOne() throws Exception {
        Path project = TestSites.project(tmp.resolve("p"));
        Path alone = TestSites.project(tmp.resolve("q"));
        for (Path p : List.of(project, alone)) {
            assertThat(TestSites.run("build", "--project", p.toString()).exitCode()).isZero();
        }
        startServer(project); // which makes the site once in memory
        assertThat(Files.getPosixFilePermissions(new ProjectState(project).server().socket()))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));

        // a warning: a page past its review date
        for (Path p : List.of(project, alone)) {
            Path about = p.resolve("content/pages/about.md");
            TestSites.write(about, TestSites.read(about).replace("---\n", "---\nreviewed: 2020-01-01\n")
                    .replaceFirst("\nreviewed: 2020-01-01\n", "\n"));
        }
        assertSameAsAlone(project, alone, "build", "--strict");
        assertSameAsAlone(project, alone, "build");
        // an error: nothing published, exit 1
        for (Path p : List.of(project, alone)) {
            TestSites.write(p.resolve("content/pages/broken.md"), "---\ntitle: [unclosed\n---\nText.\n");
        }
        assertSameAsAlone(project, alone, "build");
        assertThat(builds()).isEqualTo(3);
    }

    /**
     * A server makes the site in memory when it starts, and writes nothing: a site built with
     * other options, or before an edit, stays as it was until a build asks (one a build starts by
     * itself follows a build whose options it does not know, which may even have failed).
     */
    @Test
    void aServerStartingWritesNothingUntilABuildAsks() throws Exception {
        Path project = TestSites.project(tmp.resolve("p"));
        assertThat(TestSites.run("build", "--project", project.toString(), "--base-url", "https://other.example/knee/")
                .exitCode()).isZero();
        Path about = project.resolve("content/pages/about.md");
        TestSites.write(about, TestSites.read(about).replace("About us.", "About *us*."));
        var site = TestSites.snapshot(project.resolve("site"));
        var notes = TestSites.snapshot(project.resolve(".patella"));

        startServer(project);

        assertThat(TestSites.snapshot(project.resolve("site"))).containsExactlyInAnyOrderEntriesOf(site);
        var notesNow = TestSites.snapshot(project.resolve(".patella"));
        notesNow.keySet().removeIf(name -> name.startsWith("build-server."));
        assertThat(notesNow).containsExactlyInAnyOrderEntriesOf(notes);
        assertThat(builds()).isZero();
        assertBuildsThroughTheServer(project);
        assertThat(TestSites.read(project.resolve("site/about/index.html"))).contains("About <em>us</em>.")
                .doesNotContain("https://other.example/knee/");
    }

    private void assertSameAsAlone(Path project, Path alone, String... args) {
        var served = TestSites.run(with(args, project));
        var built = TestSites.run(with(args, alone));
        assertThat(served.exitCode()).as(served.err()).isEqualTo(built.exitCode());
        assertThat(served.err().replace(project.toString(), "<p>")).isEqualTo(built.err().replace(alone.toString(), "<p>"));
        assertThat(served.out().replace(project.toString(), "<p>").replaceAll("in \\d+\\.\\d\\d s", "in <t> s"))
                .isEqualTo(built.out().replace(alone.toString(), "<p>").replaceAll("in \\d+\\.\\d\\d s", "in <t> s"));
    }

    private static String[] with(String[] args, Path project) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--project";
        all[args.length + 1] = project.toString();
        return all;
    }

    @Test
    void aSecondServerForTheSameProjectIsRefusedAndTheFirstGoesOn() throws Exception {
        Path project = TestSites.project(tmp.resolve("p"));
        startServer(project);
        // in a process of its own, as two terminals would be (a lock is per process)
        Process second = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                "dev.patella.cli.Main", "build-server", "--project", project.toString()).start();
        String said = new String(second.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(second.exitValue()).isEqualTo(ExitCode.REFUSED);
        // the first runs in this process: the refusal names it, and how to stop it without its terminal
        long first = ProcessHandle.current().pid();
        assertThat(said).startsWith("patella: a build server (process " + first + ") already runs for this project")
                .contains("kill " + first);
        assertBuildsThroughTheServer(project);
    }

    @Test
    void theSocketOfAKilledServerIsRemovedAndTheBuildRunsWithoutIt() throws Exception {
        Path project = TestSites.project(tmp.resolve("p"));
        var files = new ProjectState(project).server();
        Files.createDirectories(files.socket().getParent());
        // what a server killed outright leaves: its socket, with no one listening, and its lock, held by no one
        try (var dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            dead.bind(UnixDomainSocketAddress.of(files.socket()));
        }
        Files.createFile(files.lock());
        assertThat(files.socket()).exists();
        var build = TestSites.run("build", "--project", project.toString());
        assertThat(build.exitCode()).as(build.err()).isZero();
        assertThat(build.err()).isEmpty();
        assertThat(project.resolve("site/index.html")).exists();
        assertThat(files.socket()).doesNotExist();
        // and a server starts there again
        startServer(project);
        assertBuildsThroughTheServer(project);
    }

    @Test
    void aServerOfAnotherPatellaStopsAndTheBuildRunsWithoutIt() throws Exception {
        Path project = TestSites.project(tmp.resolve("p"));
        BuildServer.Commands never = (args, zone, wanted, out, err) -> {
            throw new AssertionError("an old server must not build");
        };
        var old = BuildServer.start(new ProjectState(project).server(), () -> "an older jar", Duration.ofMinutes(5), never,
                new PrintWriter(new StringWriter()), System::nanoTime);
        var build = TestSites.run("build", "--project", project.toString());
        assertThat(build.exitCode()).as(build.err()).isZero();
        assertThat(build.err()).contains("the build server of this project ran another Patella").contains("stopped");
        assertThat(project.resolve("site/index.html")).exists();
        assertThat(old.awaitStop()).isEqualTo("a build came from another Patella (the jar changed)");
        assertThat(new ProjectState(project).server().socket()).doesNotExist();
        assertThat(Builder.codeVersion()).isNotEqualTo("an older jar");
    }

    @Test
    void aCallerThatSaysNothingOrNonsenseHoldsUpNoBuild() throws Exception {
        Path project = TestSites.project(tmp.resolve("p"));
        startServer(project);
        var socket = UnixDomainSocketAddress.of(new ProjectState(project).server().socket());
        try (var silent = SocketChannel.open(socket); var nonsense = SocketChannel.open(socket)) {
            var out = new DataOutputStream(Channels.newOutputStream(nonsense));
            out.writeInt(0x50544C41);
            out.writeInt(1);
            out.writeInt(Integer.MAX_VALUE); // a text longer than any it takes
            out.flush();
            assertBuildsThroughTheServer(project);
        }
    }

    /**
     * A build whose caller went away before its site was published (Ctrl-C, or a caller that gave up
     * on a server gone quiet and has built by itself since) publishes nothing; the next build does.
     */
    @Test
    void aBuildWhoseCallerWentAwayPublishesNothing() throws Exception {
        Path project = TestSites.project(tmp.resolve("p"));
        assertThat(TestSites.run("build", "--project", project.toString()).exitCode()).isZero();
        startServer(project);
        Path about = project.resolve("content/pages/about.md");
        TestSites.write(about, TestSites.read(about).replace("About us.", "About *us*."));
        var site = TestSites.snapshot(project.resolve("site"));
        String lastBuild = TestSites.read(project.resolve(".patella/last-build"));

        askAndLeave(project);

        assertThat(log.toString()).contains("exit 3: patella: the build's caller went away before its site was published");
        assertThat(TestSites.snapshot(project.resolve("site"))).containsExactlyInAnyOrderEntriesOf(site);
        assertThat(TestSites.read(project.resolve(".patella/last-build"))).isEqualTo(lastBuild);
        var next = TestSites.run("build", "--project", project.toString());
        assertThat(next.exitCode()).as(next.err()).isZero();
        assertThat(TestSites.read(project.resolve("site/about/index.html"))).contains("About <em>us</em>.");
        assertThat(builds()).isEqualTo(2);
    }

    /** Asks the project's server for a build, as {@code ServerCall.ask} does, and goes away at once; waits for the server's line about it. */
    private void askAndLeave(Path project) throws Exception {
        long before = builds();
        try (var caller = SocketChannel.open(UnixDomainSocketAddress.of(new ProjectState(project).server().socket()))) {
            var out = new DataOutputStream(Channels.newOutputStream(caller));
            out.writeInt(0x50544C41); // what ServerCall.ask sends
            out.writeInt(1);
            List<String> texts = List.of(Builder.codeVersion(), "UTC");
            List<String> args = List.of("build", "--project", project.toString());
            for (String text : texts) {
                writeText(out, text);
            }
            out.writeInt(args.size());
            for (String arg : args) {
                writeText(out, arg);
            }
            out.flush();
        } // and gone, as a build stopped with Ctrl-C
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1); // a hang detector only
        while (builds() == before && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    /** A failed build whose caller went away records nothing: publish reads the outcome of the caller's own build. */
    @Test
    void aFailedBuildWhoseCallerWentAwayRecordsNothing() throws Exception {
        Path project = TestSites.project(tmp.resolve("p"));
        assertThat(TestSites.run("build", "--project", project.toString()).exitCode()).isZero();
        startServer(project);
        TestSites.write(project.resolve("content/pages/broken.md"), "---\ntitle: [unclosed\n---\nText.\n");
        String lastBuild = TestSites.read(project.resolve(".patella/last-build"));

        askAndLeave(project);

        assertThat(log.toString()).contains("exit 3: patella: the build's caller went away before it ended");
        assertThat(TestSites.read(project.resolve(".patella/last-build"))).isEqualTo(lastBuild).contains("succeeded");
    }

    private static void writeText(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    @Test
    void twoBuildsAtOnceBothSucceedAndLeaveTheSiteAFullBuildMakes() throws Exception {
        Path project = TestSites.project(tmp.resolve("p"));
        Path alone = TestSites.project(tmp.resolve("q"));
        startServer(project);
        for (Path p : List.of(project, alone)) {
            Path about = p.resolve("content/pages/about.md");
            TestSites.write(about, TestSites.read(about) + "\nOne more sentence.\n");
        }
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            Callable<TestSites.Run> build = () -> TestSites.run("build", "--project", project.toString());
            List<Future<TestSites.Run>> runs = two.invokeAll(List.of(build, build));
            for (var run : runs) {
                assertThat(run.get().exitCode()).as(run.get().err()).isZero();
            }
        } finally {
            two.shutdownNow();
        }
        assertThat(TestSites.run("build", "--project", alone.toString()).exitCode()).isZero();
        var served = TestSites.snapshot(project.resolve("site"));
        var expected = TestSites.snapshot(alone.resolve("site"));
        assertThat(served).containsOnlyKeys(expected.keySet())
                .allSatisfy((path, bytes) -> assertThat(bytes).as(path).isEqualTo(expected.get(path)));
        assertThat(builds()).isEqualTo(2);
    }

    @Test
    void aServerThatTookTheBuildAndWentQuietIsLeftAndTheBuildRunsWithoutIt() throws Exception {
        Path project = TestSites.project(tmp.resolve("p"));
        var files = new ProjectState(project).server();
        Files.createDirectories(files.socket().getParent());
        // what a server stopped with Ctrl-Z looks like from outside: it said "working" once, then nothing
        try (var quiet = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            quiet.bind(UnixDomainSocketAddress.of(files.socket()));
            Thread taking = new Thread(() -> {
                try (SocketChannel caller = quiet.accept()) {
                    var out = new DataOutputStream(Channels.newOutputStream(caller));
                    out.writeInt(ServerCall.Status.WORKING.ordinal());
                    out.flush();
                    caller.read(java.nio.ByteBuffer.allocate(1 << 16));
                    Thread.sleep(TimeUnit.SECONDS.toMillis(60));
                } catch (Exception e) {
                    // the test is over
                }
            });
            taking.setDaemon(true);
            taking.start();
            var build = TestSites.run("build", "--project", project.toString());
            taking.interrupt();
            assertThat(build.exitCode()).as(build.err()).isZero();
            assertThat(build.err()).contains("took this build but has said nothing since").contains("runs without it");
            assertThat(project.resolve("site/index.html")).exists();
        }
    }

    @Test
    void aServerWhoseSocketWasRemovedStopsAndLeavesANewServersSocketAlone() throws Exception {
        Path project = TestSites.project(tmp.resolve("p"));
        var files = new ProjectState(project).server();
        BuildServer.Commands none = (args, zone, wanted, out, err) -> Optional.empty();
        var old = BuildServer.start(files, Builder::codeVersion, Duration.ofMinutes(60), none,
                new PrintWriter(new StringWriter()), System::nanoTime);
        // git clean -fdx, say: .patella/ goes, and a new server starts
        try (var walk = Files.walk(files.socket().getParent())) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        var replacement = BuildServer.start(files, Builder::codeVersion, Duration.ofMinutes(60), none,
                new PrintWriter(new StringWriter()), System::nanoTime);
        try {
            assertThat(old.awaitStop()).startsWith("its socket").endsWith("was removed");
            assertThat(files.socket()).exists();
        } finally {
            replacement.close();
        }
        assertThat(files.socket()).doesNotExist();
    }

    @Test
    void anIdleServerStopsByItselfAndRemovesItsSocket() throws Exception {
        Path project = TestSites.project(tmp.resolve("p"));
        var files = new ProjectState(project).server();
        BuildServer.Commands none = (args, zone, wanted, out, err) -> Optional.empty();
        var idle = BuildServer.start(files, Builder::codeVersion, Duration.ofMillis(200), none,
                new PrintWriter(new StringWriter()), System::nanoTime);
        assertThat(files.socket()).exists();
        assertThat(idle.awaitStop()).isEqualTo("no build for 200 ms");
        assertThat(files.socket()).doesNotExist();
        assertThat(TestSites.run("build", "--project", project.toString()).exitCode()).isZero();
    }
}
