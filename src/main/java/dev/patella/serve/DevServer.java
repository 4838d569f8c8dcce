package dev.patella.serve;

import com.sun.net.httpserver.HttpServer;
import dev.patella.build.Changes;
import dev.patella.build.SiteBuild;
import dev.patella.build.SiteSession;
import dev.patella.build.SourceLines;
import dev.patella.config.BuildOptions;
import dev.patella.diag.Diagnostic;
import dev.patella.diag.DiagnosticFormatter;
import dev.patella.diag.Diagnostics;
import dev.patella.output.HostingFiles;
import dev.patella.output.SiteFiles;
import dev.patella.output.SiteOutput;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * {@code patella serve}: builds the site in memory, serves it over HTTP, watches
 * {@code content/} and {@code templates/}, rebuilds what a change touches and makes open pages
 * reload. A content or template error never stops it: pages show the errors over the last
 * version that built, and come back by themselves once the file is fixed. A rebuild that
 * throws (a bug in Patella, a stack overflow) is shown the same way, at the file just saved,
 * and the next save rebuilds. Nothing is written to the project.
 */
public final class DevServer implements AutoCloseable {

    /** The most changed pages listed to open pages; past this every page reloads. */
    private static final int MAX_LISTED = 200;
    /** Files no page shows: when only these change beside pages, the pages not changed stay. */
    private static final Set<String> NOT_SHOWN = Set.of(SiteOutput.SITEMAP, SiteOutput.ROBOTS, HostingFiles.HEADERS,
            HostingFiles.HTACCESS);

    /** The search index of an edition, which only the search page names (and so reloads with it). */
    private static final Pattern SEARCH_INDEX = Pattern.compile("([a-z-]+/)?assets/search-index\\.[0-9a-f]+\\.json");

    /** How often idle event streams are pinged, which also finds pages that were closed. */
    private static final long PING_SECONDS = 15;

    /**
     * What one rebuild did, for the terminal and for measurements.
     *
     * @param firstEventNanos when the first file event of the rebuild arrived (on the server's clock)
     * @param firstPagesNanos when the pages the rebuild made again were first served and open pages
     *                        told, before the rest of the rebuild was done; {@code readyNanos} when
     *                        they were served only with the rest
     * @param readyNanos      when the new pages were being served and open pages had been told
     */
    public record Rebuilt(long snapshot, SiteBuild build, List<Diagnostic> errors, Changes changes,
                          long firstEventNanos, long firstPagesNanos, long readyNanos) {
    }

    private final ServeOptions options;
    private final LongSupplier nanoTime;
    private final PrintWriter out;
    private final PrintWriter err;
    private final HttpServer server;
    private final URI url;
    private final LiveReload live = new LiveReload();
    private final ExecutorService requests;
    private final ExecutorService background;
    private final ScheduledExecutorService pings;
    private final List<Consumer<Rebuilt>> listeners = new CopyOnWriteArrayList<>();
    private final SiteSession session;
    private volatile Snapshot snapshot = Snapshot.EMPTY;
    private List<Diagnostic> lastPrinted = List.of();
    /** Whether a build has finished yet (the first one may throw). */
    private boolean built;
    /** Whether the pages show a rebuild that threw, so the next build that finishes must replace it. */
    private boolean showingCrash;
    /** Whether the pages show the pages a rebuild made first, over the build before it. */
    private boolean showingFirstPages;
    /** When those pages were served, on {@link #nanoTime}; read only while {@link #showingFirstPages}. */
    private long firstPagesServed;
    private Rebuilder rebuilder;
    private SiteWatcher watcher;

