package dev.patella.build;

import dev.patella.diag.Diagnostics;
import dev.patella.index.SiteIndex;
import dev.patella.index.SourcePages;
import dev.patella.index.Urls;
import dev.patella.markdown.CitationUse;
import dev.patella.markdown.LinkUse;
import dev.patella.model.Exercise;
import dev.patella.model.Translation;
import dev.patella.output.SiteOutput;
import dev.patella.render.Assets;
import dev.patella.render.DataFile;
import dev.patella.render.RenderedPage;
import dev.patella.validate.CheckRules;
import dev.patella.validate.CitationChecker;
import dev.patella.validate.GlossaryCheck;
import dev.patella.validate.ContentLinkChecker;
import dev.patella.validate.OutputLinkChecker;
import dev.patella.render.TemplateLink;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The whole-site checks after rendering: those every build runs, and the stricter ones of {@code check}. */
final class SiteChecks {

    private SiteChecks() {
    }

    /**
     * Citations, and links in Markdown, front matter, templates and the finished pages.
     *
     * @param memory what the previous check of the same session learnt: pages equal to ones that
     *               had no broken link, against the same site, are not checked again
     */
    static void check(SiteIndex index, List<RenderedPage> pages, Assets assets, List<DataFile> data,
                      List<TemplateLink> templateLinks, OutputLinkChecker.Memory memory, Diagnostics diagnostics) {
        check(List.of(index), pages, assets, data, templateLinks, memory, diagnostics);
    }

    /**
     * Like {@link #check(SiteIndex, List, Assets, List, List, OutputLinkChecker.Memory, Diagnostics)}
     * over every edition of the site at once: {@code pages} are the pages of them all, by site URL.
     */
    static void check(List<SiteIndex> editions, List<RenderedPage> pages, Assets assets, List<DataFile> data,
                      List<TemplateLink> templateLinks, OutputLinkChecker.Memory memory, Diagnostics diagnostics) {
        SiteIndex index = editions.get(0);
        List<CitationUse> citations = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        List<LinkUse> links = new ArrayList<>();
        Map<String, Set<String>> ids = new HashMap<>();
        for (RenderedPage page : pages) {
            citations.addAll(page.citations());
            listed.addAll(page.sources());
            links.addAll(page.links());
            ids.put(page.url(), page.ids());
        }
        Set<String> broken = new HashSet<>();
        for (SiteIndex edition : editions) {
            String prefix = edition.site().config().prefix();
            edition.urls().forEach(url -> broken.add(prefix + url));
        }
        broken.removeAll(ids.keySet());
        editions.forEach(e -> broken.addAll(ContentLinkChecker.unreadPages(e.site().config().prefix(),
                e.site().unreadable())));
        boolean everyPageMade = broken.isEmpty() && index.site().unreadable().folders().isEmpty();
        // a refused file is reported where it is, not again at every link to it
        broken.addAll(index.site().unreadable().files());
        if (!everyPageMade) {
            // a page that could not be read or rendered (its own error says why) may cite any
            // source: none is called unused until every page is made
            index.site().references().forEach(r -> listed.add(r.id()));
        }
        CitationChecker.check(index.site().references(), index.site().unreadable().sources(), citations, listed,
                index.site(), diagnostics);
        // a term used only on a page that could not be made is not unused: that page's error says why
        Map<String, String> drafts = new HashMap<>();
        SourcePages sourcePages = SourcePages.of(index.site());
        editions.forEach(e -> drafts.putAll(ContentLinkChecker.draftPages(e.site().config().prefix(), e.site(),
                sourcePages)));
        var checker = new ContentLinkChecker(ids, SiteOutput.notPages(index, assets, data), broken,
                index.site().unreadable().folders(), drafts,
                editions.stream().skip(1).map(e -> e.site().config().prefix()).toList(), moves(editions),
                RenamedPages.renamed(editions, sourcePages), RenamedPages.sourceForms(editions, sourcePages));
        // a link to the entry of a source with a mistake: that entry's own error says what to fix
        var unreadSources = index.site().unreadable().sources();
        Set<String> sourcesPages = new HashSet<>();
        editions.forEach(e -> sourcesPages.add(e.site().config().prefix() + Urls.SOURCES));
        links.removeIf(l -> sourcesPages.contains(ContentLinkChecker.pathOf(l.target()))
                && l.target().indexOf('#') >= 0 && unreadSources.covers(ContentLinkChecker.anchorOf(l.target())));
        checker.check(links, diagnostics);
        List<LinkUse> illustrations = new ArrayList<>();
        editions.forEach(edition -> illustrations.addAll(illustrations(edition)));
        checker.check(illustrations, diagnostics);
        // a missing file or page named in content is reported at that line, not again on every page showing it
        for (LinkUse link : illustrations) {
            if (!checker.resolves(link.target())) {
                broken.add(link.target());
            }
        }
        Map<String, String> illustrationOf = new HashMap<>();
        for (SiteIndex edition : editions) {
            String prefix = edition.site().config().prefix();
            for (Exercise e : edition.exercises()) {
                e.illustration().ifPresent(i -> illustrationOf.put(prefix + Urls.exercise(e.slug()), i.src()));
            }
        }
        List<OutputLinkChecker.PageLinks> output = new ArrayList<>(pages.size());
        for (RenderedPage page : pages) {
            List<String> written = new ArrayList<>(page.links().size() + 1);
            // as the page's HTML links are read: without a ?query (the Markdown's own check reads the rest)
            page.links().forEach(l -> written.add(l.internal() ? ContentLinkChecker.withoutQuery(l.target())
                    : l.target()));
            if (illustrationOf.containsKey(page.url())) {
                written.add(illustrationOf.get(page.url()));
            }
            output.add(new OutputLinkChecker.PageLinks(page.url(), page.origin(), page.template(), page.targets(),
                    written));
        }
        OutputLinkChecker.check(checker, output, templateLinks, broken, memory, diagnostics);
        if (everyPageMade) {
            // each page goes to its edition in one pass, not one pass over every page per edition
            Map<SiteIndex, List<RenderedPage>> byEdition = new IdentityHashMap<>();
            editions.forEach(edition -> byEdition.put(edition, new ArrayList<>()));
            List<String> starts = editions.stream().map(e -> e.site().config().prefix() + "/").toList();
            for (RenderedPage page : pages) {
                byEdition.get(editionOf(editions, starts, page.url())).add(page);
            }
            // nor is one a translation left without its source uses (that file's error says what to do with it)
            Map<String, List<String>> orphaned = new HashMap<>();
            index.site().translations().forEach(t -> orphaned.put(t.language(),
                    t.orphans().stream().map(Translation.Orphan::text).toList()));
            for (SiteIndex edition : editions) {
                String prefix = edition.site().config().prefix();
                GlossaryCheck.unused(edition.site().glossary(), termsLinked(edition, byEdition.get(edition), prefix),
                        edition.site(), orphaned.getOrDefault(edition.site().config().language(), List.of()),
                        diagnostics);
            }
        }
    }

