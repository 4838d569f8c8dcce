package dev.patella.render;

import dev.patella.diag.Diagnostics;
import dev.patella.index.SiteIndex;
import dev.patella.index.Urls;
import java.util.List;
import java.util.Optional;

/** The home page: the site's introduction and a card for each condition with its program. */
final class HomeKind implements PageKind {

    @Override
    public String template() {
        return "home.ftlh";
    }

    @Override
    public List<PageJob> pages(Inputs inputs) {
        return List.of(new PageJob(Urls.HOME, template(), Optional.empty(), HomeKind::view)
                .keyedBy(PlainPageKind.overview(inputs)));
    }

    @Override
    public List<Views.Link> navigation(SiteIndex index, Messages words) {
        return List.of(new Views.Link(words.text("nav.home"), Urls.HOME, false));
    }

    @Override
    public List<String> fixedUrls() {
        return List.of(Urls.HOME);
    }

    /** Its file is {@code index.html}, so a page called {@code index} would be confusing at best. */
    @Override
    public Optional<String> section() {
        return Optional.of("index");
    }

    @Override
    public List<SearchIndex.Entry> findable(SiteIndex index, Messages words, SearchIndex.Plain plain) {
        return List.of(new SearchIndex.Entry(words.text("nav.home"), Urls.HOME, words.text("search.kind.page"), index.site().config().description().strip(),
                ""));
    }

    private static ViewBuilder.Built view(ViewBuilder v, Diagnostics d) {
        var md = v.markdownFor(Urls.HOME, d);
        var config = v.index().site().config();
        String intro = md.block(ViewBuilder.settingsText(config.intro(), config.places().intro()));
        var cards = v.index().conditions().stream().map(c -> new Views.ConditionCard(c.title(),
                Urls.relative(Urls.HOME, Urls.condition(c.slug())), c.summary(),
                Urls.relative(Urls.HOME, Urls.program(c.slug())), v.program(c, Urls.HOME, md))).toList();
        var layout = v.layouts().layout(Urls.HOME, config.title(), config.description(), Urls.HOME, List.of(),
                v.disclaimer(md), v.data().page(Urls.HOME, config.title(), config.description(), List.of()));
        return new ViewBuilder.Built(new Views.Home(layout, intro, cards, v.siteChecked()), md, List.of());
    }
}
