package dev.patella.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.patella.cite.FormattedReference;
import dev.patella.diag.Diagnostics;
import dev.patella.diag.SourceSpan;
import dev.patella.index.SiteIndex;
import dev.patella.index.Urls;
import dev.patella.markdown.MarkdownRenderer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Renders every page of an indexed site through the project's templates. Pages are rendered in
 * parallel; the result is sorted by URL so it never depends on thread timing.
 */
public final class SiteRenderer {

    private static final String STYLESHEET = "style.css";
    private static final String ICON = "favicon.svg";
    /** The web app manifest, at the site root so its start URL can be the home page. */
    static final String MANIFEST = "manifest.webmanifest";
    private static final String SEARCH_INDEX = "search-index.json";

    private final MarkdownRenderer markdown;
    private final Templates templates;
    private final Assets assets;
    private final ObjectMapper json = new ObjectMapper();

    public SiteRenderer(MarkdownRenderer markdown, Templates templates, Assets assets) {
        this.markdown = markdown;
        this.templates = templates;
        this.assets = assets;
    }

    /**
     * @return the pages that rendered; a page whose template failed is left out (reported)
     */
    public List<RenderedPage> render(SiteIndex index, Map<String, FormattedReference> references,
                                     Diagnostics diagnostics) {
        String css = asset(STYLESHEET, diagnostics);
        String icon = asset(ICON, diagnostics);
        var views = new ViewBuilder(index, markdown, references, new Layouts(index, css, icon), json,
                name -> asset(name, diagnostics), diagnostics);
        var search = new SearchIndex(json, markdown);
        String searchIndex = searchIndexPath(index);
        List<Job> jobs = new ArrayList<>();
        jobs.add(new Job(Urls.HOME, "home.ftlh", Optional.empty(), views::home));
        jobs.add(new Job(Urls.EXERCISES, "exercises.ftlh", Optional.empty(), views::exercises));
        jobs.add(new Job(Urls.SEARCH, "search.ftlh", Optional.empty(),
                () -> views.search(searchIndex, search.entries(index))));
        jobs.add(new Job(Urls.NOT_FOUND, "404.ftlh", Optional.empty(), views::notFound));
        index.conditions().forEach(c -> jobs.add(new Job(Urls.condition(c.slug()), "condition.ftlh",
                Optional.of(c.origin()), () -> views.condition(c))));
        index.conditions().forEach(c -> jobs.add(new Job(Urls.program(c.slug()), "program.ftlh",
                Optional.of(c.origin()), () -> views.program(c))));
        index.exercises().forEach(e -> jobs.add(new Job(Urls.exercise(e.slug()), "exercise.ftlh",
                Optional.of(e.origin()), () -> views.exercise(e))));
        index.pages().forEach(p -> jobs.add(new Job(Urls.page(p.slug()), "page.ftlh", Optional.of(p.origin()),
                () -> views.page(p))));

        List<RenderedPage> pages = new ArrayList<>(jobs.parallelStream()
                .map(job -> job.run(templates, diagnostics)).flatMap(Optional::stream).toList());
        var sources = new Job(Urls.SOURCES, "sources.ftlh", Optional.empty(), () -> views.sources(citedBy(pages, index)));
        sources.run(templates, diagnostics).ifPresent(pages::add);
        pages.sort(Comparator.comparing(RenderedPage::url));
        return List.copyOf(pages);
    }

    /**
     * The files made besides the pages: the search index (its name carries a hash of its
     * contents, like the stylesheet's) and the web app manifest.
     */
    public List<DataFile> dataFiles(SiteIndex index) {
        List<DataFile> files = new ArrayList<>(List.of(
                new DataFile(searchIndexPath(index), new SearchIndex(json, markdown).write(index), true),
                new DataFile(MANIFEST, Manifest.write(json, index.site().config(), "assets/" + ICON), false)));
        // browsers ask for /favicon.ico whatever the page links, so the site root has one too
        assets.files().entrySet().stream().filter(e -> e.getKey().equals("favicon.ico")).findFirst()
                .ifPresent(e -> {
                    try {
                        files.add(new DataFile("favicon.ico", java.nio.file.Files.readAllBytes(e.getValue().source()), false));
                    } catch (java.io.IOException x) {
                        throw new java.io.UncheckedIOException("cannot read " + e.getValue().source(), x);
                    }
                });
        return List.copyOf(files);
    }

    private String searchIndexPath(SiteIndex index) {
        byte[] bytes = new SearchIndex(json, markdown).write(index);
        return "assets/" + Assets.fingerprint(SEARCH_INDEX, bytes);
    }

    /** The site path of an asset; a missing one is reported and its unhashed path returned. */
    private String asset(String name, Diagnostics diagnostics) {
        return assets.find(name).orElseGet(() -> {
            diagnostics.error("template.missing", SourceSpan.startOf("templates/assets/" + name),
                    "the asset templates/assets/" + name + " is missing; restore it");
            return "assets/" + name;
        });
    }

    /** For each source key, the pages that list it, in URL order. */
    private static Map<String, List<Views.Link>> citedBy(List<RenderedPage> pages, SiteIndex index) {
        Map<String, List<Views.Link>> out = new LinkedHashMap<>();
        pages.stream().sorted(Comparator.comparing(RenderedPage::url)).forEach(page -> {
            for (String key : page.sources()) {
                out.computeIfAbsent(key, k -> new ArrayList<>()).add(new Views.Link(title(page.url(), index),
                        Urls.relative(Urls.SOURCES, page.url()), false));
            }
        });
        return out;
    }

    private static String title(String url, SiteIndex index) {
        for (var c : index.conditions()) {
            if (Urls.condition(c.slug()).equals(url)) {
                return c.title();
            }
        }
        for (var e : index.exercises()) {
            if (Urls.exercise(e.slug()).equals(url)) {
                return e.title();
            }
        }
        return index.pages().stream().filter(p -> Urls.page(p.slug()).equals(url)).map(p -> p.title()).findFirst()
                .orElse(url);
    }

    private record Job(String url, String template, Optional<SourceSpan> origin, Supplier<ViewBuilder.Built> view) {
        Optional<RenderedPage> run(Templates templates, Diagnostics diagnostics) {
            ViewBuilder.Built built = view.get();
            return templates.render(template, built.view(), origin, diagnostics)
                    .map(html -> new RenderedPage(url, html, origin, built.markdown().links(),
                            built.markdown().citations(), built.sources()));
        }
    }
}
