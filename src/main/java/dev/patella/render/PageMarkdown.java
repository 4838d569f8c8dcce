package dev.patella.render;

import dev.patella.diag.Diagnostics;
import dev.patella.diag.SourceSpan;
import dev.patella.markdown.CitationNumbers;
import dev.patella.markdown.CitationUse;
import dev.patella.markdown.LinkUse;
import dev.patella.markdown.MarkdownRenderer;
import dev.patella.markdown.PageContext;
import dev.patella.markdown.Rendered;
import dev.patella.model.Prose;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Renders the Markdown of one page, collecting its links and citations. Used by one thread.
 *
 * <p>Text shared by many pages (the disclaimer, the help lists, people's bios) renders the same on
 * every page at the same folder depth, so it is rendered once per depth and shared through
 * {@code shared}, unless it holds a citation (numbered per page) or a same-page anchor link.
 */
final class PageMarkdown implements PageText {

    /** What a shared rendering depends on: the text, where it was written, and how links start. */
    record SharedKey(String markdown, SourceSpan at, String root, boolean inline) {
    }

    private final MarkdownRenderer markdown;
    private final Diagnostics diagnostics;
    private final PageContext context;
    private final String root;
    private final Map<SharedKey, Rendered> shared;
    private final UnaryOperator<String> local;
    private final List<LinkUse> links = new ArrayList<>();
    private final List<CitationUse> citations = new ArrayList<>();

    /**
     * @param link   turns a site-root path into the href this page writes
     * @param local  the path of this edition a link written in content leads to (a translated page by
     *               its source's slug leads to its own slug: {@link LinkAliases})
     * @param citeKeys the keys of the sources a citation may number
     * @param writtenKeys those and the keys of entries with a mistake, which a citation cannot number
     * @param shared renderings shared between pages; safe for several threads
     */
    PageMarkdown(MarkdownRenderer markdown, String url, UnaryOperator<String> link, UnaryOperator<String> local,
                 Set<String> citeKeys, Set<String> writtenKeys, Map<SharedKey, Rendered> shared,
                 Diagnostics diagnostics) {
        this.markdown = markdown;
        this.diagnostics = diagnostics;
        this.local = local;
        this.context = new PageContext(url, to -> link.apply(local.apply(to)), citeKeys, new CitationNumbers(),
                writtenKeys);
        this.root = link.apply("/");
        this.shared = shared;
    }

    @Override
    public String block(Prose prose) {
        return collect(render(prose, false));
    }

    @Override
    public String inline(Prose prose) {
        return collect(render(prose, true));
    }

    private Rendered render(Prose prose, boolean inline) {
        String text = prose.markdown();
        boolean pageSpecific = text.contains("[@") || text.contains("](#") || text.contains("]: #");
        if (pageSpecific) {
            return inline ? markdown.renderInline(prose, context, diagnostics) : markdown.render(prose, context, diagnostics);
        }
        return shared.computeIfAbsent(new SharedKey(text, prose.at(), root, inline), key -> inline
                ? markdown.renderInline(prose, context, diagnostics) : markdown.render(prose, context, diagnostics));
    }

    @Override
    public List<String> cited() {
        return context.numbers().keys();
    }

    @Override
    public List<LinkUse> links() {
        return links;
    }

    @Override
    public List<CitationUse> citations() {
        return citations;
    }

    private String collect(Rendered rendered) {
        for (LinkUse l : rendered.links()) {
            String target = l.internal() ? local.apply(l.target()) : l.target();
            links.add(target.equals(l.target()) ? l : new LinkUse(target, l.image(), l.text(), l.at()));
        }
        citations.addAll(rendered.citations());
        return rendered.html();
    }
}
