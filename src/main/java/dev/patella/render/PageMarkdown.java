package dev.patella.render;

import dev.patella.diag.Diagnostics;
import dev.patella.markdown.CitationNumbers;
import dev.patella.markdown.CitationUse;
import dev.patella.markdown.LinkUse;
import dev.patella.markdown.MarkdownRenderer;
import dev.patella.markdown.PageContext;
import dev.patella.markdown.Rendered;
import dev.patella.model.Prose;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/** Renders the Markdown of one page, collecting its links and citations. Used by one thread. */
final class PageMarkdown {

    private final MarkdownRenderer markdown;
    private final Diagnostics diagnostics;
    private final PageContext context;
    private final List<LinkUse> links = new ArrayList<>();
    private final List<CitationUse> citations = new ArrayList<>();

    /** @param link turns a site-root path into the href this page writes */
    PageMarkdown(MarkdownRenderer markdown, String url, UnaryOperator<String> link, Set<String> citeKeys,
                 Diagnostics diagnostics) {
        this.markdown = markdown;
        this.diagnostics = diagnostics;
        this.context = new PageContext(url, link, citeKeys, new CitationNumbers());
    }

    String block(Prose prose) {
        return collect(markdown.render(prose, context, diagnostics));
    }

    String inline(Prose prose) {
        return collect(markdown.renderInline(prose, context, diagnostics));
    }

    String inline(Optional<Prose> prose) {
        return prose.map(this::inline).orElse("");
    }

    List<String> inline(List<Prose> items) {
        return items.stream().map(this::inline).toList();
    }

    CitationNumbers numbers() {
        return context.numbers();
    }

    List<LinkUse> links() {
        return links;
    }

    List<CitationUse> citations() {
        return citations;
    }

    private String collect(Rendered rendered) {
        links.addAll(rendered.links());
        citations.addAll(rendered.citations());
        return rendered.html();
    }
}
