package dev.patella.render;

import dev.patella.diag.Diagnostics;
import dev.patella.index.SiteIndex;
import dev.patella.index.Urls;
import dev.patella.model.Page;
import java.util.List;
import java.util.Optional;

/** A plain page such as about, at {@code /<slug>/}; the about page also lists the site's people. */
final class PlainPageKind implements PageKind {

    @Override
    public String template() {
        return "page.ftlh";
    }

    @Override
    public List<PageJob> pages(Inputs inputs) {
        Object shared = shared(inputs);
        return inputs.index().pages().stream().map(p -> job(p, shared)).toList();
    }

    @Override
    public Optional<PageJob> pageOf(Inputs inputs, Object model) {
        if (!(model instanceof Page edited)) {
            return Optional.empty();
        }
        return inputs.index().pages().stream().filter(p -> p.withBody(edited.body()).equals(edited)).findFirst()
                .map(p -> job(edited, shared(inputs)));
    }

    private PageJob job(Page p, Object shared) {
        return new PageJob(Urls.page(p.slug()), template(), Optional.of(p.origin()), (v, d) -> view(v, p, d))
                .keyedBy(List.of(p, shared));
    }

    /** {@link #shared(SiteIndex, Messages)}, the same object as last time when it is equal to it. */
    static Object shared(Inputs inputs) {
        return inputs.keys().get("shared", () -> inputs.same().apply(shared(inputs.index(), inputs.words())));
    }

    /**
     * The key of a page that shows the site as a whole (home, lists, programs, handout, glossary):
     * {@link #shared(Inputs)}, every exercise, the exercises' drawings' sizes (read from their
     * files, which no record holds) and the latest review of anything, which such pages give as the
     * site's last check.
     */
    static Object overview(Inputs inputs) {
        return inputs.keys().get("overview", () -> inputs.same().apply(List.of(shared(inputs),
                inputs.index().exercises(), ViewBuilder.illustrationSizes(inputs.index()),
                ViewBuilder.lastReviewed(inputs.index()))));
    }

    /**
     * What a plain page's spec reads besides its own page: the settings, the people, the sources,
     * the conditions (the navigation and the footer's help link; an exercise page's "used in"
     * list), the glossary, the files, what could not be read, the main navigation, the pages in the
     * footer, and whether there is an about page (people's profiles link to it). The formatted
     * references and the templates are not here: a change to either empties the render cache. When
     * this changes every plain page's spec is built again. Exercise pages read no more than this
     * and their exercise (see {@link ExerciseKind}). The other exercises are not here: no plain or
     * exercise page shows them (links to them are checked after rendering, against the whole site),
     * and with them every page's spec was made again when one exercise was edited: 950 exercise
     * and 3,000 plain pages at 4,000 generated pages.
     */
    static Object shared(SiteIndex index, Messages words) {
        var site = index.site();
        return List.of(site.config(), site.people(), site.references(), index.conditions(),
                site.glossary(), site.files(), site.unreadable(),
                PageKinds.ALL.stream().flatMap(k -> k.navigation(index, words).stream()).toList(),
                index.pages().stream().filter(Page::nav).toList(), index.urls().contains(Urls.page("about")));
    }

    @Override
    public List<SearchIndex.Entry> findable(SiteIndex index, Messages words, SearchIndex.Plain plain) {
        // in parallel (toList() keeps the order): each page's text is parsed for its words, and the
        // pages wait for the search index, so this was one core's work before all the rendering
        return index.pages().parallelStream().map(p -> new SearchIndex.Entry(p.title(), Urls.page(p.slug()), words.text("search.kind.page"),
                p.summary(), "", plain.words(List.of(p.body())))).toList();
    }

    private static ViewBuilder.Built view(ViewBuilder v, Page p, Diagnostics d) {
        String url = Urls.page(p.slug());
        var md = v.markdownFor(url, d);
        String body = md.block(p.body());
        var people = v.index().site().people().stream().map(person -> ViewBuilder.person(person, md)).toList();
        var refs = v.references(md, List.of());
        var layout = v.layouts().layout(url, p.title(), p.summary(), url, List.of(), v.disclaimer(md),
                v.data().page(url, p.title(), p.summary(), v.models(md, List.of())));
        return new ViewBuilder.Built(new Views.Page(layout, p.slug(), p.title(), p.summary(), body, people, refs,
                v.checked("checked.page", p.reviewed())), md,
                ViewBuilder.keys(md, List.of()));
    }
}
