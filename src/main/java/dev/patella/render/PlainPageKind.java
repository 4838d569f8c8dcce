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
        return inputs.index().pages().stream().map(p -> new PageJob(Urls.page(p.slug()), template(),
                Optional.of(p.origin()), (v, d) -> view(v, p, d))).toList();
    }

    @Override
    public List<SearchIndex.Entry> findable(SiteIndex index, SearchIndex.Plain plain) {
        return index.pages().stream().map(p -> new SearchIndex.Entry(p.title(), Urls.page(p.slug()), "Page",
                p.summary(), "", plain.words(List.of(plain.of(p.body()))))).toList();
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
                ViewBuilder.checked("Last checked by our editors", p.reviewed())), md,
                ViewBuilder.keys(md, List.of()));
    }
}
