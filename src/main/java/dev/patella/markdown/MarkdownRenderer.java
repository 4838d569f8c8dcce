package dev.patella.markdown;

import dev.patella.diag.Diagnostics;
import dev.patella.model.Prose;

/**
 * Turns editors' Markdown into HTML. Implementations are built once and are safe to share
 * between threads.
 */
public interface MarkdownRenderer {

    /**
     * Renders block Markdown (paragraphs, headings, lists, tables). Problems that can be seen
     * from the Markdown alone (raw HTML, unsafe links) are added to {@code diagnostics}.
     */
    Rendered render(Prose prose, PageContext page, Diagnostics diagnostics);

    /** Renders a short text such as a list item: the same as {@link #render}, without the paragraph. */
    Rendered renderInline(Prose prose, PageContext page, Diagnostics diagnostics);

    /**
     * The words of some Markdown without its markup or citations, for structured data and
     * link previews: {@code "See the **clamshell** [@gasnick]."} gives {@code "See the clamshell."}
     */
    String plainText(String markdown);

    /** The default renderer, built on Flexmark. */
    static MarkdownRenderer create() {
        return new FlexmarkRenderer();
    }
}
