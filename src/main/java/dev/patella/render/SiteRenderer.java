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
        String css = assets.find(STYLESHEET).orElseGet(() -> {
            diagnostics.error("template.missing", SourceSpan.startOf("templates/assets/" + STYLESHEET),
                    "the stylesheet templates/assets/" + STYLESHEET + " is missing; restore it");
            return "assets/" + STYLESHEET;
        });
        var views = new ViewBuilder(index, markdown, references, new Layouts(index, css), json, diagnostics);
        List<Job> jobs = new ArrayList<>();
        jobs.add(new Job(Urls.HOME, "home.ftlh", Optional.empty(), views::home));
        jobs.add(new Job(Urls.EXERCISES, "exercises.ftlh", Optional.empty(), views::exercises));
        jobs.add(new Job(Urls.NOT_FOUND, "404.ftlh", Optional.empty(), views::notFound));
        index.conditions().forEach(c -> jobs.add(new Job(Urls.condition(c.slug()), "condition.ftlh",
                Optional.of(c.origin()), () -> views.condition(c))));
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
