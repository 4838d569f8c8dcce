package dev.patella.bench;

import dev.patella.TestSites;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How {@code patella serve}, in its own JVM as an editor runs it, answers one connection: the
 * time for each request of a kept-alive connection (about 1 ms with {@code TCP_NODELAY}, 40 ms
 * when the body waits for the client's delayed acknowledgement), and how long a connection that
 * never finishes its request is kept before the server closes it (5 s by the command's setting).
 * {@code ServeProcessTest} checks that both things happen; this prints how fast.
 *
 * <p>Run with {@code bench/serve-requests.sh}.
 */
public final class ServeRequests {

    private static final Pattern URL = Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+/)");
    private static final int WARM_UP = 50;
    private static final int RUNS = 200;

    private ServeRequests() {
    }

    public static void main(String[] args) throws Exception {
        Path tmp = Files.createTempDirectory("patella-requests");
        Path project = TestSites.shipped(tmp.resolve("p"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process serve = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                "dev.patella.cli.Main", "serve", "--project", project.toString(), "--port", "0")
                .redirectErrorStream(true).start();
        try {
            URI url = address(serve);
            List<Double> ms = new ArrayList<>();
            try (var socket = new Socket(url.getHost(), url.getPort())) {
                var in = new BufferedInputStream(socket.getInputStream());
                for (int i = 0; i < WARM_UP + RUNS; i++) {
                    long start = System.nanoTime();
                    socket.getOutputStream().write(("GET /about/ HTTP/1.1\r\nHost: " + url.getAuthority() + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    readResponse(in);
                    if (i >= WARM_UP) {
                        ms.add((System.nanoTime() - start) / 1e6);
                    }
                }
            }
            Collections.sort(ms);
            System.out.printf(Locale.ROOT, "patella serve, one kept-alive connection, %d requests for /about/ after %d "
                    + "to warm up (%d cores, Java %s):%n  median %.2f ms   p90 %.2f ms   max %.2f ms%n", RUNS, WARM_UP,
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                    ms.get(ms.size() / 2), ms.get((int) Math.ceil(ms.size() * 0.9) - 1), ms.get(ms.size() - 1));

            try (var socket = new Socket(url.getHost(), url.getPort())) {
                socket.setSoTimeout(60_000);
                long start = System.nanoTime();
                socket.getOutputStream().write(("GET / HTTP/1.1\r\nHost: " + url.getAuthority() + "\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                try {
                    socket.getInputStream().read();
                } catch (java.net.SocketException reset) {
                    // closed with a reset: the request was left unread
                }
                System.out.printf(Locale.ROOT, "an unfinished request's connection closed by the server after %.1f s%n",
                        (System.nanoTime() - start) / 1e9);
            }
        } finally {
            serve.destroy();
            serve.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static URI address(Process serve) throws IOException {
        var lines = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            Matcher m = URL.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> {
                    try {
                        while (lines.readLine() != null) {
                            // the server's log is not needed, only read so it never blocks
                        }
                    } catch (IOException e) {
                        // the server stopped
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return URI.create(m.group(1));
            }
        }
        throw new IOException("serve printed no address");
    }

    /** Reads one response with a Content-Length. */
    private static void readResponse(InputStream in) throws IOException {
        var head = new StringBuilder();
        while (head.length() < 4 || !head.substring(head.length() - 4).equals("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed after: " + head);
            }
            head.append((char) b);
        }
        Matcher length = Pattern.compile("(?i)\r\ncontent-length: (\\d+)").matcher(head);
        if (!length.find()) {
            throw new IOException("no Content-Length: " + head);
        }
        in.readNBytes(Integer.parseInt(length.group(1)));
    }
}
