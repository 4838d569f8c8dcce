package dev.patella.build;

import dev.patella.config.BuildOptions;
import dev.patella.diag.Diagnostics;
import dev.patella.output.SiteWriter;
import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The build recipe: make the site in memory with a {@link SiteSession}, then publish it when the
 * content has no errors. When nothing the build reads has changed since the last successful build
 * and the site is as that build left it, it stops at once (see {@link BuildCache}). {@link #check} makes it without publishing and adds the stricter rules
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
        var cache = BuildCache.of(options);
        var remembered = cache.lookup();
        if (remembered.isPresent() && writer.intact()) {
            remembered.get().warnings().forEach(diagnostics::add);
            return new BuildResult(true, remembered.get().pages(), remembered.get().files(), 0, since(start), List.of());
        }
        cache.forget();
        SiteBuild site = makeForPublishing(options, diagnostics);
        if (site.index().isEmpty() || diagnostics.hasErrors()) {
            return new BuildResult(false, site.pages().size(), site.files().size(), 0, since(start), List.of());
        }
        var written = writer.write(site.files());
        cache.remember(site.pages().size(), site.files().size(), diagnostics.sorted());
        return new BuildResult(true, site.pages().size(), site.files().size(), written.files(), since(start),
                written.warnings());
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

    private SiteBuild makeForPublishing(BuildOptions options, Diagnostics diagnostics) {
        return SiteSession.forBuild(options, nanoTime).build(Changes.everything(), diagnostics);
    }

    private Duration since(long start) {
        return Duration.ofNanos(nanoTime.getAsLong() - start);
    }
}
