package dev.patella.model;

import dev.patella.diag.SourceSpan;
import java.util.List;
import java.util.Optional;

/**
 * One condition, from {@code content/conditions/<slug>.md}. {@code slugAt} is where its slug is
 * written: the value of {@code slug:}, or the file's start when the slug is the file name.
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
        Prose body) {

    public Condition {
        otherNames = List.copyOf(otherNames);
        symptoms = List.copyOf(symptoms);
        riskFactors = List.copyOf(riskFactors);
        avoid = List.copyOf(avoid);
        anatomy = List.copyOf(anatomy);
        program = List.copyOf(program);
        sources = List.copyOf(sources);
    }

    /** The same condition at another slug, still placed at {@code slugAt}. */
    public Condition withSlug(String other) {
        return new Condition(other, origin, slugAt, title, otherNames, summary, icd10, symptoms, riskFactors, avoid,
                anatomy, program, sources, editorial, draft, body);
    }

    /** The same condition with another body. */
    public Condition withBody(Prose other) {
        return new Condition(slug, origin, slugAt, title, otherNames, summary, icd10, symptoms, riskFactors, avoid,
                anatomy, program, sources, editorial, draft, other);
    }
}
