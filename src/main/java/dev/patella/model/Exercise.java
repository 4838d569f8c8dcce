package dev.patella.model;

import dev.patella.diag.SourceSpan;
import java.util.List;
import java.util.Optional;

/** One exercise, from {@code content/exercises/<slug>.md}. */
public record Exercise(
        String slug,
        SourceSpan origin,
        String title,
        List<String> otherNames,
        String summary,
        Muscles muscles,
        Prose feelIt,
        List<String> equipment,
        List<String> optionalEquipment,
        Chain chain,
        Phase phase,
        Prose position,
        List<Prose> steps,
        Dose dose,
        List<Prose> tips,
        List<Prose> mistakes,
        List<Prose> progressions,
        List<Prose> regressions,
        List<Prose> stopIf,
        Optional<Illustration> illustration,
        List<Key> sources,
        Editorial editorial,
        boolean draft,
        Prose body) {

    public Exercise {
        otherNames = List.copyOf(otherNames);
        equipment = List.copyOf(equipment);
        optionalEquipment = List.copyOf(optionalEquipment);
        steps = List.copyOf(steps);
        tips = List.copyOf(tips);
        mistakes = List.copyOf(mistakes);
        progressions = List.copyOf(progressions);
        regressions = List.copyOf(regressions);
        stopIf = List.copyOf(stopIf);
        sources = List.copyOf(sources);
    }
}