    private DevServer(ServeOptions options, LongSupplier nanoTime, PrintWriter out, PrintWriter err)
            throws IOException {
        this.options = options;
        this.nanoTime = nanoTime;
        this.out = out;
        this.err = err;
        server = HttpServer.create(new InetSocketAddress(options.host(), options.port()), 64);
        String host = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
        url = URI.create("http://" + host + ":" + server.getAddress().getPort() + "/");
        requests = Executors.newFixedThreadPool(8, threads("patella-http"));
        background = Executors.newCachedThreadPool(threads("patella-watch"));
        pings = Executors.newSingleThreadScheduledExecutor(threads("patella-ping"));
        Path project = options.project().toAbsolutePath().normalize();
        // served at the root of this address, so canonical links and the 404 page's links work here
        session = new SiteSession(new BuildOptions(project, project.resolve("site"), Optional.of(url),
                options.drafts(), false, options.today()), nanoTime);
    }

    /**
     * Binds the address, builds the site, starts watching and serving. A first build that throws
     * does not stop it: its error is shown on every page until a save builds the site.
     *
     * @param nanoTime a monotonic clock for build times and rebuild timings, {@code System::nanoTime} outside tests
     * @throws IOException when the address cannot be bound (for example the port is in use)
     * @throws java.io.UncheckedIOException when the project's folders cannot be watched
     */
    public static DevServer start(ServeOptions options, LongSupplier nanoTime, PrintWriter out, PrintWriter err)
            throws IOException {
        return start(options, nanoTime, out, err, session -> session::build);
    }

