package dev.patella.bench;

import dev.patella.TestSites;
import dev.patella.serve.DevServer;
import dev.patella.serve.ServeOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
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

/**
 * {@code patella serve} under load while it rebuilds: {@code wrk} (the Debian package) with 64
 * connections for 10 s against several pages of the shipped site, on 127.0.0.1, while an
 * exercise is renamed and saved every 200 ms (which renders its page and the pages that list it
 * again). Every response is checked by {@code load-check.lua}: no error, no socket error, no
 * torn or half-written body.
 *
 * <p>{@code DevServerLoadTest} runs it and checks only what must hold on any machine (no
 * failure, a flat heap, no leaked threads, the last save served); {@code bench/serve-load.sh}
 * runs it and prints the figures (requests per second, latency, rebuilds), which depend on the
 * machine and on what else runs on it.
 */
public final class ServeLoad {

    public static final int CONNECTIONS = 64;
    public static final int SECONDS = 10;
    public static final long EDIT_MILLIS = 200;
    private static final Pattern LINE = Pattern.compile("PATELLA-LOAD (.*)");
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    static final String EXERCISE = "content/exercises/clamshell.md";
    static final String RENAMED = "title: Clamshell (side-lying)";

    /**
     * What one run saw.
     *
     * @param counts    the check script's counts: requests, checked, failures, first_failure, the
     *                  socket errors (connect, read, write, timeout), non-2xx (status), p50_us, p99_us
     * @param lastSaved the exercise's text after the last save of the run
     */
    public record Result(Map<String, String> counts, String rate, String wrkOutput, int edits, int rebuilds,
                         long heapBefore, long heapAfter, int threadsBefore, int threadsAfter, URI url,
                         String lastSaved, String log) {

        public String report() {
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
                    threadsAfter, wrkOutput);
        }
    }

    /** A step after the load, while the server still runs (the test waits there for the last save to be served). */
    public interface After {
        void check(URI url, String lastSaved) throws Exception;
    }

    private ServeLoad() {
    }

    public static void main(String[] args) throws Exception {
        Optional<Path> wrk = wrk();
        if (wrk.isEmpty()) {
            System.err.println("no wrk on the PATH: apt-get install -y wrk");
            System.exit(2);
        }
        Path tmp = Files.createTempDirectory("patella-load");
        Result result = run(wrk.get(), TestSites.shipped(tmp.resolve("p")), tmp, (url, saved) -> { });
        System.out.print(result.report());
    }

    /** wrk on the PATH, if there is one. */
    public static Optional<Path> wrk() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(java.io.File.pathSeparator)).filter(d -> !d.isEmpty())
                .map(d -> Path.of(d, "wrk")).filter(Files::isExecutable).findFirst();
    }

    /** Serves {@code project} (a copy of the shipped site) and runs wrk against it while saving an exercise. */
    public static Result run(Path wrk, Path project, Path tmp, After after) throws Exception {
        Path script = tmp.resolve("load-check.lua");
        try (InputStream in = DevServer.class.getResourceAsStream("/dev/patella/serve/load-check.lua")) {
            Files.write(script, in.readAllBytes());
        }
        var log = new StringWriter();
        try (var server = DevServer.start(ServeOptions.of(project, "127.0.0.1", 0, false, TestSites.TODAY),
                System::nanoTime, new PrintWriter(log, true), new PrintWriter(log, true))) {
            List<String> paths = paths(server.url());
            warmUp(server.url(), paths);
            long heapBefore = heapAfterCollection();
            int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
            var rebuilds = new AtomicInteger();
            server.onRebuilt(r -> rebuilds.incrementAndGet());

            String output;
            var editor = Executors.newSingleThreadScheduledExecutor();
            var edits = new AtomicInteger();
            Path exercise = project.resolve(EXERCISE);
            String original = Files.readString(exercise);
            try {
                editor.scheduleAtFixedRate(() -> save(exercise, edits.incrementAndGet() % 2 == 1
                        ? original.replace("title: Clamshell", RENAMED) : original),
                        EDIT_MILLIS, EDIT_MILLIS, TimeUnit.MILLISECONDS);
                output = wrk(wrk, script, server.url(), paths);
            } finally {
                editor.shutdownNow();
                if (!editor.awaitTermination(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the editor did not stop");
                }
            }
            String lastSaved = Files.readString(exercise);
            after.check(server.url(), lastSaved);
            long heapAfter = heapAfterCollection();
            int threadsAfter = ManagementFactory.getThreadMXBean().getThreadCount();

            Matcher line = LINE.matcher(output);
            Matcher rate = RATE.matcher(output);
            if (!line.find() || !rate.find()) {
                throw new IllegalStateException("no summary in wrk's output:\n" + output);
            }
            return new Result(counts(line.group(1)), rate.group(1), output, edits.get(), rebuilds.get(), heapBefore,
                    heapAfter, threadsBefore, threadsAfter, server.url(), lastSaved, log.toString());
        }
    }

    /** Pages of every kind (the edited exercise among them), the stylesheet and a drawing. */
    private static List<String> paths(URI base) throws IOException, InterruptedException {
        String home = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher css = Pattern.compile("assets/style\\.[0-9a-f]+\\.css").matcher(home);
        if (!css.find()) {
            throw new IllegalStateException("no stylesheet in the home page:\n" + home);
        }
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
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode());
            }
        }
    }

    private static String wrk(Path wrk, Path script, URI base, List<String> paths) throws IOException,
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
            throw new IllegalStateException("wrk did not stop");
        }
        String output = new String(out, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IllegalStateException("wrk failed:\n" + output);
        }
        return output;
    }

    /** Saves the file the way many editors do: a hidden temporary file renamed over it. */
    private static void save(Path file, String text) {
        try {
            Path temporary = file.resolveSibling("." + file.getFileName() + ".tmp");
            Files.writeString(temporary, text);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
}
