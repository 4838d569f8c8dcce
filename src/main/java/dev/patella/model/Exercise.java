package dev.patella.model;

import dev.patella.diag.SourceSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One exercise, from {@code content/exercises/<slug>.md}. The parts every content type has
 * (slug, origin, where the slug is written, title, other names, summary, sources, editorial,
 * draft, body) are its own components, in the same order as a {@link Condition}'s; what only an
 * exercise has comes in small groups, so no constructor takes two lists of the same type side by
 * side. {@code movedFrom} holds the addresses it had before, as written under {@code moved_from:}
 * (a site path such as {@code /exercises/clamshell/} or a bare old slug); empty when it keeps none.
 */
public record Exercise(
        String slug,
        SourceSpan origin,
        SourceSpan slugAt,
        String title,
        List<String> otherNames,
        String summary,
        Profile profile,
        Equipment equipment,
        Instructions instructions,
        Dose dose,
        Variations variations,
        Safety safety,
        Optional<Illustration> illustration,
        List<Key> sources,
        Editorial editorial,
        boolean draft,
        Prose body,
        List<Key> movedFrom) {

    public Exercise {
        otherNames = List.copyOf(otherNames);
        sources = List.copyOf(sources);
        movedFrom = List.copyOf(movedFrom);
    }

    /** Every Markdown text the page shows: its summary, instructions, dose notes, variations, safety and body. */
    public List<Prose> texts() {
        List<Prose> texts = new ArrayList<>();
        texts.add(new Prose(summary(), origin()));
        texts.add(instructions().feelIt());
        texts.add(instructions().position());
        texts.addAll(instructions().steps());
        dose().rest().ifPresent(texts::add);
        dose().frequency().ifPresent(texts::add);
        texts.addAll(instructions().tips());
        texts.addAll(instructions().mistakes());
        texts.addAll(variations().progressions());
        texts.addAll(variations().regressions());
        texts.addAll(safety().stopIf());
        texts.add(body());
        return texts;
    }

    /** The same exercise at another slug, still placed at {@code slugAt}. */
    public Exercise withSlug(String other) {
        return new Exercise(other, origin, slugAt, title, otherNames, summary, profile, equipment, instructions, dose,
                variations, safety, illustration, sources, editorial, draft, body, movedFrom);
    }

    /** The same exercise with other old addresses. */
    public Exercise withMovedFrom(List<Key> other) {
        return new Exercise(slug, origin, slugAt, title, otherNames, summary, profile, equipment, instructions, dose,
                variations, safety, illustration, sources, editorial, draft, body, other);
    }

    /** The same exercise, a draft or not. */
    public Exercise withDraft(boolean other) {
        return new Exercise(slug, origin, slugAt, title, otherNames, summary, profile, equipment, instructions, dose,
                variations, safety, illustration, sources, editorial, other, body, movedFrom);
    }

    /** The same exercise with another body. */
    public Exercise withBody(Prose other) {
        return new Exercise(slug, origin, slugAt, title, otherNames, summary, profile, equipment, instructions, dose,
                variations, safety, illustration, sources, editorial, draft, other, movedFrom);
    }

    /** What the exercise works and where it sits: its muscles, open or closed chain, and program phase. */
    public record Profile(Muscles muscles, Chain chain, Phase phase) {
    }

    /** What a reader needs ({@code required}, empty when nothing) and what helps ({@code optional}). */
    public record Equipment(List<String> required, List<String> optional) {
        public Equipment {
            required = List.copyOf(required);
            optional = List.copyOf(optional);
        }
    }

    /** How to do it: the starting position, the steps, where to feel it, tips and common mistakes. */
    public record Instructions(Prose position, List<Prose> steps, Prose feelIt, List<Prose> tips,
                               List<Prose> mistakes) {
        public Instructions {
            steps = List.copyOf(steps);
            tips = List.copyOf(tips);
            mistakes = List.copyOf(mistakes);
        }
    }

    /** Harder versions ({@code progressions}) and easier ones ({@code regressions}). */
    public record Variations(List<Prose> progressions, List<Prose> regressions) {
        public Variations {
            progressions = List.copyOf(progressions);
            regressions = List.copyOf(regressions);
        }
    }

    /** When to stop this exercise; the site-wide warning signs are in the condition's help. */
    public record Safety(List<Prose> stopIf) {
        public Safety {
            stopIf = List.copyOf(stopIf);
        }
    }
}
