package dev.patella.source;

import dev.patella.model.Editorial;
import java.time.LocalDate;

/** Reads the authorship and review fields that conditions and exercises share. */
final class EditorialReader {

    private EditorialReader() {
    }

    /**
     * @return the editorial record; when a field is missing or wrong it is reported, the read
     *         fails, and the record holds stand-ins
     */
    static Editorial read(Fields f, int reviewIntervalMonths) {
        var author = f.requiredKey("author");
        var reviewer = f.key("reviewer", false);
        var publishedRead = f.date("published", true);
        var reviewedRead = f.date("reviewed", true);
        var due = f.date("review_due", false);
        var adaptedFrom = f.key("adapted_from", false);
        LocalDate published = publishedRead.orElse(LocalDate.EPOCH);
        LocalDate reviewed = reviewedRead.orElse(published);
        if (publishedRead.isPresent() && reviewedRead.isPresent() && reviewed.isBefore(published)) {
            f.invalid("reviewed", "the review date " + reviewed + " is before the publication date "
                    + published + f.valueAt("published").map(at -> " (line " + at.line() + ")").orElse("")
                    + "; a page is reviewed on or after the day it is published: correct whichever of the two dates "
                    + "is wrong");
        }
        due.filter(d -> reviewedRead.isPresent() && d.isBefore(reviewed)).ifPresent(d -> f.invalid("review_due",
                "the next review " + d + " is before the last review " + reviewed + "; set \"review_due\" to a "
                        + "later date, or remove it to use the site's review interval"));
        LocalDate reviewDue = due.orElseGet(() -> reviewed.plusMonths(reviewIntervalMonths));
        var dueAt = f.keyAt("review_due").or(() -> f.keyAt("reviewed"));
        return new Editorial(author, reviewer, published, reviewed, reviewDue, dueAt, f.valueStart("reviewed"), adaptedFrom);
    }
}