    /** The old addresses the pages keep, as site paths, each with the page's site path now. */
    private static Map<String, String> moves(List<SiteIndex> editions) {
        Map<String, String> out = new HashMap<>();
        for (SiteIndex edition : editions) {
            String prefix = edition.site().config().prefix();
            edition.moved().forEach((from, move) -> out.put(prefix + from, prefix + move.to()));
        }
        return out;
    }

    /**
     * The edition a page of the site belongs to: the one whose prefix it starts with, else the
     * default ({@code starts}: each edition's prefix and a slash).
     */
    private static SiteIndex editionOf(List<SiteIndex> editions, List<String> starts, String url) {
        for (int i = 1; i < editions.size(); i++) {
            if (url.startsWith(starts.get(i))) {
                return editions.get(i);
            }
        }
        return editions.get(0);
    }

    /**
     * The glossary terms' targets ({@code /glossary/#term}) that some page links to. Only the
     * terms are looked for, and the search stops when every term is found: the union of every
     * page's targets was most of the checks of a one-page rebuild at 4,000 pages.
     */
    private static Set<String> termsLinked(SiteIndex index, List<RenderedPage> pages, String prefix) {
        Set<String> terms = new HashSet<>();
        index.site().glossary().forEach(term -> terms.add(prefix + Urls.term(term.id())));
        Set<String> unseen = new HashSet<>(terms);
        for (RenderedPage page : pages) {
            if (unseen.isEmpty()) {
                break;
            }
            for (String target : page.targets()) {
                unseen.remove(target);
            }
        }
        terms.removeAll(unseen);
        Set<String> out = new HashSet<>();
        terms.forEach(t -> out.add(t.substring(prefix.length())));
        return out;
    }

    /** The rules {@code patella check} adds to those of a build. */
    static void strict(SiteBuild build, Diagnostics diagnostics) {
        build.index().ifPresent(index -> {
            CheckRules.exercisesInPrograms(index, diagnostics);
            CheckRules.clinicalReviewers(index, diagnostics);
            List<LinkUse> links = new ArrayList<>(illustrations(index));
            build.pages().forEach(p -> links.addAll(p.links()));
            CheckRules.linksAndImages(links, diagnostics);
        });
        CheckRules.templateLinks(build.templateLinks(), diagnostics);
    }

    /** Every exercise's illustration, as an image link written where its {@code src} is. */
    private static List<LinkUse> illustrations(SiteIndex index) {
        List<LinkUse> out = new ArrayList<>();
        for (Exercise e : index.exercises()) {
            e.illustration().ifPresent(i -> out.add(new LinkUse(i.src(), true, i.alt(), i.at())));
        }
        return out;
    }
}
