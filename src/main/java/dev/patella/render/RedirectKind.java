package dev.patella.render;

import dev.patella.diag.Diagnostics;
import dev.patella.index.MovedAddresses;
import dev.patella.index.SiteIndex;
import dev.patella.index.Urls;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The old addresses pages keep ({@code moved_from:}): at each, a small page that sends the reader
 * on to the page's address now ({@code <meta http-equiv="refresh">}), names that address as the
 * canonical one, asks search engines not to list it, and shows a link for a browser that does not
 * follow it. Not in the sitemap, not in the search index, no navigation: it is not a page of its own.
 */
final class RedirectKind implements PageKind {

    @Override
    public String template() {
        return "redirect.ftlh";
    }

    @Override
    public List<PageJob> pages(Inputs inputs) {
        SiteIndex index = inputs.index();
        return index.moved().entrySet().stream().map(e -> job(index, e.getKey(), e.getValue())).toList();
    }

    /**
     * A redirect names no content file as its origin: it is no version of its page in another
     * language, and a page keeps many old addresses.
     */
    private PageJob job(SiteIndex index, String from, MovedAddresses.Move move) {
        String title = title(index, move.to());
        return new PageJob(from, template(), Optional.empty(), (v, d) -> view(v, d, from, move.to(), title))
                .keyedBy(List.of(from, move.to(), title));
    }

    /** The title of the page at {@code url}; a program is named by its condition. */
    private static String title(SiteIndex index, String url) {
        String page = url.endsWith("/program/") ? url.substring(0, url.length() - "program/".length()) : url;
        return index.findTitle(page).orElse(url);
    }

    @Override
    public boolean linksTerms() {
        return false;
    }

    @Override
    public boolean inSitemap() {
        return false;
    }

    private static ViewBuilder.Built view(ViewBuilder v, Diagnostics d, String from, String to, String pageTitle) {
        var config = v.index().site().config();
        Messages words = v.words();
        String title = words.format("title.page", Map.of("page", words.text("redirect.title"), "site", config.title()));
        var view = new Views.Redirect(config.language(), LanguageNames.dir(config.language()), title, pageTitle,
                Urls.relative(from, to), v.absolute(to), v.printedAddress(to));
        return new ViewBuilder.Built(view, v.markdownFor(from, d), List.of());
    }
}
