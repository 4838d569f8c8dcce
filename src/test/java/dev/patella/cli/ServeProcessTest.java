package dev.patella.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code patella serve} in its own JVM, as an editor runs it: the settings of the JDK's web
 * server that the command makes hold once per process, so they are tested on a process of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServeProcessTest {

    private static final Pattern URL = Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+/)");
    /** Only a hang detector, far above the 5 s the command gives an unfinished request. */
    private static final int HANG_MILLIS = 60_000;

    private Process serve;
    private URI url;
    private final StringBuffer out = new StringBuffer();

    @BeforeAll
    void start(@TempDir Path tmp) throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        Path project = TestSites.project(tmp.resolve("p"));
        serve = new ProcessBuilder(javaBin.toString(), "-cp", classPath, "dev.patella.cli.Main", "serve",
                "--project", project.toString(), "--port", "0").redirectErrorStream(true).start();
        Thread reader = new Thread(() -> {
            try (var lines = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    out.append(line).append('\n');
                }
            } catch (IOException e) {
                // the process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (url == null && System.nanoTime() < deadline && serve.isAlive()) {
            Matcher m = URL.matcher(out);
            if (m.find()) {
                url = URI.create(m.group(1));
            } else {
                Thread.sleep(20); // polling the command's output: it has no event to wait on
            }
        }
        assertThat(url).as("no address printed: " + out).isNotNull();
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (serve != null) {
            serve.destroy();
            if (!serve.waitFor(10, TimeUnit.SECONDS)) {
                serve.destroyForcibly();
            }
        }
    }

    @Test
    void answersEveryRequestOfAKeptAliveConnection() throws IOException {
        // how fast (a delayed ACK used to hold each response 40 ms) is printed by bench/serve-requests.sh
        try (var socket = new Socket(url.getHost(), url.getPort())) {
            socket.setSoTimeout(HANG_MILLIS);
            var in = new BufferedInputStream(socket.getInputStream());
            for (int i = 0; i < 40; i++) {
                socket.getOutputStream().write(request("/about/", true));
                assertThat(readResponse(in)).as("request " + i).startsWith("HTTP/1.1 200 ");
            }
        }
    }

    @Test
    void connectionsThatNeverFinishARequestAreClosedSoTheyCannotStallTheServer() throws IOException {
        List<Socket> unfinished = new ArrayList<>();
        try {
            for (int i = 0; i < 12; i++) { // more than the server's request threads, so it stops answering
                var socket = new Socket(url.getHost(), url.getPort());
                socket.setSoTimeout(HANG_MILLIS); // without the setting the server would keep them for ever
                socket.getOutputStream().write(("GET / HTTP/1.1\r\nHost: " + url.getAuthority() + "\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                unfinished.add(socket);
            }
            for (Socket socket : unfinished) {
                assertThat(closedByTheServer(socket)).as("the unfinished request's connection is closed").isTrue();
            }
            String answer;
            try (var socket = new Socket(url.getHost(), url.getPort())) {
                socket.setSoTimeout(HANG_MILLIS);
                socket.getOutputStream().write(request("/about/", false));
                answer = readResponse(new BufferedInputStream(socket.getInputStream()));
            }

            assertThat(answer).startsWith("HTTP/1.1 200 ");
        } finally {
            for (Socket socket : unfinished) {
                socket.close();
            }
        }
    }

    /** Waits for the server to close the connection (an end of stream, or a reset since the request was left unread). */
    private static boolean closedByTheServer(Socket socket) throws IOException {
        try {
            return socket.getInputStream().read() == -1;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (java.net.SocketException e) {
            return true;
        }
    }

    private byte[] request(String path, boolean keepAlive) {
        return ("GET " + path + " HTTP/1.1\r\nHost: " + url.getAuthority() + "\r\n"
                + (keepAlive ? "" : "Connection: close\r\n") + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** Reads one response with a Content-Length; returns its head. */
    private static String readResponse(InputStream in) throws IOException {
        var head = new StringBuilder();
        while (head.length() < 4 || !head.substring(head.length() - 4).equals("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed after: " + head);
            }
            head.append((char) b);
        }
        Matcher length = Pattern.compile("(?i)\r\ncontent-length: (\\d+)").matcher(head);
        assertThat(length.find()).as(head.toString()).isTrue();
        in.readNBytes(Integer.parseInt(length.group(1)));
        return head.toString();
    }
}
