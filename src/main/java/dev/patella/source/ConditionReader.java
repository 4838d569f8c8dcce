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

    /** @return the condition, or empty when any field, nested ones included, is missing or wrong (reported) */
    Optional<Condition> read(ContentDocument doc, Diagnostics diagnostics) {
        var f = new Fields(doc.frontMatter(), WHAT, diagnostics);
        var slug = doc.slug(f);
        var title = f.requiredText("title");
        var otherNames = f.strings("other_names", false);
        var summary = f.requiredText("summary");
        var icd10 = f.string("icd10", false);
        var symptoms = f.items("symptoms", true);
        var riskFactors = f.items("risk_factors", false);
        var avoid = f.items("avoid", false);
        var anatomy = f.strings("anatomy", false);
        var program = f.required("program").map(n -> program(n, f)).orElse(List.of());
        var sources = f.keys("sources", false);
        var editorial = EditorialReader.read(f, reviewIntervalMonths);
        boolean draft = f.bool("draft").orElse(false);
        return f.build(() -> new Condition(slug, doc.origin(), title, otherNames, summary, icd10, symptoms,
                riskFactors, avoid, anatomy, program, sources, editorial, draft, doc.body()));
    }

    /** The phases; a wrong phase fails the whole condition (reported). */
    private static List<ProgramStep> program(YNode node, Fields f) {
        if (!(node instanceof YNode.YList list)) {
            f.wrong("program", node, "a list of phases, each starting with \"- phase: early\" and listing its "
                    + "exercises");
            return List.of();
        }
        if (list.items().isEmpty()) {
            f.error("schema.missing-key", node.at(), "\"program\" is an empty list; add at least one phase, starting "
                    + "with \"- phase: early\" and listing its exercises");
            return List.of();
        }
        List<ProgramStep> steps = new ArrayList<>();
        for (YNode item : list.items()) {
            var p = f.element(item, "program phase");
            var phase = p.choice("phase", Phase.class);
            var title = p.requiredText("title");
            var summary = p.prose("summary", false);
            var exercises = p.keys("exercises", true);
            p.finish();
            steps.add(new ProgramStep(phase, title, summary, exercises));
        }
        return steps;
    }
}
