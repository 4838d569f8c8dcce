package dev.patella.source;

import dev.patella.diag.Diagnostics;
import dev.patella.model.Condition;
import dev.patella.model.Phase;
import dev.patella.model.ProgramStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Maps a condition file's front matter to a {@link Condition}. */
final class ConditionReader {

    private static final String WHAT = "condition front matter";

    private final int reviewIntervalMonths;

    ConditionReader(int reviewIntervalMonths) {
        this.reviewIntervalMonths = reviewIntervalMonths;
    }

    /** @return the condition, or empty when a required field is missing or wrong (reported) */
    Optional<Condition> read(ContentDocument doc, Diagnostics diagnostics) {
        var f = new Fields(doc.frontMatter(), WHAT, diagnostics);
        var slug = doc.slug(f);
        var title = f.string("title", true);
        var otherNames = f.strings("other_names", false);
        var summary = f.string("summary", true);
        var icd10 = f.string("icd10", false);
        var symptoms = f.items("symptoms", true);
        var riskFactors = f.items("risk_factors", false);
        var avoid = f.items("avoid", false);
        var anatomy = f.strings("anatomy", false);
        var program = f.required("program").map(n -> program(n, diagnostics));
        var sources = f.keys("sources", false);
        var editorial = EditorialReader.read(f, reviewIntervalMonths);
        boolean draft = f.bool("draft").orElse(false);
        f.finish();
        if (f.failed() || slug.isEmpty() || program.isEmpty() || program.get().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Condition(slug.get(), doc.origin(), title.orElseThrow(), otherNames,
                summary.orElseThrow(), icd10, symptoms, riskFactors, avoid, anatomy, program.get().get(), sources,
                editorial.orElseThrow(), draft, doc.body()));
    }

    /** Empty inside when any phase is wrong (reported). */
    private static Optional<List<ProgramStep>> program(YNode node, Diagnostics diagnostics) {
        if (!(node instanceof YNode.YList list) || list.items().isEmpty()) {
            diagnostics.error("schema.wrong-type", node.at(), "\"program\" must be a list of phases, each starting "
                    + "with \"- phase: early\" and listing its exercises");
            return Optional.empty();
        }
        List<ProgramStep> steps = new ArrayList<>();
        boolean ok = true;
        for (YNode item : list.items()) {
            var step = Fields.of(item, "program phase", diagnostics).flatMap(p -> {
                var phase = p.choice("phase", Phase.class);
                var title = p.string("title", true);
                var summary = p.prose("summary", false);
                var exercises = p.keys("exercises", true);
                p.finish();
                return p.failed() ? Optional.<ProgramStep>empty()
                        : Optional.of(new ProgramStep(phase.orElseThrow(), title.orElseThrow(), summary, exercises));
            });
            step.ifPresent(steps::add);
            ok &= step.isPresent();
        }
        return ok ? Optional.of(steps) : Optional.empty();
    }
}
