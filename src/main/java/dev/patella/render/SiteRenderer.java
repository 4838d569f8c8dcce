package dev.patella.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.patella.cite.FormattedReference;
import dev.patella.diag.Diagnostics;
import dev.patella.diag.SourceSpan;
import dev.patella.index.SiteIndex;
import dev.patella.index.Urls;
import dev.patella.markdown.MarkdownRenderer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renders the pages of an indexed site through the project's templates. Pages are rendered in
 * parallel; the result is sorted by URL so it never depends on thread timing.
 *
 * <p>Each page is described by its {@link PageSpec}: everything it shows, Markdown still as
 * source, built by the same code as its view. Given the cache of an earlier render, a page whose
 * spec equals last time's is reused instead of rendered. What no spec holds (the templates, the
 * formatted references its citations are numbered from) is a shared input: when it changes,
 * every page is rendered again.
 */
public final class SiteRenderer {

    private static final String STYLESHEET = "style.css";
    private static final String ICON = "favicon.svg";
    /** The web app manifest, at the site root so its start URL can be the home page. */
    static final String MANIFEST = "manifest.webmanifest";
    private static final String SEARCH_INDEX = "search-index.json";
    /** Browsers ask for {@code /favicon.ico} whatever the page links, so the site root has one too. */
    private static final String FAVICON_ICO = "favicon.ico";

    private final MarkdownRenderer markdown;
    private final Templates templates;
    private final Assets assets;
    private final ObjectMapper json = new ObjectMapper();
    private final SearchIndex search;
    /** The last search index made, by the index it was made from (renders run one at a time). */
    private volatile Searched searched;

    public SiteRenderer(MarkdownRenderer markdown, Templates templates, Assets assets) {
        this.markdown = markdown;
        this.templates = templates;
        this.assets = assets;
        this.search = new SearchIndex(json, markdown, PageKinds.ALL);
    }

    /** The names of the files it makes at the site root besides pages ({@code manifest.webmanifest}, …). */
    public static List<String> rootFiles() {
        return List.of(MANIFEST, FAVICON_ICO);
    }

    /** The files of {@code templates/assets/} this renderer links pages to. */
    public Assets assets() {
        return assets;
    }

    /** The links the templates write literally, for link checks. */
    public List<TemplateLink> templateLinks() {
        return templates.links();
    }

    /**
     * Renders every page.
     *
     * @return the pages that rendered, by URL; a page whose template failed is left out (reported)
     */
    public List<RenderedPage> render(SiteIndex index, Map<String, FormattedReference> references,
                                     Diagnostics diagnostics) {
        return render(index, references, new RenderCache(), diagnostics);
    }

    /**
     * Renders the pages whose specs changed since the render that filled {@code cache}, reuses
     * the others, and leaves this render in the cache.
     *
     * @return every page of the site, by URL; a page whose template failed is left out (reported).
     *         The diagnostics of reused pages are reported again.
     */
    public List<RenderedPage> render(SiteIndex index, Map<String, FormattedReference> references, RenderCache cache,
                                     Diagnostics diagnostics) {
        String css = asset(STYLESHEET, diagnostics);
        String icon = asset(ICON, diagnostics);
        // what a spec does not hold: how its Markdown renders (citations are numbered from the
        // references), the templates that turn its view into HTML, the glossary terms it links
        Object shared = List.of(templates, references, index.site().glossary(), index.site().config());
        if (!shared.equals(cache.shared)) {
            cache.pages = new HashMap<>();
            cache.shared = shared;
            // on disk, the templates are known by their files, Patella itself by the note's version check
            cache.sharedHash = cache.keeping ? cache.hasher.of(List.of(templates.fingerprint(), references,
                    index.site().glossary(), index.site().config())).orElse("") : "";
        }
        search.rememberIn(cache);
        // the page language's words: today the site's language (one parameter, so a page in another language passes its own)
        Messages words = templates.words(index.site().config().language(), diagnostics);
        List<Views.Link> nav = PageKinds.ALL.stream().flatMap(k -> k.navigation(index, words).stream()).toList();
        var views = new ViewBuilder(index, markdown, references, new Layouts(index, css, icon, nav, words), json,
                name -> asset(name, diagnostics), words);
        var specs = views.specs();
        var glossary = new GlossaryLinker(index.site().glossary());
        String basePath = index.site().config().basePath();
        Searched searchable = searched(index, words);
        var findable = searchable.entries();
        String searchIndex = searchable.file().sitePath();
        Map<String, RenderCache.Entry> next = new HashMap<>();
        var inputs = new PageKind.Inputs(index, words, findable, searchIndex, Map.of(), cache::same);
        List<PageJob.Outcome> all = new ArrayList<>(renderChanged(jobs(false, inputs), specs, views, glossary, cache,
                basePath, next));
        // the sources page lists the pages that cite each source, so it is specified after them
        var late = new PageKind.Inputs(index, words, findable, searchIndex, citedBy(next, index), cache::same);
        all.addAll(renderChanged(jobs(true, late), specs, views, glossary, cache, basePath, next));
        cache.pages = next;
        cache.lastRendered = all.stream().map(o -> o.spec().url()).sorted().toList();

        List<RenderedPage> pages = new ArrayList<>(next.values().stream().map(RenderCache.Entry::page).toList());
        pages.sort(Comparator.comparing(RenderedPage::url));
        for (RenderedPage page : pages) {
            if (!page.diagnostics().isEmpty()) {
                diagnostics.addAll(page.diagnostics());
            }
        }
        for (PageJob.Outcome outcome : all) {
            if (outcome.page().isEmpty()) {
                diagnostics.addAll(outcome.diagnostics());
            }
        }
        return List.copyOf(pages);
    }

