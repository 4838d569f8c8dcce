package dev.patella.source;

import dev.patella.diag.Diagnostics;
import dev.patella.diag.SourceSpan;
import dev.patella.model.Condition;
import dev.patella.model.Key;
import dev.patella.model.Phase;
import dev.patella.model.ProgramStep;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Maps a condition file's front matter to a {@link Condition}. */
final class ConditionReader {

    private static final Pattern ICD10 = Pattern.compile("[A-Z][0-9]{2}(\\.[A-Z0-9]{1,4})?");

    private static final String WHAT = "condition front matter";

    private final int reviewIntervalMonths;

    ConditionReader(int reviewIntervalMonths) {
        this.reviewIntervalMonths = reviewIntervalMonths;
    }

    /** @return the condition, or empty when any field, nested ones included, is missing or wrong (reported) */
    Optional<Condition> read(ContentDocument doc, Diagnostics diagnostics) {
        return read(doc, diagnostics, FieldLog.NONE);
    }

    /** Like {@link #read(ContentDocument, Diagnostics)}, noting every field asked for in {@code log}. */
    Optional<Condition> read(ContentDocument doc, Diagnostics diagnostics, FieldLog log) {
        var f = new Fields(doc.frontMatter(), WHAT, diagnostics, log);
        var slug = doc.slug(f);
        var title = f.plainText("title");
        var otherNames = f.strings("other_names", false);
        var summary = f.plainText("summary");
        var icd10 = icd10(f);
        var symptoms = f.sentences("symptoms", true, true);
        var riskFactors = f.sentences("risk_factors", false, false);
        var avoid = f.sentences("avoid", false, false);
        var anatomy = f.strings("anatomy", false);
        var program = program(f);
        var sources = f.keys("sources", false);
        var editorial = EditorialReader.read(f, reviewIntervalMonths);
        boolean draft = f.bool("draft").orElse(false);
        var movedFrom = MovedFrom.read(f, "/conditions/knee-pain/");
        return f.build(() -> new Condition(slug.value(), doc.origin(), slug.at(), title, otherNames, summary, icd10, symptoms,
                riskFactors, avoid, anatomy, program, sources, editorial, draft, doc.body(), movedFrom));
    }

    /**
     * The ICD-10 code, checked for its shape (a letter, two digits, then a dot and up to four more
     * letters or digits if needed): the page publishes it as "ICD-10 code …", so "knee pain" is a mistake.
     */
    private static Optional<String> icd10(Fields f) {
        return f.string("icd10", false).map(String::strip).filter(code -> {
            if (ICD10.matcher(code).matches()) {
                return true;
            }
            String upper = code.toUpperCase(Locale.ROOT);
            f.invalid("icd10", "\"icd10\" must be an ICD-10 code: a capital letter, two digits, then a dot and up to "
                    + "four more letters or digits if the code has them, such as M22.2 or M22.4; "
                    + (ICD10.matcher(upper).matches() ? "write it in capitals: icd10: " + upper
                    : "it is \"" + code + "\"; look the code up, or remove the line"));
            return false;
        });
    }

    /** The phases; a wrong phase fails the whole condition (reported). */
    private static List<ProgramStep> program(Fields f) {
        List<ProgramStep> steps = new ArrayList<>();
        Map<String, SourceSpan> seen = new HashMap<>();
        for (Fields p : f.elements("program", true, "program phase", "- phase: early")) {
            var phase = p.choice("phase", Phase.class);
            var title = p.requiredText("title");
            var summary = p.prose("summary", false);
            var exercises = p.keys("exercises", true);
            p.finish();
            for (Key key : exercises) {
                var earlier = seen.putIfAbsent(key.value(), key.at());
                if (earlier != null) {
                    // shown twice, its page parts would clash: one error here rather than several on the page
                    p.error("ref.duplicate-exercise", key.at(), "the exercise \"" + key.value() + "\" is already in "
                            + "this program at line " + earlier.line() + "; list it once");
                }
            }
            steps.add(new ProgramStep(phase, title, summary, exercises));
        }
        return steps;
    }
}
