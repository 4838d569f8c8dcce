package dev.patella.model;

import dev.patella.diag.SourceSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One condition, from {@code content/conditions/<slug>.md}. {@code slugAt} is where its slug is
 * written: the value of {@code slug:}, or the file's start when the slug is the file name.
 * {@code movedFrom} holds the addresses it had before, as written under {@code moved_from:}; empty
 * when it keeps none. Its printable program moves with it.
 */
public record Condition(
        String slug,
        SourceSpan origin,
        SourceSpan slugAt,
        String title,
        List<String> otherNames,
        String summary,
        Optional<String> icd10,
        List<Prose> symptoms,
        List<Prose> riskFactors,
        List<Prose> avoid,
        List<String> anatomy,
        List<ProgramStep> program,
        List<Key> sources,
        Editorial editorial,
        boolean draft,
        Prose body,
        List<Key> movedFrom) {

    public Condition {
        otherNames = List.copyOf(otherNames);
        symptoms = List.copyOf(symptoms);
        riskFactors = List.copyOf(riskFactors);
        avoid = List.copyOf(avoid);
        anatomy = List.copyOf(anatomy);
        program = List.copyOf(program);
        sources = List.copyOf(sources);
        movedFrom = List.copyOf(movedFrom);
    }

    /** Every Markdown text the page shows: its summary, its lists, its program's summaries and its body. */
    public List<Prose> texts() {
        List<Prose> texts = new ArrayList<>();
        texts.add(new Prose(summary(), origin()));
        texts.addAll(symptoms());
        texts.addAll(riskFactors());
        texts.addAll(avoid());
        for (ProgramStep step : program()) {
            step.summary().ifPresent(texts::add);
        }
        texts.add(body());
        return texts;
    }

    /** The same condition at another slug, still placed at {@code slugAt}. */
    public Condition withSlug(String other) {
        return new Condition(other, origin, slugAt, title, otherNames, summary, icd10, symptoms, riskFactors, avoid,
                anatomy, program, sources, editorial, draft, body, movedFrom);
    }

    /** The same condition with other old addresses. */
    public Condition withMovedFrom(List<Key> other) {
        return new Condition(slug, origin, slugAt, title, otherNames, summary, icd10, symptoms, riskFactors, avoid,
                anatomy, program, sources, editorial, draft, body, other);
    }

    /** The same condition with another program. */
    public Condition withProgram(List<ProgramStep> other) {
        return new Condition(slug, origin, slugAt, title, otherNames, summary, icd10, symptoms, riskFactors, avoid,
                anatomy, other, sources, editorial, draft, body, movedFrom);
    }

    /** The same condition, a draft or not. */
    public Condition withDraft(boolean other) {
        return new Condition(slug, origin, slugAt, title, otherNames, summary, icd10, symptoms, riskFactors, avoid,
                anatomy, program, sources, editorial, other, body, movedFrom);
    }

    /** The same condition with another body. */
    public Condition withBody(Prose other) {
        return new Condition(slug, origin, slugAt, title, otherNames, summary, icd10, symptoms, riskFactors, avoid,
                anatomy, program, sources, editorial, draft, other, movedFrom);
    }
}
