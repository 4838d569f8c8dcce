package dev.patella.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patella.TestSites;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code patella serve} from the command line: prints where it serves, and stops cleanly. */
class ServeCommandTest {

    private static final Pattern URL = Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+/)");

    @TempDir
    Path tmp;

    @Test
    void printsTheAddressServesThereAndStopsWhenAsked() throws Exception {
        Path project = TestSites.project(tmp.resolve("p"));
        var out = new StringWriter();
        var code = new AtomicInteger(-1);
        Thread serve = new Thread(() -> code.set(Main.run(new String[] {"serve", "--project", project.toString(),
                "--port", "0"}, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), TestSites.CLOCK)));
        serve.start();

        URI url = awaitUrl(out);
        var home = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url).build(),
                HttpResponse.BodyHandlers.ofString());
        serve.interrupt();
        serve.join(10_000);

        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(serve.isAlive()).isFalse();
        assertThat(code.get()).isZero();
        assertThat(out.toString()).contains("Built 10 pages").contains("Press Ctrl-C to stop").endsWith("Stopped.\n");
    }

    @Test
    void listensOnTheLoopbackAddressOnlyByDefault() throws Exception {
        Path tcp = Path.of("/proc/net/tcp");
        Assumptions.assumeTrue(Files.isReadable(tcp), "no " + tcp + " to read listening sockets from (not Linux)");
        Path project = TestSites.project(tmp.resolve("p"));
        var out = new StringWriter();
        Thread serve = new Thread(() -> Main.run(new String[] {"serve", "--project", project.toString(), "--port", "0"},
                new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), TestSites.CLOCK));
        serve.start();
        try {
            int port = awaitUrl(out).getPort();

            // each line: "sl local_address rem_address st ...", addresses as hex IP:port, st 0A = LISTEN
            List<String> listening = new ArrayList<>();
            for (Path table : List.of(tcp, Path.of("/proc/net/tcp6"))) {
                if (Files.isReadable(table)) {
                    Files.readAllLines(table).stream().skip(1).map(l -> l.trim().split("\\s+"))
                            .filter(f -> f[3].equals("0A") && Integer.parseInt(f[1].split(":")[1], 16) == port)
                            .forEach(f -> listening.add(f[1].split(":")[0]));
                }
            }
            // 127.0.0.1 in the kernel's byte order, as an IPv4 socket or an IPv4-mapped IPv6 one (::ffff:127.0.0.1);
            // listening on every address would show as zeros
            assertThat(listening).hasSize(1).allMatch(a -> a.equals("0100007F")
                    || a.equals("0000000000000000FFFF00000100007F"), "127.0.0.1");
        } finally {
            serve.interrupt();
            serve.join(10_000);
        }
    }

    @Test
    void aPortInUseIsACommandLineErrorWithAHint() throws Exception {
        Path project = TestSites.project(tmp.resolve("p"));
        try (var taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            var run = TestSites.run("serve", "--project", project.toString(), "--port",
                    Integer.toString(taken.getLocalPort()));

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("--port 0");
        }
    }

    /**
     * Started in a folder with no content/ (the wrong folder), the preview would serve only its error and never
     * mend, as it watches content/ and templates/: it stops at once, saying where to start it.
     */
    @Test
    void aFolderWithoutContentIsACommandLineError() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("not-a-project"));
        Files.createDirectories(folder.resolve("templates"));

        var run = TestSites.run("serve", "--project", folder.toString(), "--port", "0");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains("there is no content/ folder in " + folder.toAbsolutePath().normalize())
                .contains("--project DIR").doesNotContain("Serving");
        assertThat(run.out()).doesNotContain("Serving");
    }

    /** A host that is no address of this computer is a mistake of the command line, named with what to give. */
    @Test
    void aHostThatIsNotAnAddressOfThisComputerIsACommandLineError() {
        Path project = TestSites.project(tmp.resolve("p"));
        for (String host : List.of("256.1.1.1", "192.0.2.1")) {
            var run = TestSites.run("serve", "--project", project.toString(), "--host", host, "--port", "0");

            assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
            assertThat(run.err()).contains("--host " + host).contains("address of this computer")
                    .contains("127.0.0.1").contains("0.0.0.0").doesNotContain("--port 0").doesNotContain("\tat ");
        }
    }

    /** An address copied with its URL brackets, or none at all, is named with the --host to write. */
    @Test
    void aHostInBracketsOrEmptyIsACommandLineError() {
        Path project = TestSites.project(tmp.resolve("p"));
        var bracketed = TestSites.run("serve", "--project", project.toString(), "--host", "[::1]", "--port", "0");
        var empty = TestSites.run("serve", "--project", project.toString(), "--host", "", "--port", "0");

        assertThat(bracketed.exitCode()).as(bracketed.err()).isEqualTo(2);
        assertThat(bracketed.err()).contains("--host ::1").doesNotContain("internal error").doesNotContain("\tat ");
        assertThat(empty.exitCode()).as(empty.err()).isEqualTo(2);
        assertThat(empty.err()).contains("--host is empty").contains("127.0.0.1");
    }

    @Test
    void helpListsTheOptions() {
        var help = TestSites.run("serve", "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--project").contains("--port").contains("--host").contains("--[no-]drafts");
    }

    private static URI awaitUrl(StringWriter out) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            Matcher m = URL.matcher(out.toString());
            if (m.find()) {
                return URI.create(m.group(1));
            }
            Thread.sleep(20); // polling the command's output: it has no event to wait on
        }
        throw new AssertionError("no address printed: " + out);
    }
}
