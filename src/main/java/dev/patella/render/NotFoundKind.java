package dev.patella.render;

import dev.patella.diag.Diagnostics;
import dev.patella.index.Urls;
import java.util.List;
import java.util.Optional;

/** The page a host serves for an address the site does not have, at {@code /404.html}. */
final class NotFoundKind implements PageKind {

    @Override
    public String template() {
        return "404.ftlh";
    }

    @Override
    public List<PageJob> pages(Inputs inputs) {
        return List.of(new PageJob(Urls.NOT_FOUND, template(), Optional.empty(), NotFoundKind::view)
                .keyedBy(PlainPageKind.overview(inputs)));
    }

    /** It is served at any address, where a relative link would go astray. */
    @Override
    public boolean linksTerms() {
        return false;
    }

    @Override
    public List<String> fixedUrls() {
        return List.of(Urls.NOT_FOUND);
    }

    @Override
    public Optional<String> section() {
        return Optional.of("404");
    }

    /** It is no page of its own to find. */
    @Override
    public boolean inSitemap() {
        return false;
    }

    private static ViewBuilder.Built view(ViewBuilder v, Diagnostics d) {
        // served at any address, so its links start from the base path instead of being relative
        String base = v.index().site().config().basePath();
        var md = v.markdownFor(Urls.NOT_FOUND, to -> base + to.substring(1), d);
        String title = v.words().text("notfound.title");
        var layout = v.layouts().notFoundLayout(title, v.disclaimer(md),
                v.data().page(Urls.NOT_FOUND, title, v.index().site().config().description(), List.of()));
        return new ViewBuilder.Built(new Views.NotFound(layout), md, List.of());
    }
}
