package dev.patella.build;

import dev.patella.config.BuildOptions;
import dev.patella.diag.Diagnostic;
import dev.patella.diag.Diagnostics;
import dev.patella.index.Urls;
import dev.patella.output.SiteWriter;
import dev.patella.render.RenderCache;
import dev.patella.validate.EditorialChecks;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * The build recipe: make the site in memory with a {@link SiteSession}, then publish it when the
 * content has no errors. When nothing the build reads has changed since the last successful build
 * and the site is as that build left it, it stops at once (see {@link BuildCache}). Otherwise it
 * renders only the pages whose inputs changed, reusing the others as the last build left them in
 * the site (see {@link KeptBuild}). {@link #check} makes it without publishing and adds the stricter rules
 * of {@code patella check}.
 */
public final class Builder {

    private final LongSupplier nanoTime;
    private final boolean keepWarm;
    /** What the last build left in memory, for the next one to start from; null when nothing is kept. */
    private Warm warm;
    /** The notes a warm build writes after it has answered; done when none are being written. */
    private CompletableFuture<Void> notes = CompletableFuture.completedFuture(null);

    /** A build's session and what it was made from, kept between the builds of a {@linkplain #warm warm builder}. */
    private record Warm(BuildOptions options, BuildCache inputs, SiteSession session, RenderCache renders,
                        EditorialChecks editorial, KeptBuild kept, KeptDocuments documents) {
    }

    /** @param nanoTime a monotonic clock for the time taken, {@code System::nanoTime} outside tests */
    public Builder(LongSupplier nanoTime) {
        this(nanoTime, false);
    }

    private Builder(LongSupplier nanoTime, boolean keepWarm) {
        this.nanoTime = nanoTime;
        this.keepWarm = keepWarm;
    }

    /**
     * A builder for a process that builds the same project again and again (the build server): it
     * keeps the last build's pages, parsed files and engines in memory, and the next build with
     * the same options reads again only the files whose size or modification time changed. What
     * it publishes is what a new builder would.
     */
    public static Builder warm(LongSupplier nanoTime) {
        return new Builder(nanoTime, true);
    }

    /**
     * What identifies the Patella that runs (the size and time of its jar), so that a build
     * server can tell a client of another Patella.
     */
    public static String codeVersion() {
        return BuildCache.codeVersion();
    }

    /**
     * Builds the site and, when the content has no errors, publishes it to {@code options.output()}.
     * Problems in the content are added to {@code diagnostics}; the previous site is then left as it was.
     *
     * @throws IllegalArgumentException when the output folder is unsafe to replace (the message says why)
     * @throws dev.patella.diag.FileFailure when a file cannot be read or written (its message says why and what to do)
     */
    public BuildResult build(BuildOptions options, Diagnostics diagnostics) {
        return build(options, diagnostics, ALWAYS);
    }

    /** Publishing whatever happens: a build on the command line. */
    public static final BooleanSupplier ALWAYS = () -> true;

    /**
     * Thrown when a build's site was made but no longer wanted when it was to be published (a build
     * server's caller went away): the site was left as it was.
     */
    public static final class NotWanted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotWanted() {
            super("the build's caller went away before its site was published, so it was not: the site is as it was");
        }
    }

    /**
     * Builds as {@link #build(BuildOptions, Diagnostics)} does, publishing only when {@code wanted}
     * says so just before: a build server does not write a site that its caller gave up on (and may
     * have built since by itself).
     *
     * @throws NotWanted when {@code wanted} said no: the site is as it was
     */
    public synchronized BuildResult build(BuildOptions options, Diagnostics diagnostics, BooleanSupplier wanted) {
        long start = nanoTime.getAsLong();
        Background.joined(notes); // the notes the last build left to write, done before anything reads them
        OutputGuard.problem(options.project(), options.output()).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        Warm last = warm;
        warm = null; // kept again only when this build ends normally
        var writer = new SiteWriter(options.output(), nanoTime);
        // site/ is checked against its manifest on the other core while this one fingerprints the inputs
        CompletableFuture<Optional<Map<String, String>>> published = CompletableFuture.supplyAsync(writer::onDisk);
        var cache = BuildCache.of(options);
        var remembered = cache.lookup();
        // a warm builder with nothing in memory yet goes on, so that its next build finds it warm
        if (remembered.isPresent() && (!keepWarm || last != null) && Background.joined(published).isPresent()) {
            remembered.get().warnings().forEach(diagnostics::add);
            warm = last;
            return new BuildResult(true, remembered.get().pages(), 0, remembered.get().files(), 0, since(start),
                    List.of());
        }
        cache.forget();
        Warm now;
        SiteBuild site;
        if (last != null && last.options().equals(options)) {
            // the pages in memory are what was built, whatever site/ holds: its check can go on meanwhile
            now = new Warm(options, cache, last.session(), last.renders(), last.editorial(), last.kept(),
                    last.documents());
            site = now.session().build(cache.changedSince(last.inputs()), diagnostics);
        } else {
            now = started(options, cache, Background.joined(published));
            site = now.session().build(Changes.everything(), diagnostics);
        }
        if (site.index().isEmpty() || diagnostics.hasErrors()) {
            remember(now.documents()::remember);
            keep(now);
            return new BuildResult(false, site.pages().size(), site.rendered().size(), site.files().size(), 0,
                    since(start), List.of());
        }
        var pages = now.renders().kept();
        Map<String, String> known = new HashMap<>();
        pages.forEach((url, page) -> known.put(Urls.file(url), page.htmlHash()));
        Background.joined(published); // the write takes the check of site/ made meanwhile
        // asked once no other build writes site/: a caller that gave up may be building it itself
        var written = writer.write(site.files(), known, wanted);
        if (written.isEmpty()) {
            keep(now); // what was made stays in memory; the next build writes what site/ lacks
            throw new NotWanted();
        }
        List<Diagnostic> warnings = diagnostics.sorted();
        remember(() -> {
            now.documents().remember();
            now.kept().remember(pages, now.renders(), now.editorial());
            cache.remember(site.pages().size(), site.files().size(), warnings);
        });
        keep(now);
        return new BuildResult(true, site.pages().size(), site.rendered().size(), site.files().size(),
                written.get().changed(), since(start), written.get().warnings());
    }

    /**
     * Makes the site in memory as {@link #build} does and keeps it for the next build, but writes
     * nothing: neither the site nor the notes in {@code .patella/}. What a build server does when it
     * starts, so that the first build it is asked for is already quick, and nothing is published that
     * no one asked for. Problems in the content are added to {@code diagnostics}.
     *
     * @throws IllegalStateException when this builder is not {@link #warm}
     */
    public synchronized void warmUp(BuildOptions options, Diagnostics diagnostics) {
        if (!keepWarm) {
            throw new IllegalStateException("only a warm builder keeps what it made");
        }
        Background.joined(notes);
        if (OutputGuard.problem(options.project(), options.output()).isPresent()) {
            return; // the build asked for says why
        }
        var now = started(options, BuildCache.of(options), new SiteWriter(options.output(), nanoTime).onDisk());
        now.session().build(Changes.everything(), diagnostics);
        keep(now);
    }

    /** Waits until the notes a warm build writes after answering are written (before the process ends). */
    public void settle() {
        Background.joined(notes);
    }

    /**
     * Writes the notes of {@code .patella/} for the next build: at once, or on the other core
     * after the build has answered when this builder is warm (the next build waits for them).
     */
    private void remember(Runnable writing) {
        if (keepWarm) {
            notes = CompletableFuture.runAsync(writing);
        } else {
            writing.run();
        }
    }

    /** A session that starts from the pages the last build made, where their inputs are the same and site/ still holds them. */
    private Warm started(BuildOptions options, BuildCache cache, Optional<Map<String, String>> onDisk) {
        var kept = KeptBuild.of(options);
        // the note of the files parsed is read on the other core while this one reads the pages' note
        CompletableFuture<KeptDocuments> documentsNote = CompletableFuture.supplyAsync(() -> KeptDocuments.of(options));
        var renders = RenderCache.keeping();
        var editorial = new EditorialChecks();
        kept.restore(kept.read(), renders, editorial, onDisk);
        var documents = Background.joined(documentsNote);
        var session = SiteSession.forBuild(options, nanoTime, renders, editorial);
        session.keepDocumentsIn(documents.parsed());
        return new Warm(options, cache, session, renders, editorial, kept, documents);
    }

    private void keep(Warm now) {
        if (keepWarm) {
            // what the note said site/ held is true no longer once this build may have written it
            now.renders().forgetEarlierRun();
            warm = now;
        }
    }

    /**
     * Makes the site in memory, checks it with the stricter rules of {@code patella check} too,
     * and writes nothing.
     *
     * @throws java.io.UncheckedIOException when a file cannot be read
     */
    public SiteBuild check(BuildOptions options, Diagnostics diagnostics) {
        SiteBuild site = make(options, diagnostics);
        SiteChecks.strict(site, diagnostics);
        PublishReadiness.check(options.project(), site, diagnostics);
        return site;
    }

    /**
     * Makes the site in memory as {@link #build} would, with its checks, and writes nothing: to learn
     * what the content's errors are.
     *
     * @throws java.io.UncheckedIOException when a file cannot be read
     */
    public SiteBuild inMemory(BuildOptions options, Diagnostics diagnostics) {
        return make(options, diagnostics);
    }

    private SiteBuild make(BuildOptions options, Diagnostics diagnostics) {
        return new SiteSession(options, nanoTime).build(Changes.everything(), diagnostics);
    }

    private Duration since(long start) {
        return Duration.ofNanos(nanoTime.getAsLong() - start);
    }
}
