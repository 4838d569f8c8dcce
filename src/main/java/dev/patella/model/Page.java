package dev.patella.model;

import dev.patella.diag.SourceSpan;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A plain page such as about or disclaimer, from {@code content/pages/<slug>.md}, published at {@code /<slug>/}.
 * {@code slugAt} is where the slug is written: the value of {@code slug:}, or the file's start when the
 * slug is the file name. {@code reviewed} is the day the editors last checked it, when the page gives one,
 * written at {@code reviewedAt}.
 * {@code movedFrom} holds the addresses it had before, as written under {@code moved_from:} (a site path
 * such as {@code /about-us/} or a bare old slug); empty when it keeps none.
 */
public record Page(String slug, SourceSpan origin, SourceSpan slugAt, String title, String summary, boolean nav,
                   boolean draft, Prose body, Optional<LocalDate> reviewed, Optional<SourceSpan> reviewedAt,
                   List<Key> movedFrom) {

    public Page {
        movedFrom = List.copyOf(movedFrom);
    }

    /** A page that keeps no old address. */
    public Page(String slug, SourceSpan origin, SourceSpan slugAt, String title, String summary, boolean nav,
                boolean draft, Prose body, Optional<LocalDate> reviewed) {
        this(slug, origin, slugAt, title, summary, nav, draft, body, reviewed, Optional.empty(), List.of());
    }

    /** The same page at another slug, still placed at {@code slugAt}. */
    public Page withSlug(String other) {
        return new Page(other, origin, slugAt, title, summary, nav, draft, body, reviewed, reviewedAt, movedFrom);
    }

    /** The same page with other old addresses. */
    public Page withMovedFrom(List<Key> other) {
        return new Page(slug, origin, slugAt, title, summary, nav, draft, body, reviewed, reviewedAt, other);
    }

    /** The same page, a draft or not. */
    public Page withDraft(boolean other) {
        return new Page(slug, origin, slugAt, title, summary, nav, other, body, reviewed, reviewedAt, movedFrom);
    }

    /** The same page with another body. */
    public Page withBody(Prose other) {
        return new Page(slug, origin, slugAt, title, summary, nav, draft, other, reviewed, reviewedAt, movedFrom);
    }
}
