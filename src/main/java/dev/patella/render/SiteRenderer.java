package dev.patella.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.patella.cite.FormattedReference;
import dev.patella.diag.Diagnostic;
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
import java.util.Set;
import java.util.HashSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

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
    /** Writes the printed-from address into a page's print-only addresses while base_url is an example; optional. */
    private static final String PRINT_SCRIPT = "print.js";
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
    /** The last search index made of each edition, by its language (renders run one at a time). */
    private final Map<String, Searched> searched = new ConcurrentHashMap<>();
    private volatile Alternates alternates = Alternates.none();
    /** The last render's editions, for {@link #ahead}; empty before the first. */
    private List<Ahead> ahead = List.of();

    public SiteRenderer(MarkdownRenderer markdown, Templates templates, Assets assets) {
        this.markdown = markdown;
        this.templates = templates;
        this.assets = assets;
        this.search = new SearchIndex(json, markdown, PageKinds.ALL);
    }

    /** Parses the templates now (see {@link Templates#prepare()}), so that the first render does not wait for it. */
    public void prepare() {
        templates.prepare();
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
        return render(List.of(index), List.of(references), cache, diagnostics);
    }

    /**
     * Renders the pages of every edition of the site (the default language first, then each other
     * language under its prefix), like {@link #render(SiteIndex, Map, RenderCache, Diagnostics)}.
     *
     * @param editions   the indexed site in each of its languages, the default first
     * @param references the references formatted for each edition, in the same order
     * @return every page of every edition, by site URL
     */
    public List<RenderedPage> render(List<SiteIndex> editions, List<Map<String, FormattedReference>> references,
                                     RenderCache cache, Diagnostics diagnostics) {
        return render(editions, references, cache, diagnostics, pages -> {
        });
    }

    /**
     * Like {@link #render(List, List, RenderCache, Diagnostics)}, and hands {@code first} the pages
     * rendered again as soon as they are made, before the search index and the pages made after it
     * (search, sources): those pages are final, so a preview can show them while the rest is made.
     * {@code first} is called once, on the calling thread, and not when no page was rendered again.
     */
    public List<RenderedPage> render(List<SiteIndex> editions, List<Map<String, FormattedReference>> references,
                                     RenderCache cache, Diagnostics diagnostics,
                                     Consumer<List<RenderedPage>> first) {
        cache.startRender();
        String css = asset(STYLESHEET, diagnostics);
        String icon = asset(ICON, diagnostics);
        String printScript = assets.find(PRINT_SCRIPT).orElse("");
        // what a spec does not hold: how its Markdown renders (citations are numbered from the
        // references), the templates that turn its view into HTML, the glossary terms it links
        List<Object> perEdition = editions.stream().map(i -> (Object) List.of(i.site().glossary(), i.site().config()))
                .toList();
        Object shared = List.of(templates, references, perEdition);
        if (!shared.equals(cache.shared)) {
            cache.pages = new HashMap<>();
            cache.shared = shared;
            // on disk, the templates are known by their files, Patella itself by the note's version check
            cache.sharedHash = cache.keeping ? cache.hasher.of(List.of(templates.fingerprint(), references,
                    perEdition)).orElse("") : "";
        }
        search.rememberIn(cache);
        List<Edition> runs = new ArrayList<>();
        Map<String, String> renamed = HandoutKind.renamed(editions.get(0));
        for (SiteIndex index : editions) {
            // each edition's pages in the words of its language; the search index is made after the
            // pages that are not late, from the plain texts their renders read (one parse per text),
            // and only the late search page names it
            Messages words = templates.words(index.site().config().language(), diagnostics);
            String prefix = index.site().config().prefix();
            var inputs = new PageKind.Inputs(index, words, List.of(), "", Map.of(), cache::same,
                    new PageKind.SharedKeys(), renamed);
            runs.add(new Edition(index, words, prefix, inputs, jobs(false, inputs, prefix), jobs(true, inputs, prefix)));
        }
        Alternates alternates = editions.size() > 1
                ? Alternates.of(editions, runs.stream().map(Edition::all).toList()) : Alternates.none();
        // a page's versions in other languages come from the other editions, not from its spec key
        Alternates before = cache.alternates;
        if (!alternates.aliases().equals(before.aliases())) {
            cache.pages = new HashMap<>(); // a page's spec may be reused by its inputs, which hold no links' targets
        }
        this.alternates = alternates;
        cache.alternates = alternates;
        Map<String, RenderCache.Entry> next = new HashMap<>();
        ahead = new ArrayList<>();
        List<PageJob.Outcome> all = new ArrayList<>();
        List<ViewBuilder> builders = new ArrayList<>();
        for (int e = 0; e < runs.size(); e++) {
            Edition run = runs.get(e);
            SiteIndex index = run.index();
            Messages words = run.words();
            List<Views.Link> nav = PageKinds.ALL.stream().flatMap(k -> k.navigation(index, words).stream()).toList();
            var views = new ViewBuilder(index, search.keepingPlainTexts(markdown), references.get(e),
                    new Layouts(index, css, icon, nav, words, alternates, printScript), json, name -> asset(name, diagnostics),
                    words);
            builders.add(views);
            var glossary = new GlossaryLinker(index.site().glossary());
            String basePath = index.site().config().siteBaseUrl().getRawPath();
            ahead.add(new Ahead(run.inputs(), run.prefix(), views, glossary, basePath));
            all.addAll(renderChanged(run.early(), views.specs(), views, glossary, cache, before, basePath, next));
        }
        List<RenderedPage> made = all.stream().flatMap(o -> o.page().stream()).toList();
        if (!made.isEmpty()) {
            first.accept(made);
        }
        List<Searched> searchables = runs.stream().map(run -> searched(run.index(), run.words())).toList();
        search.forgetRendered();
        // the sources page lists the pages that cite each source, so it is specified after them
        for (int e = 0; e < runs.size(); e++) {
            Edition run = runs.get(e);
            SiteIndex index = run.index();
            Searched searchable = searchables.get(e);
            var late = new PageKind.Inputs(index, run.words(), searchable.entries(), searchable.file().sitePath(),
                    citedBy(next, index, run.prefix(), run.early()), cache::same, new PageKind.SharedKeys(), renamed);
            ViewBuilder views = builders.get(e);
            all.addAll(renderChanged(jobs(true, late, run.prefix()), views.specs(), views,
                    new GlossaryLinker(index.site().glossary()), cache, before,
                    index.site().config().siteBaseUrl().getRawPath(), next));
        }
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
    private List<PageJob.Outcome> renderChanged(List<PageJob> given, ViewBuilder specs, ViewBuilder views,
                                                GlossaryLinker glossary, RenderCache cache, Alternates lastAlternates,
                                                String basePath, Map<String, RenderCache.Entry> next) {
        List<PageJob> jobs = cache.keeping ? keptByKey(given, cache, lastAlternates, next) : given;
        List<PageSpec> all = jobs.parallelStream().map(job -> {
            RenderCache.Entry before = cache.pages.get(job.siteUrl());
            boolean sameInputs = job.specKey() != null && before != null && before.spec() != null
                    && job.specKey().equals(before.specKey())
                    && alternates.of(job.siteUrl()).equals(lastAlternates.of(job.siteUrl()));
            return sameInputs ? before.spec() : job.spec(specs);
        }).toList();
        List<Integer> changed = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            RenderCache.Entry before = cache.pages.get(all.get(i).url());
            if (before != null && before.spec() != null && before.spec().equals(all.get(i))) {
                next.put(before.page().url(), new RenderCache.Entry(before.spec(), before.specHash(),
                        before.htmlHash(), before.page(), jobs.get(i).specKey()));
            } else {
                changed.add(i);
            }
        }
        // only the specs that changed are hashed: a kept page keeps its hash
        List<String> hashes = new ArrayList<>(Collections.nCopies(all.size(), ""));
        if (cache.keeping) {
            List<String> made = changed.parallelStream().map(i -> cache.hasher.of(all.get(i)).orElse("")).toList();
            for (int k = 0; k < changed.size(); k++) {
                hashes.set(changed.get(k), made.get(k));
            }
        }
        List<Integer> todo = new ArrayList<>();
        List<Integer> earlier = new ArrayList<>();
        for (int i : changed) {
            (hashes.get(i).isEmpty() ? todo : earlier).add(i);
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

    /**
     * For a cache kept on disk: puts into {@code next} each keyed page (see {@link PageJob#keyedBy})
     * an earlier run made from inputs that hash the same, without building its spec, and notes
     * every keyed page's input hash for the next run. A page the last render of this cache took
     * that way has no spec to compare: it is kept as that render had it when its inputs are the
     * same (as {@link #renderChanged} keeps a page with a spec), as the earlier run is forgotten
     * once the site is written.
     *
     * @return the jobs left to specify
     */
    private List<PageJob> keptByKey(List<PageJob> jobs, RenderCache cache, Alternates lastAlternates,
                                    Map<String, RenderCache.Entry> next) {
        Alternates versions = alternates;
        List<Optional<RenderCache.Entry>> found = jobs.parallelStream().map(job -> {
            if (job.specKey() == null) {
                return Optional.<RenderCache.Entry>empty();
            }
            // what the key leaves out: the page's versions in the other languages, named in its head,
            // and the translated slugs its links are mapped to
            String keyHash = cache.keyHash(job.specKey(),
                    List.of(job.siteUrl(), versions.languages(), versions.of(job.siteUrl()), versions.aliases()));
            cache.keyHashes.put(job.siteUrl(), keyHash);
            RenderCache.Entry before = cache.pages.get(job.siteUrl());
            if (before != null && before.spec() == null && job.specKey().equals(before.specKey())
                    && versions.of(job.siteUrl()).equals(lastAlternates.of(job.siteUrl()))) {
                return Optional.of(new RenderCache.Entry(null, before.specHash(), before.htmlHash(), before.page(),
                        job.specKey()));
            }
            return cache.fromEarlierKey(job.siteUrl(), keyHash, job.specKey());
        }).toList();
        List<PageJob> rest = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            if (found.get(i).isPresent()) {
                next.put(jobs.get(i).siteUrl(), found.get(i).get());
            } else {
                rest.add(jobs.get(i));
            }
        }
        return rest;
    }

    /** The pages of every kind that is specified after the others ({@code late}), or before them. */
    private static List<PageJob> jobs(boolean late, PageKind.Inputs inputs, String prefix) {
        return PageKinds.ALL.stream().filter(k -> k.afterOthers() == late)
                .flatMap(k -> k.pages(inputs).stream().map(job -> placed(k, job, prefix))).toList();
    }

    /** A kind's page as the site has it: in its edition, with glossary terms linked or not. */
    private static PageJob placed(PageKind kind, PageJob job, String prefix) {
        return job.linkingTerms(kind.linksTerms()).inEdition(prefix);
    }

    /**
     * The pages made from {@code model} (a plain page, exercise or condition read again from its file),
     * rendered with everything else as the last render had it, when nothing but the item's body
     * changed: the pages the next render will make of it, to show before it runs. Empty when the
     * item changed otherwise, there was no render yet, or a page would have an error.
     */
    public List<RenderedPage> ahead(Object model) {
        List<RenderedPage> out = new ArrayList<>();
        for (Ahead last : ahead) {
            for (PageKind kind : PageKinds.ALL) {
                kind.pageOf(last.inputs(), model).map(job -> placed(kind, job, last.prefix()))
                        .flatMap(job -> job.render(job.spec(last.views().specs()), last.views(), templates,
                                last.glossary(), last.basePath()).page())
                        .filter(page -> page.diagnostics().stream().noneMatch(Diagnostic::isError))
                        .ifPresent(out::add);
            }
        }
        return out;
    }

    /** What the last render made an edition's pages with: enough to make one of them again ({@link #ahead}). */
    private record Ahead(PageKind.Inputs inputs, String prefix, ViewBuilder views, GlossaryLinker glossary,
                         String basePath) {
    }

    /** One edition's pages: those specified first, and those specified after them ({@code late}). */
    private record Edition(SiteIndex index, Messages words, String prefix, PageKind.Inputs inputs,
                           List<PageJob> early, List<PageJob> late) {
        List<PageJob> all() {
            List<PageJob> out = new ArrayList<>(early);
            out.addAll(late);
            return out;
        }
    }

    /** The versions of every page in the site's languages, as the last render found them. */
    public Alternates alternates() {
        return alternates;
    }

    /**
     * The files made besides the pages: the search index (its name carries a hash of its
     * contents, like the stylesheet's) and the web app manifest.
     */
    public List<DataFile> dataFiles(SiteIndex index) {
        return dataFiles(List.of(index));
    }

    /**
     * Like {@link #dataFiles(SiteIndex)}, with a search index and a web app manifest per edition: each
     * language's manifest ({@code manifest.webmanifest}, {@code es/manifest.webmanifest}) has its
     * name, description and language, and starts at its home page.
     */
    public List<DataFile> dataFiles(List<SiteIndex> editions) {
        List<DataFile> files = new ArrayList<>();
        editions.forEach(edition -> files.add(searched(edition, lastWords(edition)).file()));
        for (SiteIndex edition : editions) {
            var config = edition.site().config();
            String home = config.prefix() + "/";
            files.add(new DataFile(home.substring(1) + MANIFEST,
                    WebAppManifest.write(json, config, Urls.relative(home, "/assets/" + ICON)), false));
        }
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
        Searched last = searched.get(index.site().config().language());
        if (last != null && last.index() == index && last.words() == words) {
            return last;
        }
        List<SearchIndex.Entry> entries = search.entries(index, words);
        byte[] bytes = search.write(entries);
        var file = new DataFile("assets/" + Assets.fingerprint(SEARCH_INDEX, bytes), bytes, true);
        last = new Searched(index, words, entries, file);
        searched.put(index.site().config().language(), last);
        return last;
    }

    private record Searched(SiteIndex index, Messages words, List<SearchIndex.Entry> entries, DataFile file) {
    }

    /** The words the last render of {@code index} used; read again (problems already reported by that render) otherwise. */
    private Messages lastWords(SiteIndex index) {
        Searched last = searched.get(index.site().config().language());
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

    /** For each source key, the pages that list it, in URL order, each by its title in the edition's language. */
    private static Map<String, List<Views.Link>> citedBy(Map<String, RenderCache.Entry> pages, SiteIndex index,
                                                         String prefix, List<PageJob> edition) {
        Map<String, List<Views.Link>> out = new LinkedHashMap<>();
        Set<String> mine = new HashSet<>();
        edition.forEach(job -> mine.add(job.siteUrl()));
        // most pages cite nothing: leave them out before sorting
        pages.values().stream().filter(e -> !e.page().sources().isEmpty())
                .filter(e -> mine.contains(e.page().url()))
                .filter(e -> !e.page().url().equals(prefix + Urls.SOURCES))
                .sorted(Comparator.comparing(e -> e.page().url())).forEach(entry -> {
                    String url = entry.page().url().substring(prefix.length());
                    String title = entry.page().title().isEmpty()
                            ? index.findTitle(url).orElse(url) : entry.page().title();
                    for (String key : entry.page().sources()) {
                        out.computeIfAbsent(key, k -> new ArrayList<>()).add(new Views.Link(
                                title, Urls.relative(Urls.SOURCES, url), false));
                    }
                });
        return out;
    }
}
