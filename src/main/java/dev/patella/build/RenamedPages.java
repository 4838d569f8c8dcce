package dev.patella.build;

import dev.patella.index.SiteIndex;
import dev.patella.index.SourcePages;
import dev.patella.index.Urls;
import dev.patella.model.Key;
import dev.patella.model.Site;
import dev.patella.model.Translation;
import dev.patella.validate.ContentLinkChecker;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the link checks need to know of pages whose address is not their file name's: the old address a
 * {@code slug:} left behind (a link still using it is told {@code moved_from:}), and the address a
 * translation's links write for each translated page (its source's).
 */
final class RenamedPages {

    private RenamedPages() {
    }

    /** The addresses pages would have by their file names, which their slugs changed, by site path. */
    static Map<String, ContentLinkChecker.Renamed> renamed(List<SiteIndex> editions, SourcePages sourcePages) {
        Map<String, ContentLinkChecker.Renamed> out = new HashMap<>();
        for (SiteIndex edition : editions) {
            Site site = edition.site();
            String prefix = site.config().prefix();
            String language = site.config().language();
            var each = new Each(prefix, language, sourcePages, out);
            site.conditions().forEach(c -> each.add(c.origin().file(), c.slug(), c.movedFrom(), Urls::condition));
            site.conditions().forEach(c -> each.add(c.origin().file(), c.slug(), c.movedFrom(), Urls::program));
            site.exercises().forEach(e -> each.add(e.origin().file(), e.slug(), e.movedFrom(), Urls::exercise));
            site.pages().forEach(p -> each.add(p.origin().file(), p.slug(), p.movedFrom(), Urls::page));
        }
        return out;
    }

    /** Each translated page's site path, with the address a translation's link writes for it. */
    static Map<String, String> sourceForms(List<SiteIndex> editions, SourcePages sourcePages) {
        Map<String, String> out = new HashMap<>();
        for (SiteIndex edition : editions.subList(1, editions.size())) {
            Site site = edition.site();
            String prefix = site.config().prefix();
            String language = site.config().language();
            site.conditions().forEach(c -> sourcePages.sourceSlug(c.origin().file(), language).ifPresent(s -> {
                out.put(prefix + Urls.condition(c.slug()), Urls.condition(s));
                out.put(prefix + Urls.program(c.slug()), Urls.program(s));
            }));
            site.exercises().forEach(e -> sourcePages.sourceSlug(e.origin().file(), language)
                    .ifPresent(s -> out.put(prefix + Urls.exercise(e.slug()), Urls.exercise(s))));
            site.pages().forEach(p -> sourcePages.sourceSlug(p.origin().file(), language)
                    .ifPresent(s -> out.put(prefix + Urls.page(p.slug()), Urls.page(s))));
        }
        return out;
    }

    /** Adds the pages of one edition. */
    private record Each(String prefix, String language, SourcePages sourcePages,
                        Map<String, ContentLinkChecker.Renamed> out) {

        void add(String file, String slug, List<Key> movedFrom, Function<String, String> url) {
            String name = file.substring(file.lastIndexOf('/') + 1);
            String stem = name.endsWith(".md") ? name.substring(0, name.length() - 3) : name;
            if (stem.equals(slug) || movedFrom.stream().anyMatch(k -> k.value().equals(stem))) {
                return;
            }
            Optional<String> sourceSlug = sourcePages.sourceSlug(file, language);
            String source = Translation.sourceFile(file, language);
            // a translation at its source's slug keeps its source's old addresses: moved_from goes there
            boolean inherits = sourceSlug.isPresent() && sourceSlug.get().equals(slug);
            String keeper = inherits ? source : file;
            String now = prefix.isEmpty() ? url.apply(slug) : url.apply(sourceSlug.orElse(slug));
            out.putIfAbsent(prefix + url.apply(stem), new ContentLinkChecker.Renamed(keeper, stem, now,
                    inherits ? source : file));
        }
    }
}