    /**
     * Specifies every page of {@code jobs}, puts those whose spec equals the cached one into
     * {@code next} as they were, and renders the rest (in parallel) into {@code next}.
     *
     * @return what rendering each changed page gave
     */
    private List<PageJob.Outcome> renderChanged(List<PageJob> jobs, ViewBuilder specs, ViewBuilder views,
                                                GlossaryLinker glossary, RenderCache cache, String basePath,
                                                Map<String, RenderCache.Entry> next) {
        List<PageSpec> all = jobs.parallelStream().map(job -> {
            RenderCache.Entry before = cache.pages.get(job.url());
            boolean sameInputs = job.specKey() != null && before != null && job.specKey().equals(before.specKey());
            return sameInputs ? before.spec() : job.spec(specs);
        }).toList();
        List<String> hashes = cache.keeping
                ? all.parallelStream().map(spec -> cache.hasher.of(spec).orElse("")).toList()
                : Collections.nCopies(all.size(), "");
        List<Integer> todo = new ArrayList<>();
        List<Integer> earlier = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            RenderCache.Entry before = cache.pages.get(all.get(i).url());
            if (before != null && before.spec().equals(all.get(i))) {
                next.put(before.page().url(), new RenderCache.Entry(before.spec(), before.specHash(),
                        before.htmlHash(), before.page(), jobs.get(i).specKey()));
            } else {
                (hashes.get(i).isEmpty() ? todo : earlier).add(i);
            }
        }
        // pages an earlier run made from the same spec, their HTML read back from where it published them
        List<Optional<RenderCache.Entry>> found = earlier.parallelStream()
                .map(i -> cache.fromEarlierRun(all.get(i), hashes.get(i))).toList();
        for (int k = 0; k < earlier.size(); k++) {
            if (found.get(k).isPresent()) {
                next.put(found.get(k).get().page().url(), found.get(k).get());
            } else {
                todo.add(earlier.get(k));
            }
        }
        List<PageJob.Outcome> made = todo.parallelStream()
                .map(i -> jobs.get(i).render(all.get(i), views, templates, glossary, basePath)).toList();
        for (int k = 0; k < made.size(); k++) {
            int i = todo.get(k);
            Object key = jobs.get(i).specKey();
            made.get(k).page().ifPresent(page -> next.put(page.url(),
                    new RenderCache.Entry(all.get(i), hashes.get(i), "", page, key)));
        }
        return made;
    }

    /** The pages of every kind that is specified after the others ({@code late}), or before them. */
    private static List<PageJob> jobs(boolean late, PageKind.Inputs inputs) {
        return PageKinds.ALL.stream().filter(k -> k.afterOthers() == late)
                .flatMap(k -> k.pages(inputs).stream().map(job -> job.linkingTerms(k.linksTerms()))).toList();
    }

    /**
     * The files made besides the pages: the search index (its name carries a hash of its
     * contents, like the stylesheet's) and the web app manifest.
     */
    public List<DataFile> dataFiles(SiteIndex index) {
        List<DataFile> files = new ArrayList<>(List.of(
                searched(index, lastWords(index)).file(),
                new DataFile(MANIFEST, WebAppManifest.write(json, index.site().config(), "assets/" + ICON), false)));
        assets.files().entrySet().stream().filter(e -> e.getKey().equals(FAVICON_ICO)).findFirst()
                .ifPresent(e -> {
                    try {
                        files.add(new DataFile(FAVICON_ICO, Files.readAllBytes(e.getValue().source()),
                                false));
                    } catch (IOException x) {
                        throw new UncheckedIOException("cannot read " + e.getValue().source(), x);
                    }
                });
        return List.copyOf(files);
    }

    /** The search index of {@code index}, made once per index: pages and data files both need it. */
    private Searched searched(SiteIndex index, Messages words) {
        Searched last = searched;
        if (last != null && last.index() == index && last.words() == words) {
            return last;
        }
        List<SearchIndex.Entry> entries = search.entries(index, words);
        byte[] bytes = search.write(entries);
        var file = new DataFile("assets/" + Assets.fingerprint(SEARCH_INDEX, bytes), bytes, true);
        last = new Searched(index, words, entries, file);
        searched = last;
        return last;
    }

    private record Searched(SiteIndex index, Messages words, List<SearchIndex.Entry> entries, DataFile file) {
    }

    /** The words the last render of {@code index} used; read again (problems already reported by that render) otherwise. */
    private Messages lastWords(SiteIndex index) {
        Searched last = searched;
        if (last != null && last.index() == index) {
            return last.words();
        }
        return templates.words(index.site().config().language(), new Diagnostics(Integer.MAX_VALUE));
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
    private static Map<String, List<Views.Link>> citedBy(Map<String, RenderCache.Entry> pages, SiteIndex index) {
        Map<String, List<Views.Link>> out = new LinkedHashMap<>();
        pages.values().stream().map(RenderCache.Entry::page).filter(p -> !p.url().equals(Urls.SOURCES))
                .sorted(Comparator.comparing(RenderedPage::url)).forEach(page -> {
                    for (String key : page.sources()) {
                        out.computeIfAbsent(key, k -> new ArrayList<>()).add(new Views.Link(
                                index.findTitle(page.url()).orElse(page.url()),
                                Urls.relative(Urls.SOURCES, page.url()), false));
                    }
                });
        return out;
    }
}
