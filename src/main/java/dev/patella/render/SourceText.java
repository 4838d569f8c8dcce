package dev.patella.render;

import dev.patella.markdown.CitationUse;
import dev.patella.markdown.LinkUse;
import dev.patella.model.Prose;
import java.util.ArrayList;
import java.util.List;

/**
 * Markdown left as source, for building a page's spec: each text asked for is kept, with where
 * it was written (positions show in the page's diagnostics) and whether it is inline, in the
 * order the view asked for it. What the view gets in its place is the source itself.
 */
final class SourceText implements PageText {

    /** One Markdown text of a page, as written. */
    record Text(Prose prose, boolean inline) {
    }

    private final List<Text> texts = new ArrayList<>();

    @Override
    public String block(Prose prose) {
        texts.add(new Text(prose, false));
        return prose.markdown();
    }

    @Override
    public String inline(Prose prose) {
        texts.add(new Text(prose, true));
        return prose.markdown();
    }

    /** Every text asked for so far, in order. */
    List<Text> texts() {
        return List.copyOf(texts);
    }

    @Override
    public List<String> cited() {
        return List.of();
    }

    @Override
    public List<LinkUse> links() {
        return List.of();
    }

    @Override
    public List<CitationUse> citations() {
        return List.of();
    }
}
