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
        assertThat(out.toString()).contains("Built 9 pages").contains("Press Ctrl-C to stop").endsWith("Stopped.\n");
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
    void answersEveryRequestOfAKeptAliveConnectionWithoutWaitingForADelayedAck() throws Exception {
        // the command in its own JVM, as an editor runs it: the socket option is set once per process
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        Path project = TestSites.project(tmp.resolve("p"));
        Process serve = new ProcessBuilder(javaBin.toString(), "-cp", classPath, "dev.patella.cli.Main", "serve",
                "--project", project.toString(), "--port", "0").redirectErrorStream(true).start();
        try {
            var out = new StringWriter();
            Thread reader = new Thread(() -> {
                try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(serve.getInputStream(),
                        java.nio.charset.StandardCharsets.UTF_8))) {
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        out.write(line + "\n");
                    }
                } catch (java.io.IOException e) {
                    // the process ended
                }
            });
            reader.setDaemon(true);
            reader.start();
            URI url = awaitUrl(out);

            List<Long> millis = new ArrayList<>();
            try (var socket = new java.net.Socket(url.getHost(), url.getPort())) {
                socket.setSoTimeout(10_000);
                var in = new java.io.BufferedInputStream(socket.getInputStream());
                for (int i = 0; i < 40; i++) {
                    long start = System.nanoTime();
                    socket.getOutputStream().write(("GET /about/ HTTP/1.1\r\nHost: " + url.getAuthority()
                            + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    readResponse(in);
                    millis.add((System.nanoTime() - start) / 1_000_000);
                }
            }
            List<Long> sorted = millis.stream().sorted().toList();

            // a delayed ACK holds each response for 40 ms; without it one takes about a millisecond
            assertThat(sorted.get(sorted.size() / 2)).as("median ms of " + millis).isLessThan(20);
        } finally {
            serve.destroy();
            if (!serve.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                serve.destroyForcibly();
            }
        }
    }

    /** Reads one response with a Content-Length from a kept-alive connection. */
    private static void readResponse(java.io.InputStream in) throws java.io.IOException {
        var head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new java.io.EOFException("connection closed after: " + head);
            }
            head.append((char) b);
        }
        Matcher length = Pattern.compile("(?i)\r\ncontent-length: (\\d+)").matcher(head);
        assertThat(length.find()).as(head.toString()).isTrue();
        assertThat(head.toString()).startsWith("HTTP/1.1 200 ");
        in.readNBytes(Integer.parseInt(length.group(1)));
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