    /**
     * As {@link #start(ServeOptions, LongSupplier, PrintWriter, PrintWriter)}, building with the step that
     * {@code steps} makes from the session (tests wrap the session's build to make it fail).
     */
    static DevServer start(ServeOptions options, LongSupplier nanoTime, PrintWriter out, PrintWriter err,
                           Function<SiteSession, Rebuilder.Step> steps) throws IOException {
        var server = new DevServer(options, nanoTime, out, err);
        try {
            server.begin(steps.apply(server.session));
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private void begin(Rebuilder.Step step) {
        Path project = options.project().toAbsolutePath().normalize();
        rebuilder = new Rebuilder(step, options.quiet(), options.maxDelay(), nanoTime, this::firstPages, this::rebuilt);
        watcher = new SiteWatcher(project, List.of("content", "templates"), rebuilder::changed,
                rebuilder::changedEverything, background);
        rebuilder.buildEverything();
        background.execute(rebuilder);
        var copied = new CopiedFiles(List.of(project.resolve("content"), project.resolve("templates")));
        boolean loopbackOnly = server.getAddress().getAddress().isLoopbackAddress();
        server.createContext("/", new SiteHandler(() -> snapshot, live, copied, loopbackOnly));
        server.setExecutor(requests);
        server.start();
        pings.scheduleAtFixedRate(live::ping, PING_SECONDS, PING_SECONDS, TimeUnit.SECONDS);
    }

    /** The address the site is served at, ending in {@code /}. */
    public URI url() {
        return url;
    }

    /**
     * Calls {@code listener} after every rebuild that finished (not the first build, nor a rebuild
     * that threw, which is shown as an error instead), on the rebuild thread.
     */
    public void onRebuilt(Consumer<Rebuilt> listener) {
        listeners.add(listener);
    }

    /** Stops watching and serving; open pages lose their event stream. Safe to call more than once. */
    @Override
    public void close() {
        if (watcher != null) {
            watcher.close();
        }
        if (rebuilder != null) {
            rebuilder.stop();
        }
        live.closeAll();
        server.stop(0);
        pings.shutdownNow();
        requests.shutdownNow();
        background.shutdownNow();
    }

    private void rebuilt(Rebuilder.Batch batch, Rebuilder.Outcome outcome) {
        if (outcome instanceof Rebuilder.Built finished) {
            rebuilt(batch, finished);
        } else if (outcome instanceof Rebuilder.Crashed crash) {
            crashed(crash);
        }
    }

    /**
     * Serves the pages a rebuild made again as soon as they are made, over the last build, and
     * makes open pages reload: the page being edited shows the edit before the search index, the
     * search and sources pages and the site-wide checks are done. Not while errors are shown: the
     * page waits for the build that says whether they are gone.
     */
    private void firstPages(Map<String, byte[]> pages) {
        Snapshot before = snapshot;
        if (!built || showingCrash || !before.errors().isEmpty()) {
            return; // the errors shown may be gone: the page waits for the build that says
        }
        // sorted as SiteFiles keeps them, so that both copies are made in one pass
        Map<String, byte[]> generated = new TreeMap<>(before.latest().generated());
        Set<String> differ = new TreeSet<>();
        for (var page : pages.entrySet()) {
            byte[] old = generated.put(page.getKey(), page.getValue());
            if (old == null || !Arrays.equals(old, page.getValue())) {
                differ.add(page.getKey());
            }
        }
        if (!differ.isEmpty()) {
            snapshot = new Snapshot(before.id() + 1, new SiteFiles(generated, before.latest().copied()),
                    before.lastGood(), before.errors(), before.overlayHtml());
            showingFirstPages = true;
            live.announce(snapshot.id(), before.id(), forOpenPages(differ));
            firstPagesServed = nanoTime.getAsLong();
        }
    }

    /**
     * What open pages are told changed: the site paths of {@code changed}, or empty when every
     * page must reload because a file a page may show changed (a stylesheet, a script, an image:
     * those are not pages, and a page does not say which it shows), or too many changed for a
     * list to be shorter than a reload. The files no page shows (the sitemap, robots.txt, the
     * hosting files, the search index, which the search page names) are left out.
     */
    private static Optional<List<String>> forOpenPages(Set<String> changed) {
        List<String> pages = new ArrayList<>();
        for (String path : changed) {
            if (path.endsWith(".html")) {
                pages.add(path);
            } else if (!NOT_SHOWN.contains(path) && !SEARCH_INDEX.matcher(path).matches()) {
                return Optional.empty();
            }
        }
        return pages.size() > MAX_LISTED ? Optional.empty() : Optional.of(pages.stream().sorted().toList());
    }

    /**
     * The site paths whose files differ between what is served and {@code build}: the build's own
     * changes, less the pages already served by {@link #firstPages}.
     */
    private Set<String> changedFromServed(SiteBuild build, Snapshot served) {
        if (!showingFirstPages) {
            return build.changed();
        }
        Set<String> changed = new HashSet<>();
        for (String path : build.changed()) {
            byte[] now = build.files().generated().get(path);
            byte[] shown = served.latest().generated().get(path);
            if (now == null || shown == null || !Arrays.equals(now, shown)) {
                changed.add(path);
            }
        }
        return changed;
    }

    private void rebuilt(Rebuilder.Batch batch, Rebuilder.Built result) {
        SiteBuild build = result.build();
        List<Diagnostic> all = result.diagnostics().sorted();
        List<Diagnostic> errors = all.stream().filter(Diagnostic::isError).toList();
        Snapshot before = snapshot;
        boolean first = !built;
        built = true;
        Set<String> changed = changedFromServed(build, before);
        boolean everyPage = first || showingCrash || !errors.equals(before.errors());
        // after pages served first, the build replaces them even when it changed nothing more: it is
        // the build a later error shows its pages from
        if (everyPage || !changed.isEmpty() || showingFirstPages) {
            var lines = new SourceLines(options.project());
            Optional<SiteFiles> good = errors.isEmpty() && build.index().isPresent() ? Optional.of(build.files())
                    : before.lastGood();
            snapshot = new Snapshot(before.id() + 1, build.files(), good, errors, Overlay.html(errors, lines));
            showingCrash = false;
            live.announce(snapshot.id(), before.id(), everyPage ? Optional.empty() : forOpenPages(changed));
        }
        long ready = nanoTime.getAsLong();
        long firstServed = showingFirstPages ? firstPagesServed : ready;
        showingFirstPages = false;
        report(batch, build, all, result.diagnostics(), first, firstServed, ready);
        var event = new Rebuilt(snapshot.id(), build, errors, batch.changes(), batch.firstEventNanos(), firstServed,
                ready);
        if (!first) {
            listeners.forEach(l -> l.accept(event));
        }
    }

    /** Shows a rebuild that threw as an error over the last version that built, and prints what to report. */
    private void crashed(Rebuilder.Crashed crash) {
        Diagnostic error = new RebuildFailure(options.project()).diagnostic(crash);
        List<Diagnostic> errors = List.of(error);
        Snapshot before = snapshot;
        snapshot = new Snapshot(before.id() + 1, before.latest(), before.lastGood(), errors,
                Overlay.html(errors, new SourceLines(options.project())));
        showingCrash = true;
        showingFirstPages = false;
        live.announce(snapshot.id(), before.id(), Optional.empty());
        lastPrinted = List.of();
        err.print(new DiagnosticFormatter(new SourceLines(options.project())::line).format(error));
        if (RebuildFailure.fileFailure(crash.failure()).isEmpty()) { // a file refused is no bug: its error says all
            err.println("patella: internal error (this is a bug in Patella, please report it); still serving the last "
                    + "version that built, and the next save rebuilds:");
            RebuildFailure.trace(crash.failure()).forEach(err::println);
        }
        err.flush();
    }

    /** The pages this build made afresh: a page tried and failed is not one (its error is shown instead). */
    private static long renderedPages(SiteBuild build) {
        Set<String> made = new HashSet<>();
        build.pages().forEach(page -> made.add(page.url()));
        return build.rendered().stream().distinct().filter(made::contains).count();
    }

    private void report(Rebuilder.Batch batch, SiteBuild build, List<Diagnostic> all, Diagnostics diagnostics,
                        boolean first, long firstServed, long ready) {
        if (!all.equals(lastPrinted)) {
            var formatter = new DiagnosticFormatter(new SourceLines(options.project())::line);
            all.forEach(d -> err.print(formatter.format(d)));
            err.flush(); // before the line that sums them up, on the other stream
            lastPrinted = all;
        }
        double ms = (ready - batch.firstEventNanos()) / 1e6;
        String what;
        if (build.pages().isEmpty() && diagnostics.hasErrors()) {
            // an error stopped the build before any page (a template that does not parse, say)
            what = first ? String.format(Locale.ROOT, "No page built, in %.0f ms", ms)
                    : String.format(Locale.ROOT, "No page rebuilt, in %.0f ms (%s)", ms, describe(batch.changes()));
        } else {
            what = first ? String.format(Locale.ROOT, "Built %d pages in %.0f ms", build.pages().size(), ms)
                    : String.format(Locale.ROOT, "Rebuilt %d of %d pages in %.0f ms (%s)", renderedPages(build),
                    build.pages().size(), ms, describe(batch.changes()));
        }
        if (!first && firstServed < ready) {
            what += String.format(Locale.ROOT, "; the changed pages were served after %.0f ms",
                    (firstServed - batch.firstEventNanos()) / 1e6);
        }
        if (diagnostics.hasErrors()) {
            what += "; " + diagnostics.errorCount() + (diagnostics.errorCount() == 1 ? " error" : " errors")
                    + ", shown on every open page: fix and save";
        }
        out.println(what);
        out.flush();
        err.flush();
    }

    private String describe(Changes changes) {
        if (changes.all()) {
            return "every file";
        }
        Path project = options.project().toAbsolutePath().normalize();
        // not what an editor's save left and removed again (sed -i's sedX1b2c3): the saved file is named
        var names = changes.saved().stream().map(p -> project.relativize(p).toString().replace('\\', '/')).sorted()
                .toList();
        return names.size() <= 3 ? String.join(", ", names) : names.get(0) + " and " + (names.size() - 1) + " more";
    }

    private static ThreadFactory threads(String name) {
        var count = new AtomicInteger();
        return runnable -> {
            Thread t = new Thread(runnable, name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
