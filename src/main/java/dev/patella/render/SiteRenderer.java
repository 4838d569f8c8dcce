package dev.patella.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.patella.cite.FormattedReference;
import dev.patella.diag.Diagnostic;
import dev.patella.diag.Diagnostics;
import dev.patella.diag.SourceSpan;
import dev.patella.index.SiteIndex;
import dev.patella.index.Urls;
import dev.patella.index.Usage;
import dev.patella.markdown.MarkdownRenderer;
import dev.patella.model.Chain;
import dev.patella.model.Condition;
import dev.patella.model.Dose;
import dev.patella.model.Exercise;
import dev.patella.model.Key;
import dev.patella.model.Page;
import dev.patella.model.Phase;
import dev.patella.model.ProgramStep;
import dev.patella.validate.TemplateLink;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Renders the pages of an indexed site through the project's templates. Pages are rendered in
 * parallel; the result is sorted by URL so it never depends on thread timing.
 *
 * <p>Each page is described by its inputs: the parts of the content its view reads (an
 * exercise page: the exercise and where it is used; a condition page: the condition and the
 * cards of its exercises; the list pages: the cards they list). Given the cache of an earlier
 * render, a page whose inputs are equal to last time's is reused instead of rendered. Anything
 * every page shows (the site settings, the navigation, people, references, the templates
 * themselves) is a shared input: when it changes, every page is rendered again.
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
    private final SearchIndex search;
    /** The last search index made, by the index it was made from (renders run one at a time). */
    private volatile Searched searched;

    public SiteRenderer(MarkdownRenderer markdown, Templates templates, Assets assets) {
        this.markdown = markdown;
        this.templates = templates;
        this.assets = assets;
        this.search = new SearchIndex(json, markdown);
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
     * Renders the pages whose inputs changed since the render that filled {@code cache}, reuses
     * the others, and leaves this render in the cache.
     *
     * @return every page of the site, by URL; a page whose template failed is left out (reported).
     *         The diagnostics of reused pages are reported again.
     */
    public List<RenderedPage> render(SiteIndex index, Map<String, FormattedReference> references, RenderCache cache,
                                     Diagnostics diagnostics) {
        String css = asset(STYLESHEET, diagnostics);
        String icon = asset(ICON, diagnostics);
        Object shared = List.of(templates, css, icon, assets, index.site().config(), index.site().people(), references,
                navigation(index));
        if (!shared.equals(cache.shared)) {
            cache.pages = new HashMap<>();
            cache.shared = shared;
        }
        var views = new ViewBuilder(index, markdown, references, new Layouts(index, css, icon), json,
                name -> asset(name, diagnostics));
        List<Job> jobs = jobs(index, views, search, searchFile(index).sitePath());
        Map<String, RenderCache.Entry> next = new HashMap<>();
        List<Job> todo = new ArrayList<>();
        for (Job job : jobs) {
            RenderCache.Entry before = cache.pages.get(job.url);
            if (before != null && before.inputs().equals(job.inputs)) {
                next.put(job.url, before);
            } else {
                todo.add(job);
            }
        }
        String basePath = index.site().config().basePath();
        List<Outcome> made = todo.parallelStream().map(job -> job.run(templates, basePath)).toList();
        for (Outcome outcome : made) {
            outcome.page.ifPresent(page -> next.put(page.url(), new RenderCache.Entry(outcome.job.inputs, page)));
        }
        var sourcesJob = sourcesJob(next, index, views);
        RenderCache.Entry before = cache.pages.get(Urls.SOURCES);
        List<Outcome> all = new ArrayList<>(made);
        if (before != null && before.inputs().equals(sourcesJob.inputs)) {
            next.put(Urls.SOURCES, before);
        } else {
            Outcome outcome = sourcesJob.run(templates, basePath);
            all.add(outcome);
            outcome.page.ifPresent(page -> next.put(page.url(), new RenderCache.Entry(sourcesJob.inputs, page)));
        }
        cache.pages = next;
        cache.lastRendered = all.stream().map(o -> o.job.url).sorted().toList();

        List<RenderedPage> pages = new ArrayList<>(next.values().stream().map(RenderCache.Entry::page).toList());
        pages.sort(Comparator.comparing(RenderedPage::url));
        for (RenderedPage page : pages) {
            if (!page.diagnostics().isEmpty()) {
                diagnostics.addAll(page.diagnostics());
            }
        }
        for (Outcome outcome : all) {
            if (outcome.page.isEmpty()) {
                diagnostics.addAll(outcome.diagnostics);
            }
        }
        return List.copyOf(pages);
    }

    private static List<Job> jobs(SiteIndex index, ViewBuilder views, SearchIndex search, String searchIndex) {
        List<Job> jobs = new ArrayList<>();
        var entries = search.entries(index);
        jobs.add(new Job(Urls.SEARCH, "search.ftlh", Optional.empty(), List.of(searchIndex, entries),
                d -> views.search(searchIndex, entries, d)));
        List<Object> homeInputs = new ArrayList<>();
        for (Condition c : index.conditions()) {
            homeInputs.add(List.of(c.slug(), c.title(), c.summary(), program(c, index)));
        }
        jobs.add(new Job(Urls.HOME, "home.ftlh", Optional.empty(), homeInputs, views::home));
        jobs.add(new Job(Urls.EXERCISES, "exercises.ftlh", Optional.empty(),
                index.exercises().stream().map(Card::of).toList(), views::exercises));
        jobs.add(new Job(Urls.NOT_FOUND, "404.ftlh", Optional.empty(), "404", views::notFound));
        for (Condition c : index.conditions()) {
            jobs.add(new Job(Urls.condition(c.slug()), "condition.ftlh", Optional.of(c.origin()),
                    List.of(c, program(c, index)), d -> views.condition(c, d)));
            jobs.add(new Job(Urls.program(c.slug()), "program.ftlh", Optional.of(c.origin()),
                    List.of(c, programExercises(c, index)), d -> views.program(c, d)));
        }
        for (Exercise e : index.exercises()) {
            var usedIn = index.usagesOf(e.slug()).stream().map(UsedIn::of).toList();
            jobs.add(new Job(Urls.exercise(e.slug()), "exercise.ftlh", Optional.of(e.origin()),
                    List.of(e, usedIn), d -> views.exercise(e, d)));
        }
        for (Page p : index.pages()) {
            jobs.add(new Job(Urls.page(p.slug()), "page.ftlh", Optional.of(p.origin()), p, d -> views.page(p, d)));
        }
        return jobs;
    }

    private static Job sourcesJob(Map<String, RenderCache.Entry> pages, SiteIndex index, ViewBuilder views) {
        var citedBy = citedBy(pages, index);
        return new Job(Urls.SOURCES, "sources.ftlh", Optional.empty(), citedBy, d -> views.sources(citedBy, d));
    }

    /** What the printable program shows: each exercise of the program in full. */
    private static List<Object> programExercises(Condition c, SiteIndex index) {
        return c.program().stream().flatMap(step -> step.exercises().stream()).map(Key::value)
                .map(index::findExercise).flatMap(Optional::stream).map(e -> (Object) e).toList();
    }

    /** What a program shows of each exercise: per phase, its title, summary and exercise cards. */
    private static List<Object> program(Condition c, SiteIndex index) {
        List<Object> out = new ArrayList<>();
        for (ProgramStep step : c.program()) {
            out.add(List.of(step.title(), step.phase(), step.summary(), step.exercises().stream().map(Key::value)
                    .map(index::findExercise).flatMap(Optional::stream).map(Card::of).toList()));
        }
        return out;
    }

    /**
     * The files made besides the pages: the search index (its name carries a hash of its
     * contents, like the stylesheet's) and the web app manifest.
     */
    public List<DataFile> dataFiles(SiteIndex index) {
        List<DataFile> files = new ArrayList<>(List.of(
                searchFile(index),
                new DataFile(MANIFEST, Manifest.write(json, index.site().config(), "assets/" + ICON), false)));
        // browsers ask for /favicon.ico whatever the page links, so the site root has one too
        assets.files().entrySet().stream().filter(e -> e.getKey().equals("favicon.ico")).findFirst()
                .ifPresent(e -> {
                    try {
                        files.add(new DataFile("favicon.ico", java.nio.file.Files.readAllBytes(e.getValue().source()),
                                false));
                    } catch (java.io.IOException x) {
                        throw new java.io.UncheckedIOException("cannot read " + e.getValue().source(), x);
                    }
                });
        return List.copyOf(files);
    }

    /** The search index of {@code index}, made once per index: pages and data files both need it. */
    private DataFile searchFile(SiteIndex index) {
        Searched last = searched;
        if (last != null && last.index() == index) {
            return last.file();
        }
        byte[] bytes = search.write(index);
        var file = new DataFile("assets/" + Assets.fingerprint(SEARCH_INDEX, bytes), bytes, true);
        searched = new Searched(index, file);
        return file;
    }

    private record Searched(SiteIndex index, DataFile file) {
    }

    /** The site path of an asset; a missing one is reported and its unhashed path returned. */
    private String asset(String name, Diagnostics diagnostics) {
        return assets.find(name).orElseGet(() -> {
            diagnostics.error("template.missing", SourceSpan.startOf("templates/assets/" + name),
                    "the asset templates/assets/" + name + " is missing; restore it");
            return "assets/" + name;
        });
    }

    /** What the navigation every page carries shows: the conditions and the footer's pages. */
    private static List<Object> navigation(SiteIndex index) {
        List<Object> out = new ArrayList<>();
        index.conditions().forEach(c -> out.add(List.of(c.slug(), c.title())));
        index.pages().stream().filter(Page::nav).forEach(p -> out.add(List.of(p.slug(), p.title())));
        return out;
    }

    /** What an exercise card shows: the inputs of the pages that list exercises. */
    private record Card(String slug, String title, String summary, Phase phase, Chain chain, Dose dose,
                        List<String> muscles) {
        static Card of(Exercise e) {
            return new Card(e.slug(), e.title(), e.summary(), e.phase(), e.chain(), e.dose(), e.muscles().primary());
        }
    }

    /** What an exercise page shows of a program it is part of. */
    private record UsedIn(String condition, String title, Phase phase, int position) {
        static UsedIn of(Usage u) {
            return new UsedIn(u.condition().slug(), u.condition().title(), u.step().phase(), u.position());
        }
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

    /** What rendering one page gave: the page, or nothing and the reasons. */
    private record Outcome(Job job, Optional<RenderedPage> page, List<Diagnostic> diagnostics) {
    }

    private record Job(String url, String template, Optional<SourceSpan> origin, Object inputs,
                       Function<Diagnostics, ViewBuilder.Built> view) {
        Outcome run(Templates templates, String basePath) {
            var diagnostics = new Diagnostics(Integer.MAX_VALUE);
            ViewBuilder.Built built = view.apply(diagnostics);
            Optional<RenderedPage> page = templates.render(template, built.view(), origin, diagnostics).map(html -> {
                var facts = new HtmlFacts(url, html, basePath, origin.orElse(SourceSpan.startOf("templates/"
                        + template)), diagnostics);
                return new RenderedPage(url, template, origin, html.getBytes(StandardCharsets.UTF_8),
                        built.markdown().links(), built.markdown().citations(), built.sources(), facts.ids,
                        facts.targets, diagnostics.sorted());
            });
            return new Outcome(this, page, diagnostics.sorted());
        }
    }
}
