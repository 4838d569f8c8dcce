package dev.patella.build;

import dev.patella.config.BuildOptions;
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

    /** @param nanoTime a monotonic clock for the time taken, {@code System::nanoTime} outside tests */
    public Builder(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /**
     * Builds the site and, when the content has no errors, publishes it to {@code options.output()}.
     * Problems in the content are added to {@code diagnostics}; the previous site is then left as it was.
     *
     * @throws IllegalArgumentException when the output folder is unsafe to replace (the message says why)
     * @throws dev.patella.diag.FileFailure when a file cannot be read or written (its message says why and what to do)
     */
    public BuildResult build(BuildOptions options, Diagnostics diagnostics) {
        long start = nanoTime.getAsLong();
        OutputGuard.problem(options.project(), options.output()).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        var writer = new SiteWriter(options.output(), nanoTime);
        // site/ is checked against its manifest on the other core while this one fingerprints the inputs
        CompletableFuture<Optional<Map<String, String>>> published = CompletableFuture.supplyAsync(writer::onDisk);
        var cache = BuildCache.of(options);
        var remembered = cache.lookup();
        var onDisk = Background.joined(published);
        if (remembered.isPresent() && onDisk.isPresent()) {
            remembered.get().warnings().forEach(diagnostics::add);
            return new BuildResult(true, remembered.get().pages(), 0, remembered.get().files(), 0, since(start),
                    List.of());
        }
        cache.forget();
        // the pages the last build made, reused where their inputs are the same and site/ still holds them
        var kept = KeptBuild.of(options);
        // the note of the files parsed is read on the other core while this one reads the pages' note
        CompletableFuture<KeptDocuments> documentsNote = CompletableFuture.supplyAsync(() -> KeptDocuments.of(options));
        var renders = RenderCache.keeping();
        var editorial = new EditorialChecks();
        kept.restore(kept.read(), renders, editorial, onDisk);
        var documents = Background.joined(documentsNote);
        var session = SiteSession.forBuild(options, nanoTime, renders, editorial);
        session.keepDocumentsIn(documents.parsed());
        SiteBuild site = session.build(Changes.everything(), diagnostics);
        documents.remember();
        if (site.index().isEmpty() || diagnostics.hasErrors()) {
            return new BuildResult(false, site.pages().size(), site.rendered().size(), site.files().size(), 0,
                    since(start), List.of());
        }
        var pages = renders.kept();
        Map<String, String> known = new HashMap<>();
        pages.forEach((url, page) -> known.put(Urls.file(url), page.htmlHash()));
        var written = writer.write(site.files(), known);
        kept.remember(pages, renders, editorial);
        cache.remember(site.pages().size(), site.files().size(), diagnostics.sorted());
        return new BuildResult(true, site.pages().size(), site.rendered().size(), site.files().size(),
                written.changed(), since(start), written.warnings());
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

    private SiteBuild make(BuildOptions options, Diagnostics diagnostics) {
        return new SiteSession(options, nanoTime).build(Changes.everything(), diagnostics);
    }

    private Duration since(long start) {
        return Duration.ofNanos(nanoTime.getAsLong() - start);
    }
}
