package dev.patella.source;

import dev.patella.diag.SourceSpan;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Where a translation's headings lack an id its source's headings have. Links name a heading by
 * its id, whatever the page's language, and the condition page puts its lists into the sections
 * whose ids are {@code symptoms}, {@code causes}, {@code treatment} and {@code outlook}: a Spanish
 * {@code ## Síntomas} without {@code {#symptoms}} gets the id {@code síntomas}, and the page shows
 * the symptom list under a second heading of its own, after an empty section. A heading with an
 * id the source lacks is taken for the one that should have the first id the translation lacks, in
 * their order; an id with no such heading is reported at the start of the translation's text.
 * A heading the translation adds, with an id of its own, is not reported.
 */
final class TranslationHeadings {

    /**
     * One id the translation lacks.
     *
     * @param what          what is wrong and how to write it
     * @param sourceAt      the source's heading with that id
     * @param translationAt the translation's heading that should have it, or the start of its text
     */
    record Mismatch(String what, SourceSpan sourceAt, SourceSpan translationAt) {
    }

    private TranslationHeadings() {
    }

    /** @return the ids the translation lacks, in the source's order; empty when a side has no body */
    static List<Mismatch> find(TranslationDocument source, TranslationDocument translation) {
        if (source.body().isEmpty() || translation.body().isEmpty()) {
            return List.of();
        }
        List<HeadingIds.Heading> theirs = HeadingIds.of(source.body().get());
        List<HeadingIds.Heading> mine = HeadingIds.of(translation.body().get());
        Set<String> theirIds = new HashSet<>();
        theirs.forEach(h -> theirIds.add(h.id()));
        Set<String> myIds = new HashSet<>();
        mine.forEach(h -> myIds.add(h.id()));
        List<HeadingIds.Heading> unmatched = mine.stream().filter(h -> !theirIds.contains(h.id())).toList();
        List<Mismatch> out = new ArrayList<>();
        int next = 0;
        for (HeadingIds.Heading wanted : theirs) {
            if (myIds.contains(wanted.id())) {
                continue;
            }
            String named = "the heading \"" + wanted.line().strip() + "\" of " + source.file() + " (line "
                    + wanted.at().line() + ")";
            if (next < unmatched.size()) {
                HeadingIds.Heading heading = unmatched.get(next++);
                String has = heading.explicit() ? "this heading's id is \"" + heading.id() + "\""
                        : "this heading has no id in braces, so it gets \"" + heading.id() + "\" from its words";
                out.add(new Mismatch(has + ", but it translates " + named + ", whose id is \"" + wanted.id()
                        + "\"; links and the page's layout find a section by its id, so keep the source's: write \""
                        + heading.withId(wanted.id()).strip() + "\"", wanted.at(), heading.at()));
            } else {
                out.add(new Mismatch("no heading of this translation has the id \"" + wanted.id() + "\" of "
                        + named + "; links and the page's layout find a section by its id, so give the heading "
                        + "that translates it the same id, written after its words: {#" + wanted.id() + "}",
                        wanted.at(), translation.body().get().at()));
            }
        }
        return out;
    }
}
