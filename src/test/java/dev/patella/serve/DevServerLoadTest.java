package dev.patella.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.patella.TestSites;
import dev.patella.bench.ServeLoad;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dev server under load while it rebuilds ({@link ServeLoad}: wrk with 64 connections for
 * 10 s while an exercise is renamed and saved every 200 ms). Checks what must hold on any
 * machine, however busy: every response whole and without error, the last save served once the
 * saves stop, a heap about the same before and after, no leaked threads. How fast it was is not
 * checked here: {@code bench/serve-load.sh} prints that. The run's report is written to
 * {@code target/serve-load.txt}. Skipped (never failed) where wrk is missing.
 */
class DevServerLoadTest {

    static final Path REPORT = TestSites.PROJECT.resolve("target/serve-load.txt");
    /** Heap growth allowed over the run: far less than the run allocates, far more than noise. */
    private static final long HEAP_SLACK = 32L * 1024 * 1024;
    /** Only a hang detector: the last save is normally served within a fraction of a second. */
    private static final long SETTLE_SECONDS = 60;

    @TempDir
    Path tmp;

    @Test
    void servesEveryRequestWholeWithoutErrorsWhileAFileIsSavedAgainAndAgain() throws Exception {
        Optional<Path> wrk = ServeLoad.wrk();
        assumeTrue(wrk.isPresent(), "load test skipped: no wrk on the PATH. To run it, install Debian's wrk "
                + "(apt-get install -y wrk) and run mvn -B test again.");

        ServeLoad.Result result = ServeLoad.run(wrk.get(), TestSites.shipped(tmp.resolve("p")), tmp,
                DevServerLoadTest::lastSaveIsServed);
        String report = result.report();
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, report);

        var counts = result.counts();
        assertThat(counts.get("failures")).as(report).isEqualTo("0");
        for (String error : List.of("connect", "read", "write", "status", "timeout")) {
            assertThat(counts.get(error)).as(error + " errors\n" + report).isEqualTo("0");
        }
        assertThat(Long.parseLong(counts.get("requests"))).as(report).isPositive();
        assertThat(counts.get("checked")).as(report).isEqualTo(counts.get("requests"));
        assertThat(result.edits()).as(report).isPositive();
        assertThat(result.rebuilds()).as("rebuilds during the run\n" + report + result.log()).isPositive();
        assertThat(result.heapAfter() - result.heapBefore()).as("heap growth\n" + report).isLessThan(HEAP_SLACK);
        assertThat(result.threadsAfter() - result.threadsBefore()).as("thread growth\n" + report)
                .isLessThanOrEqualTo(2);
    }

    /** Once the saves stop, the exercise's page shows the title of the last one (polled, with a hang detector). */
    private static void lastSaveIsServed(java.net.URI url, String lastSaved) throws Exception {
        String title = lastSaved.contains("title: Clamshell (side-lying)") ? "<h1>Clamshell (side-lying)</h1>"
                : "<h1>Clamshell</h1>";
        var http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SETTLE_SECONDS);
        String page = "";
        while (System.nanoTime() < deadline) {
            page = http.send(HttpRequest.newBuilder(url.resolve("/exercises/clamshell/")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            if (page.contains(title)) {
                return;
            }
            Thread.sleep(100); // polling the page: the test has no reload event to wait on here
        }
        assertThat(page).as("the page after the last save").contains(title);
    }
}
