package dev.patella.source;

import dev.patella.diag.Diagnostics;
import dev.patella.model.Chain;
import dev.patella.model.Dose;
import dev.patella.model.Exercise;
import dev.patella.model.Illustration;
import dev.patella.model.Muscles;
import dev.patella.model.Phase;
import dev.patella.model.Prose;
import dev.patella.model.RepRange;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Maps an exercise file's front matter to an {@link Exercise}. */
final class ExerciseReader {

    private static final Pattern REPS = Pattern.compile("\\s*(\\d{1,4})\\s*(?:[-\u2013]\\s*(\\d{1,4}))?\\s*");
    private static final Pattern IMAGE_PATH = Pattern.compile("/images/[A-Za-z0-9_-]+(?:/[A-Za-z0-9_-]+)*\\.[A-Za-z0-9]+");
    private static final String WHAT = "exercise front matter";

    private final int reviewIntervalMonths;

    ExerciseReader(int reviewIntervalMonths) {
        this.reviewIntervalMonths = reviewIntervalMonths;
    }

    /** @return the exercise, or empty when a required field is missing or wrong (reported) */
    Optional<Exercise> read(ContentDocument doc, Diagnostics diagnostics) {
        var f = new Fields(doc.frontMatter(), WHAT, diagnostics);
        var slug = doc.slug(f);
        var title = f.string("title", true);
        var otherNames = f.strings("other_names", false);
        var summary = f.string("summary", true);
        var muscles = f.nested("muscles", true, "muscles").map(m -> {
            var primary = m.strings("primary", true);
            var secondary = m.strings("secondary", false);
            m.finish();
            return new Muscles(primary, secondary);
        });
        var feelIt = f.prose("feel_it", true);
        f.required("equipment");
        var equipment = f.strings("equipment", false);
        var optionalEquipment = f.strings("optional_equipment", false);
        var chain = f.choice("chain", Chain.class);
        var phase = f.choice("phase", Phase.class);
        var position = f.prose("position", true);
        var steps = f.items("steps", true);
        var dose = f.nested("dose", true, "dose").flatMap(d -> dose(d, diagnostics));
        var tips = f.items("tips", false);
        var mistakes = f.items("mistakes", false);
        var progressions = f.items("progressions", false);
        var regressions = f.items("regressions", false);
        var stopIf = f.items("stop_if", false);
        var illustration = f.nested("illustration", false, "illustration").map(ExerciseReader::illustration);
        var sources = f.keys("sources", false);
        var editorial = EditorialReader.read(f, reviewIntervalMonths);
        boolean draft = f.bool("draft").orElse(false);
        f.finish();
        if (f.failed() || slug.isEmpty() || illustration.filter(Optional::isEmpty).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new Exercise(slug.get(), doc.origin(), title.orElseThrow(), otherNames,
                summary.orElseThrow(), muscles.orElseThrow(), feelIt.orElseThrow(), equipment, optionalEquipment,
                chain.orElseThrow(), phase.orElseThrow(), position.orElseThrow(), steps, dose.orElseThrow(), tips,
                mistakes, progressions, regressions, stopIf, illustration.flatMap(i -> i), sources,
                editorial.orElseThrow(), draft, doc.body()));
    }

    private static Optional<Dose> dose(Fields d, Diagnostics diagnostics) {
        var sets = d.integer("sets", true, 1, 20);
        var reps = d.required("reps").flatMap(n -> reps(n, diagnostics));
        var hold = d.optionalInt("hold_seconds", 1, 600);
        Optional<Prose> rest = d.prose("rest", false);
        var perSide = d.bool("per_side");
        if (d.node("per_side").isEmpty()) {
            d.required("per_side");
        }
        var frequency = d.prose("frequency", false);
        d.finish();
        if (d.failed() || sets.isEmpty() || reps.isEmpty() || perSide.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Dose(sets.get(), reps.get(), hold, rest, perSide.get(), frequency));
    }

    private static Optional<RepRange> reps(YNode n, Diagnostics diagnostics) {
        if (n instanceof YNode.YScalar s) {
            Matcher m = REPS.matcher(s.text());
            if (m.matches()) {
                int min = Integer.parseInt(m.group(1));
                int max = m.group(2) == null ? min : Integer.parseInt(m.group(2));
                if (min >= 1 && max >= min) {
                    return Optional.of(new RepRange(min, max));
                }
            }
        }
        diagnostics.error("schema.wrong-type", n.at(), "\"reps\" in the dose must be a number such as 10, "
                + "or a range such as 10-15 with the smaller number first");
        return Optional.empty();
    }

    /** Empty inside when a required illustration field is missing (reported). */
    private static Optional<Illustration> illustration(Fields i) {
        var src = i.string("src", true).map(String::trim);
        src.filter(s -> !IMAGE_PATH.matcher(s).matches())
                .ifPresent(s -> i.invalid("src", "the illustration must be a file in content/images/, written as "
                        + "/images/<name>.svg (letters, digits, - and _ only), not \"" + s + "\""));
        var alt = i.string("alt", true);
        var credit = i.string("credit", true);
        i.finish();
        if (i.failed()) {
            return Optional.empty();
        }
        return Optional.of(new Illustration(src.orElseThrow(), alt.orElseThrow(), credit.orElseThrow(),
                i.keyAt("src").orElse(i.at())));
    }
}
