package dev.patella.markdown;

import com.vladsch.flexmark.util.ast.DoNotDecorate;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/** A {@code [@key]} citation in the Markdown tree, carrying the HTML it renders to. */
final class CitationNode extends Node implements DoNotDecorate {

    private final String html;

    CitationNode(BasedSequence chars, String html) {
        super(chars);
        this.html = html;
    }

    String html() {
        return html;
    }

    @Override
    public BasedSequence[] getSegments() {
        return EMPTY_SEGMENTS;
    }
}
