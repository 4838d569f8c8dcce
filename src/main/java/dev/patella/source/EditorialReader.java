package dev.patella.source;

import dev.patella.model.Editorial;
import java.util.Optional;

/** Reads the authorship and review fields that conditions and exercises share. */
final class EditorialReader {

    private EditorialReader() {
    }

    /** @return the editorial record, or empty when a required field is missing (reported) */
    static Optional<Editorial> read(Fields f, int reviewIntervalMonths) {
        var author = f.key("author", true);
        var reviewer = f.key("reviewer", false);
        var published = f.date("published", true);
        var reviewed = f.date("reviewed", true);
        var due = f.date("review_due", false);
        var adaptedFrom = f.key("adapted_from", false);
        if (author.isEmpty() || published.isEmpty() || reviewed.isEmpty()) {
            return Optional.empty();
        }
        if (reviewed.get().isBefore(published.get())) {
            f.invalid("reviewed", "the review date " + reviewed.get() + " is before the publication date "
                    + published.get() + "; a page is reviewed on or after the day it is published");
            return Optional.empty();
        }
        var reviewDue = due.orElseGet(() -> reviewed.get().plusMonths(reviewIntervalMonths));
        return Optional.of(new Editorial(author.get(), reviewer, published.get(), reviewed.get(), reviewDue,
                adaptedFrom));
    }
}
