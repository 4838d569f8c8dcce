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
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
