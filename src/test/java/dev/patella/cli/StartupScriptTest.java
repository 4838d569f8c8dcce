package dev.patella.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patella.TestSites;
import java.io.File;
import java.io.IOException;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code bin/patella} makes a start-up archive for the java that runs it, checks once that the JVM
 * really loads Patella's classes from it, and says once, in plain words, when it does not. Run on
 * a copy of the script beside a jar made here from the compiled classes, with a small site as the
 * training project.
 */
@DisabledOnOs(OS.WINDOWS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StartupScriptTest {

    @TempDir
    Path tmp;

    private Path jar;
    /** This test's copy of the project: bin/patella, target/patella.jar, content/ and templates/. */
    private Path home;
    private Path script;

    @BeforeAll
    void makeJar(@TempDir Path dir) throws IOException {
        jar = dir.resolve("patella.jar");
        jar(jar);
    }

    @BeforeEach
    void install() throws IOException {
        home = Files.createTempDirectory(tmp, "project");
        Files.createDirectories(home.resolve("bin"));
        Files.createDirectories(home.resolve("target"));
        script = Files.copy(TestSites.PROJECT.resolve("bin/patella"), home.resolve("bin/patella"));
        Files.copy(jar, home.resolve("target/patella.jar"));
        TestSites.project(home);
    }

    @Test
    void theArchiveIsMadeOnceCheckedAndUsed() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        var first = patella(java, "--version");
        assertThat(first.out).isEqualTo("patella (development build)\n");
        assertThat(first.err).startsWith("patella: preparing a start-up archive for " + java);
        assertThat(kinds()).containsExactly(Runtime.version().feature() >= 25 ? "aot" : "cds");

        var second = patella(java, "--version");
        assertThat(second.out).isEqualTo("patella (development build)\n");
        assertThat(second.err).isEmpty();
    }

    @Test
    void aJvmThatWillNotUseTheArchiveIsNamedOnceAndPatellaStillRuns() throws Exception {
        // A java that leaves out the archive options it is given, as a JVM does with an archive it
        // rejects: Patella's classes then come from the jar.
        Path fake = home.resolve("fake/java");
        Files.createDirectories(fake.getParent());
        Files.writeString(fake, "#!/bin/sh\nfor a; do\n  shift\n  case \"$a\" in\n"
                + "    -XX:SharedArchiveFile=*|-XX:AOTCache=*) ;;\n    *) set -- \"$@\" \"$a\" ;;\n  esac\ndone\n"
                + "exec '" + Path.of(System.getProperty("java.home"), "bin", "java") + "' \"$@\"\n");
        assertThat(fake.toFile().setExecutable(true)).isTrue();

        var first = patella(fake.toString(), "--version");
        assertThat(first.out).isEqualTo("patella (development build)\n");
        assertThat(first.err).contains("patella: note: Patella starts without a start-up archive with this java");
        assertThat(kinds()).containsExactly("none");
        Path why = Path.of(first.err.replaceAll("(?s).*why: (\\S+kind\\.log).*", "$1"));
        assertThat(Files.readString(why)).contains("did not load Patella's classes from it");

        var second = patella(fake.toString(), "--version");
        assertThat(second.out).isEqualTo("patella (development build)\n");
        assertThat(second.err).isEmpty();
    }

    @Test
    void aOneOffCommandOnASmallProjectStartsWithASmallHeapAndALargeProjectKeepsTheDefault() throws Exception {
        Path fake = recordingJava();
        Path small = home;
        Path large = Files.createDirectories(tmp.resolve("large/content/images"));
        Files.write(large.resolve("photo.jpg"), new byte[6 * 1024 * 1024]);

        assertThat(optionsGiven(fake, "build", "--project", small.toString())).contains(" -Xms32m ");
        assertThat(optionsGiven(fake, "check", "--project=" + small)).contains(" -Xms32m ");
        assertThat(optionsGiven(fake, "build", "--project", tmp.resolve("large").toString())).doesNotContain("-Xms");
        assertThat(optionsGiven(fake, "serve", "--project", small.toString())).doesNotContain("-Xms");
    }

    /**
     * A command that does its work in its own JVM asks for transparent huge pages for the heap
     * where Linux gives them on request ("madvise"), and only there: where they are off, the JVM
     * would print a warning, and where they are always on, asking adds nothing. A server, and
     * {@code serve}, run long and do not ask. Each of the kernel's answers is given to the script
     * from a file of the test's own, in place of the one in /sys.
     */
    @ParameterizedTest
    @CsvSource({"always [madvise] never, true", "[always] madvise never, false", "always madvise [never], false",
            "'', false", "no such file, false"})
    void aOneOffCommandAsksForHugePagesOnlyWhereLinuxGivesThemOnRequest(String setting, boolean asks) throws Exception {
        Path fake = recordingJava();
        Path file = home.resolve("thp-enabled");
        if (!setting.equals("no such file")) {
            Files.writeString(file, setting + "\n");
        }
        Map<String, String> kernel = Map.of("PATELLA_THP_SETTING", file.toString());

        for (String command : List.of("build", "check", "new", "--version")) {
            assertThat(optionsGiven(fake, kernel, command, "--project", home.toString()).contains("UseTransparentHugePages"))
                    .as("%s with %s", command, setting).isEqualTo(asks);
        }
        assertThat(optionsGiven(fake, kernel, "serve", "--project", home.toString())).doesNotContain("UseTransparentHugePages");
        assertThat(optionsGiven(fake, kernel, "build-server", "--project", home.toString()))
                .doesNotContain("UseTransparentHugePages");
    }

    /** A java that only writes down the options it was given, in {@code args.txt}. */
    private Path recordingJava() throws IOException {
        Path fake = home.resolve("fake/java");
        Files.createDirectories(fake.getParent());
        Files.writeString(fake, "#!/bin/sh\necho \"$*\" > '" + home.resolve("args.txt") + "'\n");
        assertThat(fake.toFile().setExecutable(true)).isTrue();
        return fake;
    }

    /**
     * A build is handed to a build server only when the process the server's lock names is one: a
     * killed server leaves its socket and its number, which may since belong to another process.
     * (A build that runs by itself gets the command that starts a server for later; one that a
     * server makes does not.)
     */
    @Test
    @EnabledOnOs(OS.LINUX) // where /proc says what a process runs
    void aBuildIsHandedToAServerOnlyWhenTheProcessItsLockNamesIsOne() throws Exception {
        Path fake = home.resolve("fake/java");
        Files.createDirectories(fake.getParent());
        Files.writeString(fake, "#!/bin/sh\necho \"$* ${PATELLA_SERVER_COMMAND:+(by itself)}\" > '"
                + home.resolve("args.txt") + "'\n");
        assertThat(fake.toFile().setExecutable(true)).isTrue();
        Path lock = Files.createDirectories(home.resolve(".patella")).resolve("build-server.lock");
        try (var socket = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            socket.bind(UnixDomainSocketAddress.of(home.resolve(".patella/build-server.sock"))); // stays when closed
        }
        Process other = new ProcessBuilder("sh", "-c", "sleep 600").start();
        Process server = new ProcessBuilder("sh", "-c", "while :; do sleep 1; done", "build-server").start();
        try {
            Files.writeString(lock, other.pid() + "\n");
            assertThat(optionsGiven(fake, "build", "--project", home.toString())).contains("(by itself)");
            Files.writeString(lock, server.pid() + "\n");
            // (nor does it ask for huge pages where they are given on request: the server has its heap)
            Path madvise = Files.writeString(home.resolve("thp-enabled"), "always [madvise] never\n");
            assertThat(optionsGiven(fake, Map.of("PATELLA_THP_SETTING", madvise.toString()), "build", "--project",
                    home.toString())).doesNotContain("(by itself)").doesNotContain("UseTransparentHugePages");
            Files.writeString(lock, "../" + server.pid() + "\n");
            assertThat(optionsGiven(fake, "build", "--project", home.toString())).contains("(by itself)");
        } finally {
            other.destroy();
            server.destroy();
        }
    }

    /**
     * Also: the build handed to the server starts from the small archive made for such builds
     * (its classes come from the "shared objects file"), which the script made with the main one.
     */
    @Test
    void aBuildGoesToTheBuildServerTheScriptStartedAndTheServerStopsOnSigterm() throws Exception {
        jar(home.resolve("target/patella.jar")); // here: its manifest names the libraries from where it is
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        assertThat(patella(java, "--version").err).startsWith("patella: preparing a start-up archive");
        String kind = Runtime.version().feature() >= 25 ? "aot" : "cds";
        try (Stream<Path> made = Files.list(home.resolve("target/startup"))) {
            assertThat(made.map(dir -> dir.resolve("client." + kind))).singleElement()
                    .satisfies(client -> assertThat(client).isRegularFile());
        }
        Path classes = home.resolve("classes.log");
        Path log = home.resolve("server.txt");
        Process server = startServer(log);
        try {
            Files.writeString(home.resolve("content/pages/about.md"), "\nOne more sentence.\n",
                    StandardOpenOption.APPEND);
            var build = new ProcessBuilder("sh", script.toString(), "build", "--project", home.toString());
            build.environment().put("JAVA", java);
            build.environment().remove("PATELLA_STARTUP");
            build.environment().put("PATELLA_JAVA_OPTS", "-Xlog:class+load=info:file=" + classes);
            Process client = build.redirectErrorStream(true).redirectOutput(home.resolve("out.txt").toFile()).start();
            assertThat(client.waitFor(2, TimeUnit.MINUTES)).isTrue();
            assertThat(client.exitValue()).as(Files.readString(home.resolve("out.txt"))).isZero();
            assertThat(Files.readString(home.resolve("out.txt"))).startsWith("Built ");
            assertThat(Files.readString(log).lines().filter(line -> line.startsWith("exit 0: Built ")).count()).isOne();
            assertThat(Files.readString(classes)).contains("dev.patella.cli.Main source: shared objects file");
        } finally {
            server.destroy(); // SIGTERM, as kill sends
            assertThat(server.waitFor(1, TimeUnit.MINUTES)).isTrue();
        }
        assertThat(Files.readString(log)).contains("Build server stopped.");
        assertThat(home.resolve(".patella/build-server.sock")).doesNotExist();
    }

    /**
     * {@code mvn package} writes the jar in place, under a server running from it, and a class the
     * server has not loaded yet then no longer loads: the server sees the jar change, stops cleanly
     * (no stack trace, its socket removed), and the next build runs by itself.
     */
    @Test
    void aServerWhoseJarIsRebuiltUnderItStopsCleanly() throws Exception {
        Path jarFile = home.resolve("target/patella.jar");
        jar(jarFile); // here: its manifest names the libraries from where it is
        Path log = home.resolve("server.txt");
        Process server = startServer(log);
        try {
            jar(jarFile, Deflater.NO_COMPRESSION); // rebuilt: the same classes at other places in the file

            assertThat(server.waitFor(1, TimeUnit.MINUTES)).isTrue();
        } finally {
            server.destroy();
        }
        assertThat(server.exitValue()).isZero();
        assertThat(Files.readString(log)).contains("Build server stopped: Patella was updated.")
                .doesNotContain("Exception").doesNotContain("Error");
        assertThat(home.resolve(".patella/build-server.sock")).doesNotExist();
        assertThat(build(Map.of()).out).startsWith("Built ");
    }

    /**
     * A build of a project built less than 10 minutes before leaves a build server running for it,
     * unless PATELLA_SERVER=off or CI says not to; the next build is made by that server, and one
     * with PATELLA_SERVER=off is not.
     */
    @Test
    void aBuildAgainSoonLeavesABuildServerThatTheNextBuildUsesUnlessToldNotTo() throws Exception {
        jar(home.resolve("target/patella.jar")); // here: its manifest names the libraries from where it is
        Path socket = home.resolve(".patella/build-server.sock");
        Path log = home.resolve(".patella/build-server.log");
        String started = "patella: a build server (process ";

        assertThat(build(Map.of()).err).doesNotContain(started); // the project's first build
        assertThat(build(Map.of("PATELLA_SERVER", "off")).err).doesNotContain(started);
        assertThat(build(Map.of("CI", "true")).err).doesNotContain(started);
        assertThat(socket).doesNotExist();
        assertThat(log).doesNotExist();

        String said = build(Map.of("CI", "false")).err; // some tools set CI=false on a person's computer
        assertThat(said).contains(started);
        long pid = Long.parseLong(said.substring(said.indexOf(started) + started.length()).replaceFirst("(?s)\\D.*", ""));
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2); // a hang detector only
            while (!(Files.exists(log) && Files.readString(log).contains("Ready.")) && System.nanoTime() < deadline) {
                Thread.sleep(50); // the server's first build
            }
            assertThat(log).content().contains("Ready.");
            assertThat(ProcessHandle.of(pid)).get().satisfies(server -> assertThat(server.isAlive()).isTrue());
            assertThat(home.resolve(".patella/build-server.lock")).content().isEqualTo(pid + "\n");
            Files.writeString(home.resolve("content/pages/about.md"), "\nOne more sentence.\n",
                    StandardOpenOption.APPEND);
            Run served = build(Map.of());
            assertThat(served.out).startsWith("Built ");
            assertThat(served.err).doesNotContain(started);
            assertThat(Files.readString(log).lines().filter(line -> line.startsWith("exit 0: Built ")).count()).isOne();
            Run alone = build(Map.of("PATELLA_SERVER", "off"));
            assertThat(alone.out).startsWith("Built ");
            assertThat(Files.readString(log).lines().filter(line -> line.startsWith("exit 0: Built ")).count()).isOne();
        } finally {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy); // SIGTERM, as kill sends
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        }
        assertThat(log).content().contains("Build server stopped.");
        assertThat(socket).doesNotExist();
        assertThat(home.resolve(".patella/build-server.lock")).isEmptyFile();
    }

    /**
     * {@code bin/patella build-server} for this test's project, with the JVM running the tests and
     * without an archive, its output in {@code log}; returns once it says it is ready.
     */
    private Process startServer(Path log) throws Exception {
        var command = new ProcessBuilder("sh", script.toString(), "build-server", "--project", home.toString());
        command.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.environment().put("PATELLA_STARTUP", "off");
        command.environment().remove("PATELLA_JAVA_OPTS");
        Process server = command.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2); // a hang detector only
        while (!Files.readString(log).contains("Ready.") && server.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50); // it makes the site in memory first: it says when it is done
        }
        if (!Files.readString(log).contains("Ready.")) {
            server.destroy();
        }
        assertThat(Files.readString(log)).contains("Ready.");
        return server;
    }

    /** {@code bin/patella build} of this test's project with the JVM running the tests, without an archive. */
    private Run build(Map<String, String> environment) throws Exception {
        var builder = new ProcessBuilder("sh", script.toString(), "build", "--project", home.toString());
        builder.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        builder.environment().put("PATELLA_STARTUP", "off");
        for (String name : List.of("PATELLA_JAVA_OPTS", "PATELLA_SERVER", "CI")) {
            builder.environment().remove(name);
        }
        builder.environment().putAll(environment);
        builder.redirectOutput(home.resolve("out.txt").toFile()).redirectError(home.resolve("err.txt").toFile());
        Process process = builder.start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(home.resolve("err.txt"))).isZero();
        return new Run(Files.readString(home.resolve("out.txt")), Files.readString(home.resolve("err.txt")));
    }

    private String optionsGiven(Path java, String... args) throws Exception {
        return optionsGiven(java, Map.of(), args);
    }

    private String optionsGiven(Path java, Map<String, String> environment, String... args) throws Exception {
        var command = new ArrayList<>(List.of("sh", script.toString()));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).directory(home.toFile());
        builder.environment().put("JAVA", java.toString());
        builder.environment().put("PATELLA_STARTUP", "off");
        builder.environment().remove("PATELLA_JAVA_OPTS");
        builder.environment().putAll(environment);
        builder.redirectErrorStream(true).redirectOutput(home.resolve("out.txt").toFile());
        Process process = builder.start();
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).isZero();
        return " " + Files.readString(home.resolve("args.txt")).strip() + " ";
    }

    private record Run(String out, String err) {
    }

    private Run patella(String java, String... args) throws Exception {
        var command = new ArrayList<>(List.of("sh", script.toString()));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command);
        builder.environment().put("JAVA", java);
        builder.environment().remove("PATELLA_STARTUP");
        builder.environment().remove("PATELLA_JAVA_OPTS");
        builder.redirectOutput(home.resolve("out.txt").toFile()).redirectError(home.resolve("err.txt").toFile());
        Process process = builder.start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).isZero();
        return new Run(Files.readString(home.resolve("out.txt")), Files.readString(home.resolve("err.txt")));
    }

    /** @return what each archive folder under target/startup/ holds: aot, cds or none */
    private List<String> kinds() throws IOException {
        try (Stream<Path> dirs = Files.list(home.resolve("target/startup"))) {
            return dirs.map(d -> d.resolve("kind")).map(k -> {
                try {
                    return Files.readString(k).strip();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }

    /**
     * Writes a jar holding the compiled classes, naming every library on the test class path in its
     * manifest's Class-Path (relative, as the JVM's class-data archives require).
     */
    private static void jar(Path target) throws IOException {
        jar(target, Deflater.BEST_SPEED);
    }

    /** Writes a jar of Patella's classes (in place, as mvn package does), compressed at {@code level}. */
    private static void jar(Path target, int level) throws IOException {
        Files.createDirectories(target.getParent());
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> libraries = new ArrayList<>();
        List<Path> classes = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            Path path = Path.of(entry).toAbsolutePath();
            if (Files.isDirectory(path) && path.endsWith("classes") && !path.endsWith("test-classes")) {
                classes.add(path);
            } else if (entry.endsWith(".jar") && Files.isRegularFile(path)) {
                String relative = target.getParent().toAbsolutePath().relativize(path).toString()
                        .replace(File.separatorChar, '/');
                try {
                    libraries.add(new URI(null, null, relative, null).getRawPath());
                } catch (URISyntaxException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        var manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Main.class.getName());
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", libraries));
        try (var out = new JarOutputStream(Files.newOutputStream(target), manifest)) {
            out.setLevel(level);
            for (Path dir : classes) {
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path file : files.filter(Files::isRegularFile).toList()) {
                        out.putNextEntry(new JarEntry(dir.relativize(file).toString().replace(File.separatorChar, '/')));
                        Files.copy(file, out);
                        out.closeEntry();
                    }
                }
            }
        }
    }
}
