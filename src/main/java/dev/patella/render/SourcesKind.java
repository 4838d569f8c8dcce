package dev.patella.render;

import com.ibm.icu.text.Collator;
import com.ibm.icu.util.ULocale;
import dev.patella.cite.FormattedReference;
import dev.patella.diag.Diagnostics;
import dev.patella.index.SiteIndex;
import dev.patella.index.Urls;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The sources page: every reference once, with the pages that cite it. */
final class SourcesKind implements PageKind {

    @Override
    public String template() {
        return "sources.ftlh";
    }

    @Override
    public List<PageJob> pages(Inputs inputs) {
        return List.of(new PageJob(Urls.SOURCES, template(), Optional.empty(),
                (v, d) -> view(v, inputs.citedBy(), d)));
    }

    @Override
    public List<Views.Link> navigation(SiteIndex index, Messages words) {
        return List.of(new Views.Link(words.text("nav.sources"), Urls.SOURCES, false));
    }

    @Override
    public List<String> fixedUrls() {
        return List.of(Urls.SOURCES);
    }

    @Override
    public Optional<String> section() {
        return Optional.of("sources");
    }

    @Override
    public List<SearchIndex.Entry> findable(SiteIndex index, Messages words, SearchIndex.Plain plain) {
        return List.of(new SearchIndex.Entry(words.text("sources.title"), Urls.SOURCES, words.text("search.kind.page"),
                words.text("sources.description"), ""));
    }

    /** It lists which pages cite each source, which is known once they are rendered. */
    @Override
    public boolean afterOthers() {
        return true;
    }

    /** @param citedBy for each source key, the pages that list it */
    private static ViewBuilder.Built view(ViewBuilder v, Map<String, List<Views.Link>> citedBy, Diagnostics d) {
        var md = v.markdownFor(Urls.SOURCES, d);
        // in the order of a reference list, by first author (or title), as the page's language sorts words
        Collator order = Collator.getInstance(ULocale.forLanguageTag(v.words().language()));
        var sources = v.formatted().values().stream()
                .sorted(Comparator.comparing(FormattedReference::text, order))
                .map(r -> new Views.Source(r.id(), r.html(), citedBy.getOrDefault(r.id(), List.of()))).toList();
        String title = v.words().text("sources.title");
        String description = v.words().text("sources.description");
        var layout = v.layouts().layout(Urls.SOURCES, title, description, Urls.SOURCES, List.of(),
                v.disclaimer(md), v.data().page(Urls.SOURCES, title, description, v.index().site().references()));
        return new ViewBuilder.Built(new Views.Sources(layout, sources, v.siteChecked()), md, List.of());
    }
}
