package dev.patella.model;

import dev.patella.diag.SourceSpan;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Who wrote and checked a page, and when. {@code reviewDue} is already worked out from the
 * site's review interval; {@code dueAt} is where it comes from (the {@code review_due:} line, else
 * the {@code reviewed:} line); {@code reviewedAt} is where the {@code reviewed:} date is written;
 * {@code adaptedFrom} is the source key of a work the page is adapted from, credited on the page.
 */
public record Editorial(Key author, Optional<Key> reviewer, LocalDate published, LocalDate reviewed, LocalDate reviewDue,
                        Optional<SourceSpan> dueAt, Optional<SourceSpan> reviewedAt, Optional<Key> adaptedFrom) {
}
