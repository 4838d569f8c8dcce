package dev.patella.render;

import dev.patella.diag.Diagnostics;
import dev.patella.index.SiteIndex;
import dev.patella.index.Urls;
import java.util.List;
import java.util.Optional;

/** The search page: a form, the address of the search index, and every page for readers without JavaScript. */
final class SearchKind implements PageKind {

    @Override
    public String template() {
        return "search.ftlh";
    }

    @Override
    public List<PageJob> pages(Inputs inputs) {
        return List.of(new PageJob(Urls.SEARCH, template(), Optional.empty(),
                (v, d) -> view(v, inputs.searchIndex(), inputs.findable(), d)));
    }

    @Override
    public List<Views.Link> navigation(SiteIndex index, Messages words) {
        return List.of(new Views.Link(words.text("nav.search"), Urls.SEARCH, false));
    }

    /** Its list of pages is for finding them, not for reading. */
    @Override
    public boolean linksTerms() {
        return false;
    }

    /**
     * It names the search index by a hash of its bytes, and the index holds the plain text of the
     * other pages, read from their renders: so it is specified and rendered after them.
     */
    @Override
    public boolean afterOthers() {
        return true;
    }

    @Override
    public List<String> fixedUrls() {
        return List.of(Urls.SEARCH);
    }

    @Override
    public Optional<String> section() {
        return Optional.of("search");
    }

    private static ViewBuilder.Built view(ViewBuilder v, String indexPath, List<SearchIndex.Entry> entries,
                                          Diagnostics d) {
        var md = v.markdownFor(Urls.SEARCH, d);
        String title = v.words().text("search.title");
        String description = v.words().text("search.description");
        var layout = v.layouts().layout(Urls.SEARCH, title, description, Urls.SEARCH, List.of(), v.disclaimer(md),
                v.data().page(Urls.SEARCH, title, description, List.of()))
                .withScripts(List.of(v.script("search.js", Urls.SEARCH)));
        var pages = entries.stream().map(e -> new Views.SearchEntry(e.title(), Urls.relative(Urls.SEARCH, e.url()),
                e.kind(), e.summary())).toList();
        return new ViewBuilder.Built(new Views.Search(layout, v.shared(Urls.SEARCH, "/" + indexPath), pages), md,
                List.of());
    }
}
