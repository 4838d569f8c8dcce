package dev.patella.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.patella.TestSites;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dev server under load while it rebuilds: {@code wrk} (the Debian package) with 64
 * connections for 10 s against several pages of the shipped site, on 127.0.0.1, while an
 * exercise is renamed and rebuilt every 200 ms (which renders its page and the pages that list
 * it again). Every response is checked by {@code load-check.lua}: no error, no socket error, no
 * torn or half-written body. The server's heap after a full collection must be about the same
 * before and after. The figures are written to {@code target/serve-load.txt}. Skipped (never
 * failed) where wrk is missing.
 */
class DevServerLoadTest {

    static final Path REPORT = TestSites.PROJECT.resolve("target/serve-load.txt");
    private static final int CONNECTIONS = 64;
    private static final int SECONDS = 10;
    private static final long EDIT_MILLIS = 200;
    /** Heap growth allowed over the run: far less than the run allocates, far more than noise. */
    private static final long HEAP_SLACK = 32L * 1024 * 1024;
    private static final Pattern LINE = Pattern.compile("PATELLA-LOAD (.*)");
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");

    @TempDir
    Path tmp;

    @Test
    void servesEveryRequestWholeWithoutErrorsWhileAFileIsRebuiltEvery200Ms() throws Exception {
        Optional<Path> wrk = onPath("wrk");
        assumeTrue(wrk.isPresent(), "load test skipped: no wrk on the PATH. To run it, install Debian's wrk "
                + "(apt-get install -y wrk) and run mvn -B test again.");
        Path project = TestSites.shipped(tmp.resolve("p"));
        Path script = tmp.resolve("load-check.lua");
        try (InputStream in = DevServerLoadTest.class.getResourceAsStream("load-check.lua")) {
            Files.write(script, in.readAllBytes());
        }
        var log = new StringWriter();
        try (var server = DevServer.start(ServeOptions.of(project, "127.0.0.1", 0, false, LocalDate.of(2026, 11, 21)),
                new PrintWriter(log, true), new PrintWriter(log, true))) {
            List<String> paths = paths(server.url());
            warmUp(server.url(), paths);
            long heapBefore = heapAfterCollection();
            int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
            var rebuilds = new AtomicInteger();
            server.onRebuilt(r -> rebuilds.incrementAndGet());

            String output;
            var editor = Executors.newSingleThreadScheduledExecutor();
            var edits = new AtomicInteger();
            try {
                Path exercise = project.resolve("content/exercises/clamshell.md");
                String original = Files.readString(exercise);
                editor.scheduleAtFixedRate(() -> save(exercise, edits.incrementAndGet() % 2 == 1
                        ? original.replace("title: Clamshell", "title: Clamshell (side-lying)") : original),
                        EDIT_MILLIS, EDIT_MILLIS, TimeUnit.MILLISECONDS);
                output = run(wrk.get(), script, server.url(), paths);
            } finally {
                editor.shutdownNow();
                assertThat(editor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            }
            long heapAfter = heapAfterCollection();
            int threadsAfter = ManagementFactory.getThreadMXBean().getThreadCount();

            Matcher line = LINE.matcher(output);
            assertThat(line.find()).as("wrk's summary line in:\n" + output).isTrue();
            Map<String, String> counts = counts(line.group(1));
            Matcher rate = RATE.matcher(output);
            assertThat(rate.find()).as(output).isTrue();
            String report = report(output, counts, rate.group(1), edits.get(), rebuilds.get(), heapBefore, heapAfter,
                    threadsBefore, threadsAfter);
            Files.createDirectories(REPORT.getParent());
            Files.writeString(REPORT, report);

            assertThat(counts.get("failures")).as(report).isEqualTo("0");
            for (String error : List.of("connect", "read", "write", "status", "timeout")) {
                assertThat(counts.get(error)).as(error + " errors\n" + report).isEqualTo("0");
            }
            long requests = Long.parseLong(counts.get("requests"));
            assertThat(counts.get("checked")).as(report).isEqualTo(counts.get("requests"));
            assertThat(requests).as(report).isGreaterThan(1000);
            assertThat(rebuilds.get()).as("rebuilds during the run\n" + report + log).isGreaterThanOrEqualTo(SECONDS * 2);
            assertThat(heapAfter - heapBefore).as("heap growth\n" + report).isLessThan(HEAP_SLACK);
            assertThat(threadsAfter - threadsBefore).as("thread growth\n" + report).isLessThanOrEqualTo(2);
        }
    }

    /** Pages of every kind (the edited exercise among them), the stylesheet and a drawing. */
    private static List<String> paths(URI base) throws IOException, InterruptedException {
        String home = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher css = Pattern.compile("assets/style\\.[0-9a-f]+\\.css").matcher(home);
        assertThat(css.find()).as(home).isTrue();
        return List.of("/", "/exercises/clamshell/", "/exercises/", "/conditions/chondromalacia-patella/",
                "/conditions/chondromalacia-patella/program/", "/search/", "/about/", "/" + css.group(),
                "/images/clamshell.svg");
    }

    /** A few hundred requests first, so the run measures a warm server, and a check that every path is served. */
    private static void warmUp(URI base, List<String> paths) throws IOException, InterruptedException {
        var http = HttpClient.newHttpClient();
        for (int i = 0; i < 300; i++) {
            String path = paths.get(i % paths.size());
            var response = http.send(HttpRequest.newBuilder(base.resolve(path)).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
        }
    }

    private static String run(Path wrk, Path script, URI base, List<String> paths) throws IOException,
            InterruptedException {
        List<String> command = new ArrayList<>(List.of(wrk.toString(), "-t2", "-c" + CONNECTIONS, "-d" + SECONDS + "s",
                "--timeout", "5s", "--latency", "-s", script.toString(), base.toString(), "--"));
        command.addAll(paths);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out;
        try (InputStream in = process.getInputStream()) {
            out = in.readAllBytes(); // wrk ends by itself after SECONDS
        }
        if (!process.waitFor(SECONDS + 30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("wrk did not stop");
        }
        String output = new String(out, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    /** Saves the file the way many editors do: a hidden temporary file renamed over it. */
    private static void save(Path file, String text) {
        try {
            Path temporary = file.resolveSibling("." + file.getFileName() + ".tmp");
            Files.writeString(temporary, text);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long heapAfterCollection() {
        var memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc(); // a full collection with the JDK's default collector, so what stays is what is kept
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static Map<String, String> counts(String line) {
        Map<String, String> counts = new HashMap<>();
        for (String pair : line.trim().split(" ")) {
            String[] kv = pair.split("=", 2);
            counts.put(kv[0], kv[1]);
        }
        return counts;
    }

    private static String report(String output, Map<String, String> counts, String rate, int edits, int rebuilds,
                                 long heapBefore, long heapAfter, int threadsBefore, int threadsAfter) {
        return String.format(Locale.ROOT, """
                patella serve under wrk: %d connections, %d s, 2 wrk threads, %d paths, on 127.0.0.1
                requests per second: %s
                requests: %s (each checked: %s), failed checks: %s (first: %s)
                socket errors: connect %s, read %s, write %s, timeout %s; HTTP errors: %s
                latency: median %.1f ms, 99th percentile %.1f ms
                saves: %d (one every %d ms), rebuilds: %d
                heap after a full collection: %.1f MiB before, %.1f MiB after
                threads: %d before, %d after

                wrk's own output:
                %s""", CONNECTIONS, SECONDS, 9, rate, counts.get("requests"), counts.get("checked"),
                counts.get("failures"), counts.get("first_failure"), counts.get("connect"), counts.get("read"),
                counts.get("write"), counts.get("timeout"), counts.get("status"),
                Double.parseDouble(counts.get("p50_us")) / 1000, Double.parseDouble(counts.get("p99_us")) / 1000,
                edits, EDIT_MILLIS, rebuilds, heapBefore / 1048576.0, heapAfter / 1048576.0, threadsBefore,
                threadsAfter, output);
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(java.io.File.pathSeparator)).filter(d -> !d.isEmpty())
                .map(d -> Path.of(d, name)).filter(Files::isExecutable).findFirst();
    }
}
