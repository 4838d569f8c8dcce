package dev.patella.render;

import dev.patella.diag.Diagnostic;
import dev.patella.diag.Diagnostics;
import dev.patella.diag.SourceSpan;
import dev.patella.index.Urls;
import dev.patella.markdown.LinkUse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * One page to make: where it goes, its template, the content file it comes from, and how to
 * build its view with a {@link ViewBuilder}. The same function gives the page's spec (over a
 * builder of specs) and its view (over a builder of pages).
 */
record PageJob(String url, String template, Optional<SourceSpan> origin,
               BiFunction<ViewBuilder, Diagnostics, ViewBuilder.Built> view, boolean linksTerms, Object specKey,
               String prefix) {

    PageJob(String url, String template, Optional<SourceSpan> origin,
            BiFunction<ViewBuilder, Diagnostics, ViewBuilder.Built> view) {
        this(url, template, origin, view, true, null, "");
    }

    /** This job, with glossary terms linked on its page or not. */
    PageJob linkingTerms(boolean link) {
        return new PageJob(url, template, origin, view, link, specKey, prefix);
    }

    /**
     * This job in the edition published under {@code prefix} ({@code "/es"}): its {@link #url} stays
     * the page's URL within its edition, which its view is built from, and {@link #siteUrl} is where it goes.
     */
    PageJob inEdition(String editionPrefix) {
        return new PageJob(url, template, origin, view, linksTerms, specKey, editionPrefix);
    }

    /** Where the page is published in the site: its URL in its edition, after the edition's prefix. */
    String siteUrl() {
        return prefix + url;
    }

    /**
     * This job, with every input its spec reads in {@code key}: a render whose cached page had an
     * equal key reuses that page's spec without building it. Models read from unchanged files
     * are the same objects from build to build, so comparing keys is mostly comparing references.
     * Without a key ({@code null}) the spec is built every time.
     */
    PageJob keyedBy(Object key) {
        return new PageJob(url, template, origin, view, linksTerms, key, prefix);
    }

    /**
     * The links written in the page's Markdown, with their targets as site paths: a link to a page
     * ({@code /exercises/clamshell/}) written in an edition leads to that edition's page; a link to a
     * shared file ({@code /images/knee.svg}) stays as written.
     */
    private List<LinkUse> inSite(List<LinkUse> links) {
        if (prefix.isEmpty()) {
            return links;
        }
        return links.stream().map(l -> l.internal() && !Urls.isShared(l.target())
                ? new LinkUse(prefix + l.target(), l.image(), l.text(), l.at()) : l).toList();
    }

    /** What rendering one page gave: the page, or nothing and the reasons. */
    record Outcome(PageSpec spec, Optional<RenderedPage> page, List<Diagnostic> diagnostics) {
    }

    /** The page's spec: its view built with Markdown as source (problems are found when it renders). */
    PageSpec spec(ViewBuilder specs) {
        var built = view.apply(specs, new Diagnostics(Integer.MAX_VALUE));
        var texts = built.markdown() instanceof SourceText source ? source.texts() : List.<SourceText.Text>of();
        return new PageSpec(siteUrl(), template, origin, built.view(), texts,
                texts.isEmpty() ? LinkAliases.none() : specs.linkAliases());
    }

    Outcome render(PageSpec spec, ViewBuilder views, Templates templates, GlossaryLinker glossary, String basePath) {
        var diagnostics = new Diagnostics(Integer.MAX_VALUE);
        ViewBuilder.Built built = view.apply(views, diagnostics);
        Optional<RenderedPage> page = templates.render(template, built.view(), views.words(), origin, diagnostics)
                .map(html -> linksTerms ? glossary.link(url, html) : html).map(html -> {
            var facts = new HtmlFacts(siteUrl(), html, basePath, origin.orElse(SourceSpan.startOf("templates/"
                    + template)), diagnostics);
            return new RenderedPage(siteUrl(), template, origin, html.getBytes(StandardCharsets.UTF_8),
                    inSite(built.markdown().links()), built.markdown().citations(), built.sources(), facts.ids,
                    facts.targets, diagnostics.sorted(),
                    built.view() instanceof Views.PageView shown ? shown.layout().head().ogTitle() : "");
        });
        return new Outcome(spec, page, diagnostics.sorted());
    }
}
