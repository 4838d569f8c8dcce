package dev.patella.build;

import dev.patella.cite.FormattedReference;
import dev.patella.cite.ReferenceFormatter;
import dev.patella.config.BuildOptions;
import dev.patella.diag.Diagnostics;
import dev.patella.diag.SourceSpan;
import dev.patella.index.Indexer;
import dev.patella.index.SiteIndex;
import dev.patella.index.Urls;
import dev.patella.markdown.CitationUse;
import dev.patella.markdown.LinkUse;
import dev.patella.markdown.MarkdownRenderer;
import dev.patella.model.Exercise;
import dev.patella.model.Site;
import dev.patella.model.StaticFile;
import dev.patella.output.HostingFiles;
import dev.patella.output.Publisher;
import dev.patella.output.SiteFiles;
import dev.patella.output.Sitemap;
import dev.patella.render.Assets;
import dev.patella.render.DataFile;
import dev.patella.render.RenderedPage;
import dev.patella.render.SiteRenderer;
import dev.patella.render.Templates;
import dev.patella.source.ContentLoader;
import dev.patella.validate.CitationChecker;
import dev.patella.validate.EditorialChecks;
import dev.patella.validate.LinkChecker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The build recipe: load, index, render, check, publish. The engines it holds (YAML, Markdown,
 * citations) are built once, so one {@code Builder} can run many builds.
 */
public final class Builder {

    private static final Pattern ID = Pattern.compile("\\sid=\"([^\"]+)\"");

    private final ContentLoader loader = new ContentLoader();
    private final MarkdownRenderer markdown = MarkdownRenderer.create();
    private final ReferenceFormatter formatter = ReferenceFormatter.ama();
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
     * @throws java.io.UncheckedIOException when a file cannot be read or written
     */
    public BuildResult build(BuildOptions options, Diagnostics diagnostics) {
        long start = nanoTime.getAsLong();
        OutputGuard.problem(options.project(), options.output()).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        Optional<Site> loaded = loader.load(options.project(), diagnostics);
        if (loaded.isEmpty()) {
            return new BuildResult(false, 0, 0, since(start));
        }
        Site site = loaded.get();
        if (options.baseUrlOverride().isPresent()) {
            site = new Site(site.config().withBaseUrl(options.baseUrlOverride().get()), site.people(),
                    site.references(), site.conditions(), site.exercises(), site.pages(), site.files(),
                    site.unreadable());
        }
        SiteIndex index = Indexer.index(site, options.drafts(), diagnostics);
        Map<String, FormattedReference> references = formatter.format(site.references());
        Assets assets = Assets.scan(options.templatesDir());
        var renderer = new SiteRenderer(markdown, new Templates(options.templatesDir()), assets);
        List<RenderedPage> pages = renderer.render(index, references, diagnostics);

        check(index, pages, assets, diagnostics);
        EditorialChecks.check(index, options.today(), options.strict(), diagnostics);
        SiteFiles files = files(index, pages, renderer.dataFiles(index), assets);
        if (diagnostics.hasErrors()) {
            return new BuildResult(false, pages.size(), files.size(), since(start));
        }
        new Publisher(options.output()).publish(files);
        return new BuildResult(true, pages.size(), files.size(), since(start));
    }

    private static void check(SiteIndex index, List<RenderedPage> pages, Assets assets, Diagnostics diagnostics) {
        List<CitationUse> citations = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        List<LinkUse> links = new ArrayList<>();
        Map<String, Set<String>> ids = new HashMap<>();
        for (RenderedPage page : pages) {
            citations.addAll(page.citations());
            listed.addAll(page.sources());
            links.addAll(page.links());
            ids.put(page.url(), ids(page, diagnostics));
        }
        CitationChecker.check(index.site().references(), !index.site().unreadable().sources(), citations, listed,
                diagnostics);
        Set<String> files = new HashSet<>();
        index.site().files().forEach(f -> files.add("/" + f.sitePath()));
        assets.files().values().forEach(a -> files.add("/" + a.sitePath()));
        files.add("/sitemap.xml");
        files.add("/robots.txt");
        var checker = new LinkChecker(ids, files);
        checker.check(links, diagnostics);
        List<LinkUse> illustrations = new ArrayList<>();
        for (Exercise e : index.exercises()) {
            e.illustration().ifPresent(i -> illustrations.add(new LinkUse(i.src(), true, i.at())));
        }
        checker.check(illustrations, diagnostics);
    }

    /** The ids a page's HTML holds; an id used twice (a heading named like a template section) is an error. */
    private static Set<String> ids(RenderedPage page, Diagnostics diagnostics) {
        Set<String> ids = new LinkedHashSet<>();
        Matcher m = ID.matcher(page.html());
        while (m.find()) {
            if (!ids.add(m.group(1))) {
                diagnostics.error("html.duplicate-id", page.origin().orElse(SourceSpan.startOf("templates")),
                        "the page " + page.url() + " has two parts with the id \"" + m.group(1) + "\", so links to it "
                                + "are ambiguous; rename the heading (or the template section) called " + m.group(1));
            }
        }
        return ids;
    }

    private static SiteFiles files(SiteIndex index, List<RenderedPage> pages, List<DataFile> data, Assets assets) {
        Map<String, byte[]> generated = new HashMap<>();
        List<String> sitemap = new ArrayList<>();
        for (RenderedPage page : pages) {
            generated.put(Urls.file(page.url()), page.html().getBytes(StandardCharsets.UTF_8));
            if (!page.url().equals(Urls.NOT_FOUND)) {
                sitemap.add(page.url());
            }
        }
        var baseUrl = index.site().config().baseUrl();
        generated.put("sitemap.xml", Sitemap.xml(baseUrl, sitemap).getBytes(StandardCharsets.UTF_8));
        generated.put("robots.txt", Sitemap.robots(baseUrl).getBytes(StandardCharsets.UTF_8));
        List<String> immutable = new ArrayList<>(assets.fingerprinted());
        data.stream().filter(DataFile::fingerprinted).forEach(f -> immutable.add(f.sitePath()));
        immutable.sort(null);
        generated.put(HostingFiles.HEADERS, HostingFiles.headers(immutable).getBytes(StandardCharsets.UTF_8));
        generated.put(HostingFiles.HTACCESS,
                HostingFiles.htaccess(baseUrl.getRawPath(), immutable).getBytes(StandardCharsets.UTF_8));
        data.forEach(f -> generated.put(f.sitePath(), f.bytes()));
        Map<String, java.nio.file.Path> copied = new HashMap<>();
        for (StaticFile f : index.site().files()) {
            copied.put(f.sitePath(), f.file());
        }
        assets.files().values().forEach(a -> copied.put(a.sitePath(), a.source()));
        return new SiteFiles(generated, copied);
    }

    private Duration since(long start) {
        return Duration.ofNanos(nanoTime.getAsLong() - start);
    }
}
