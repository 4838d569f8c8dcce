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
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/** Maps an exercise file's front matter to an {@link Exercise}. */
final class ExerciseReader {

    /** A file of content/images/, with an extension; its names follow {@link FileNames}. */
    private static final Pattern IMAGE_PATH = Pattern.compile("/images/[^/]+(?:/[^/]+)*\\.[A-Za-z0-9]+");
    private static final String WHAT = "exercise front matter";

    private final int reviewIntervalMonths;

    ExerciseReader(int reviewIntervalMonths) {
        this.reviewIntervalMonths = reviewIntervalMonths;
    }

    /** @return the exercise, or empty when any field, nested ones included, is missing or wrong (reported) */
    Optional<Exercise> read(ContentDocument doc, Diagnostics diagnostics) {
        return read(doc, diagnostics, FieldLog.NONE);
    }

    /** Like {@link #read(ContentDocument, Diagnostics)}, noting every field asked for in {@code log}. */
    Optional<Exercise> read(ContentDocument doc, Diagnostics diagnostics, FieldLog log) {
        var f = new Fields(doc.frontMatter(), WHAT, diagnostics, log);
        var slug = doc.slug(f);
        var title = f.plainText("title");
        var otherNames = f.strings("other_names", false);
        var summary = f.plainText("summary");
        var muscles = muscles(f.requiredNested("muscles", "muscles"));
        var feelIt = f.requiredProse("feel_it");
        f.required("equipment");
        var equipment = f.strings("equipment", false);
        var optionalEquipment = f.strings("optional_equipment", false);
        var chain = f.choice("chain", Chain.class);
        var phase = f.choice("phase", Phase.class);
        var position = f.requiredProse("position");
        var steps = f.sentences("steps", true, false);
        var dose = dose(f.requiredNested("dose", "dose"));
        var tips = f.sentences("tips", false, false);
        var mistakes = f.sentences("mistakes", false, false);
        var progressions = f.sentences("progressions", false, false);
        var regressions = f.sentences("regressions", false, false);
        var stopIf = f.sentences("stop_if", false, false);
        var illustration = f.nested("illustration", false, "illustration").map(ExerciseReader::illustration);
        var sources = f.keys("sources", false);
        var editorial = EditorialReader.read(f, reviewIntervalMonths);
        boolean draft = f.bool("draft").orElse(false);
        var movedFrom = MovedFrom.read(f, "/exercises/clamshell/");
        return f.build(() -> new Exercise(slug.value(), doc.origin(), slug.at(), title, otherNames, summary,
                new Exercise.Profile(muscles, chain, phase), new Exercise.Equipment(equipment, optionalEquipment),
                new Exercise.Instructions(position, steps, feelIt, tips, mistakes), dose,
                new Exercise.Variations(progressions, regressions), new Exercise.Safety(stopIf), illustration,
                sources, editorial, draft, doc.body(), movedFrom));
    }

    private static Muscles muscles(Fields m) {
        var primary = m.strings("primary", true);
        var secondary = m.strings("secondary", false);
        m.finish();
        return new Muscles(primary, secondary);
    }

    private static Dose dose(Fields d) {
        var sets = d.requiredInt("sets", 1, Dose.MAX_SETS);
        var reps = d.range("reps", true, Dose.MAX_REPS).orElse(new RepRange(1, 1));
        var hold = d.optionalInt("hold_seconds", 1, Dose.MAX_HOLD_SECONDS);
        Optional<Prose> rest = d.prose("rest", false);
        var perSide = d.requiredBool("per_side");
        var frequency = d.prose("frequency", false);
        d.finish();
        return new Dose(sets, reps, hold, rest, perSide, frequency);
    }

    private static Illustration illustration(Fields i) {
        var src = i.requiredText("src").trim();
        if (!src.isEmpty() && !imagePath(src)) {
            i.invalid("src", "the illustration must be a file in content/images/, written as /images/<name>.svg "
                    + "(or .png, .jpg, .gif, .webp, .avif), with a name of " + FileNames.RULE + " (such as /images/side-plank.svg), "
                    + "not \"" + src + "\"");
        }
        var alt = i.requiredText("alt");
        var credit = i.requiredText("credit");
        i.finish();
        return new Illustration(src, alt, credit, i.valueAt("src").orElse(i.at()));
    }

    /** Whether {@code src} names a file in content/images/ by a name the files there may have. */
    private static boolean imagePath(String src) {
        return IMAGE_PATH.matcher(src).matches()
                && Arrays.stream(src.substring("/images/".length()).split("/")).allMatch(FileNames::usable);
    }
}
