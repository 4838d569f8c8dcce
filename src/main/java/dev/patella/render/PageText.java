package dev.patella.render;

import dev.patella.markdown.CitationUse;
import dev.patella.markdown.LinkUse;
import dev.patella.model.Prose;
import java.util.List;
import java.util.Optional;

/**
 * The Markdown of one page, as the code that builds the page's view asks for it. The same view
 * code runs twice with two kinds of text: {@link SourceText} keeps each Markdown text as its
 * source (that view is the page's {@link PageSpec}, what decides whether it must be made again);
 * {@link PageMarkdown} renders it to HTML (the view the template receives). Used by one thread.
 */
sealed interface PageText permits PageMarkdown, SourceText {

    /** Block Markdown (paragraphs, lists): its HTML, or its source for a spec. */
    String block(Prose prose);

    /** A short text such as a list item, without the paragraph. */
    String inline(Prose prose);

    default String inline(Optional<Prose> prose) {
        return prose.map(this::inline).orElse("");
    }

    default List<String> inline(List<Prose> items) {
        return items.stream().map(this::inline).toList();
    }

    /** The source keys cited in the text so far, in the order of first citation; empty for a spec. */
    List<String> cited();

    /** The links the rendered text made, for link checks; empty for a spec. */
    List<LinkUse> links();

    /** The citations in the rendered text, for citation checks; empty for a spec. */
    List<CitationUse> citations();
}
