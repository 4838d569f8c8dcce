package dev.patella.source;

import dev.patella.diag.Diagnostics;
import dev.patella.model.Page;
import java.util.Optional;

/** Maps a plain page's front matter to a {@link Page}. */
final class PageReader {

    private PageReader() {
    }

    /** @return the page, or empty when a field is missing or wrong (reported) */
    static Optional<Page> read(ContentDocument doc, Diagnostics diagnostics) {
        return read(doc, diagnostics, FieldLog.NONE);
    }

    /** Like {@link #read(ContentDocument, Diagnostics)}, noting every field asked for in {@code log}. */
    static Optional<Page> read(ContentDocument doc, Diagnostics diagnostics, FieldLog log) {
        var f = new Fields(doc.frontMatter(), "page front matter", diagnostics, log);
        var slug = doc.slug(f);
        var title = f.plainText("title");
        var summary = f.plainText("summary");
        boolean nav = f.bool("nav").orElse(false);
        boolean draft = f.bool("draft").orElse(false);
        var reviewed = f.date("reviewed", false);
        var movedFrom = MovedFrom.read(f, "/about-us/");
        return f.build(() -> new Page(slug.value(), doc.origin(), slug.at(), title, summary, nav, draft, doc.body(),
                reviewed, f.valueStart("reviewed"), movedFrom));
    }
}
