package dev.patella.bench;

import dev.patella.TestSites;
import dev.patella.serve.DevServer;
import dev.patella.serve.ServeOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Measures save-to-reload latency of {@code patella serve}: the time from writing a content
 * file to the browser's event stream hearing that the rebuilt page is being served. Runs the
 * real server on a free port with its real file watcher, and listens to {@code /__patella/events}
 * over HTTP as a browser would.
 *
 * <p>Run with {@code bench/serve-latency.sh [EXTRA_PAGES ...]}. Prints, for the shipped site and
 * for each generated size, the median, 90th percentile and largest latency of editing one
 * exercise's text and of renaming it (which also renders the pages that list it).
 */
public final class ServeLatency {

    private static final int WARM_UP = 15;
    private static final int RUNS = 30;

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = new ArrayList<>();
        for (String a : args) {
            sizes.add(Integer.parseInt(a));
        }
        if (sizes.isEmpty()) {
            sizes.add(4000);
        }
        Path shipped = Path.of("").toAbsolutePath();
        System.out.printf(Locale.ROOT, "patella serve: save-to-reload latency (%d edits after %d to warm up; "
                + "%d cores, Java %s)%n", RUNS, WARM_UP, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        Path tmp = Files.createTempDirectory("patella-bench");
        Path small = tmp.resolve("shipped");
        SyntheticSite.generate(shipped, small, 0);
        deleteGenerated(small);
        measure("shipped site", small, "content/exercises/clamshell.md");
        for (int extra : sizes) {
            Path big = tmp.resolve("site-" + extra);
            SyntheticSite.generate(shipped, big, extra);
            measure("shipped + " + extra + " pages", big, "content/exercises/" + SyntheticSite.exercise(7) + ".md");
        }
    }

    private static void deleteGenerated(Path project) throws Exception {
        try (var walk = Files.walk(project.resolve("content"))) {
            for (Path p : walk.filter(p -> p.getFileName().toString().startsWith("gen-")).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void measure(String name, Path project, String exercise) throws Exception {
        var log = new PrintWriter(new StringWriter());
        long startBuild = System.nanoTime();
        try (DevServer server = DevServer.start(new ServeOptions(project, "127.0.0.1", 0, true,
                TestSites.TODAY, ServeOptions.QUIET, ServeOptions.MAX_DELAY), System::nanoTime, log, log)) {
            double firstBuild = (System.nanoTime() - startBuild) / 1e6;
            long pages;
            try (var walk = Files.walk(project.resolve("content"))) {
                pages = walk.filter(p -> p.toString().endsWith(".md")).count() + 4;
            }
            var events = new Events(server.url());
            server.onRebuilt(r -> events.rebuilt.add(r));
            Path file = project.resolve(exercise);
            String original = Files.readString(file);
            String firstLine = original.lines().filter(l -> l.startsWith("title: ")).findFirst().orElseThrow();
            Edit body = i -> original.replaceFirst("(?s)(\n---\n)", "$1Edit " + i + ". ");
            Edit title = i -> original.replace(firstLine, firstLine + " " + i);
            System.out.printf(Locale.ROOT, "%n%s: %d pages, first build %.0f ms%n", name, pages, firstBuild);
            report("  edit one exercise's text ", run(file, body, events), events);
            report("  rename one exercise      ", run(file, title, events), events);
            Files.writeString(file, original);
            events.close();
        }
    }

    interface Edit {
        String text(int i);
    }

    private static List<Double> run(Path file, Edit edit, Events events) throws Exception {
        List<Double> times = new ArrayList<>();
        events.detection.clear();
        events.rebuild.clear();
        events.build.clear();
        for (int i = 0; i < WARM_UP + RUNS; i++) {
            String text = edit.text(i);
            events.drain();
            long start = System.nanoTime();
            Files.writeString(file, text);
            events.next(Duration.ofSeconds(30));
            long end = System.nanoTime();
            DevServer.Rebuilt rebuilt = events.rebuilt.poll(5, TimeUnit.SECONDS);
            if (i >= WARM_UP && rebuilt != null) {
                times.add((end - start) / 1e6);
                events.detection.add((rebuilt.firstEventNanos() - start) / 1e6);
                events.rebuild.add((rebuilt.readyNanos() - rebuilt.firstEventNanos()) / 1e6);
                events.build.add(rebuilt.build().took().toNanos() / 1e6);
            }
            Thread.sleep(50); // let the file system and the watcher settle between edits
        }
        return times;
    }

    private static void report(String what, List<Double> ms, Events events) {
        System.out.printf(Locale.ROOT, "%s%s%n    medians: file event %.1f ms, then until served and announced %.1f ms, "
                + "of which the rebuild itself %.1f ms%n", what, stats(ms), median(events.detection),
                median(events.rebuild), median(events.build));
    }

    private static String stats(List<Double> ms) {
        List<Double> sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        return String.format(Locale.ROOT, "median %6.1f ms   p90 %6.1f ms   max %6.1f ms",
                sorted.get(sorted.size() / 2), sorted.get((int) Math.ceil(sorted.size() * 0.9) - 1),
                sorted.get(sorted.size() - 1));
    }

    private static double median(List<Double> ms) {
        List<Double> sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        return sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() / 2);
    }

    /** The page's side of live reload: an event stream, read line by line. */
    private static final class Events implements AutoCloseable {
        private final BlockingQueue<String> builds = new LinkedBlockingQueue<>();
        final BlockingQueue<DevServer.Rebuilt> rebuilt = new LinkedBlockingQueue<>();
        final List<Double> detection = new ArrayList<>();
        final List<Double> rebuild = new ArrayList<>();
        final List<Double> build = new ArrayList<>();
        private final HttpClient client = HttpClient.newHttpClient();
        private final java.util.concurrent.CompletableFuture<?> stream;

        Events(URI url) throws InterruptedException {
            var request = HttpRequest.newBuilder(url.resolve("/__patella/events")).build();
            stream = client.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).thenAccept(response ->
                    response.body().filter(l -> l.startsWith("data: ")).forEach(builds::add));
            if (builds.poll(10, TimeUnit.SECONDS) == null) {
                throw new IllegalStateException("no event stream");
            }
        }

        void drain() {
            builds.clear();
            rebuilt.clear();
        }

        void next(Duration timeout) throws InterruptedException {
            if (builds.poll(timeout.toMillis(), TimeUnit.MILLISECONDS) == null) {
                throw new IllegalStateException("no reload event within " + timeout);
            }
        }

        @Override
        public void close() {
            stream.cancel(true);
        }
    }
}
