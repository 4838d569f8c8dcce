package dev.patella.render;

import dev.patella.diag.Diagnostics;
import dev.patella.index.SiteIndex;
import dev.patella.index.Urls;
import dev.patella.model.Condition;
import dev.patella.model.Dose;
import dev.patella.model.Exercise;
import dev.patella.model.Key;
import dev.patella.model.ProgramStep;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.TreeMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The clinician's handout maker, at {@code /handout/}: choose exercises from any program, set each
 * one's dose and a note, then copy a link or print. The choices live only in the address's
 * fragment, written and checked by {@code handout.js}; the page itself is the same for everyone, and
 * without JavaScript it is the default program (the first condition's) as a printable sheet.
 */
final class HandoutKind implements PageKind {

    private static final Pattern KEY = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

    /** The ranges a handout link may carry; the doses' are the content schema's own. */
    static final Views.HandoutLimits LIMITS = new Views.HandoutLimits(Dose.MAX_SETS, Dose.MAX_REPS,
            Dose.MAX_HOLD_SECONDS, Dose.MAX_REST_SECONDS, Dose.MAX_DAYS_PER_WEEK, 120, 80, 12, 1200);

    @Override
    public String template() {
        return "handout.ftlh";
    }

    @Override
    public List<PageJob> pages(Inputs inputs) {
        Map<String, String> renamed = inputs.renamed();
        return List.of(new PageJob(Urls.HANDOUT, template(), Optional.empty(), (v, d) -> view(v, d, renamed))
                .keyedBy(List.of(PlainPageKind.overview(inputs), renamed)));
    }

    @Override
    public List<String> fixedUrls() {
        return List.of(Urls.HANDOUT);
    }

    @Override
    public Optional<String> section() {
        return Optional.of("handout");
    }

    @Override
    public List<SearchIndex.Entry> findable(SiteIndex index, Messages words, SearchIndex.Plain plain) {
        return List.of(new SearchIndex.Entry(words.text("handout.title"), Urls.HANDOUT,
                words.text("search.kind.handout"), words.text("handout.description"), words.text("handout.keywords")));
    }

    /** The default program: the first condition's exercises in program order; every exercise when no condition has one. */
    static List<Exercise> defaultProgram(SiteIndex index) {
        Set<Exercise> out = new LinkedHashSet<>();
        index.conditions().stream().findFirst().ifPresent(c -> out.addAll(exercisesOf(c, index)));
        if (out.isEmpty()) {
            out.addAll(index.exercises());
        }
        return out.stream().limit(LIMITS.maxExercises()).toList();
    }

    private static List<Exercise> exercisesOf(Condition c, SiteIndex index) {
        Set<Exercise> out = new LinkedHashSet<>();
        for (ProgramStep step : c.program()) {
            for (Key key : step.exercises()) {
                index.findExercise(key.value()).ifPresent(out::add);
            }
        }
        return List.copyOf(out);
    }

    /**
     * What a handout link names an exercise by: its file's name, which a translation shares with its source
     * ({@code content/es/exercises/clamshell.md}), so that a link made in one language opens in another even
     * where a translation has a slug of its own. A file name that cannot be written in a link gives the slug.
     */
    private static String key(Exercise e) {
        String file = e.origin().file();
        String stem = file.substring(file.lastIndexOf('/') + 1).replaceFirst("\\.md$", "");
        return KEY.matcher(stem).matches() ? stem : e.slug();
    }

    /**
     * The names exercises had in handout links before they were renamed, each with its name now: the
     * last part of each old address an exercise of {@code index} (the default language's) keeps
     * ({@code moved_from:}) that no exercise has now. A link printed before the rename names the
     * exercise by its old name; the script reads it by its new one once the link's check, over the
     * link as it was written, holds. Every language's handout maker gets the same names (a
     * translation shares its source's file name), and keeps those of the exercises it has.
     */
    static Map<String, String> renamed(SiteIndex index) {
        Map<String, String> keyOf = new HashMap<>();
        index.exercises().forEach(e -> keyOf.put(Urls.exercise(e.slug()), key(e)));
        Set<String> names = new HashSet<>(keyOf.values());
        Map<String, String> out = new TreeMap<>();
        index.moved().forEach((from, move) -> {
            String key = keyOf.get(move.to());
            String old = from.startsWith(Urls.EXERCISES) ? from.substring(Urls.EXERCISES.length(), from.length() - 1) : "";
            if (key != null && KEY.matcher(old).matches() && !names.contains(old)) {
                out.put(old, key);
            }
        });
        return out;
    }

    private static ViewBuilder.Built view(ViewBuilder v, Diagnostics d, Map<String, String> renamed) {
        String url = Urls.HANDOUT;
        var md = v.markdownFor(url, d);
        String title = v.words().text("handout.title");
        String description = v.words().text("handout.description");
        SiteIndex index = v.index();
        List<Views.HandoutGroup> groups = new ArrayList<>();
        Set<Exercise> inPrograms = new LinkedHashSet<>();
        for (Condition c : index.conditions()) {
            List<Exercise> exercises = exercisesOf(c, index);
            inPrograms.addAll(exercises);
            groups.add(new Views.HandoutGroup(c.title(), exercises.stream()
                    .map(e -> new Views.Link(e.title(), key(e), false)).toList()));
        }
        List<Views.Link> others = index.exercises().stream().filter(e -> !inPrograms.contains(e))
                .map(e -> new Views.Link(e.title(), key(e), false)).toList();
        if (!others.isEmpty()) {
            groups.add(new Views.HandoutGroup(v.words().text("handout.others"), others));
        }
        // the phases first: their summaries are above the exercises, so their citations are numbered first
        List<Views.HandoutPhase> phases = new ArrayList<>();
        Map<Exercise, String> phaseOf = new HashMap<>();
        List<Views.HandoutAvoid> avoid = new ArrayList<>();
        List<Condition> withAvoid = index.conditions().stream().filter(c -> !c.avoid().isEmpty()).toList();
        for (int ci = 0; ci < index.conditions().size(); ci++) {
            Condition c = index.conditions().get(ci);
            List<ProgramStep> steps = c.program();
            for (int pi = 0; pi < steps.size(); pi++) {
                String phaseKey = "c" + ci + "p" + pi;
                phases.add(new Views.HandoutPhase(phaseKey, steps.get(pi).title(), md.inline(steps.get(pi).summary())));
                for (Key k : steps.get(pi).exercises()) {
                    index.findExercise(k.value()).ifPresent(e -> phaseOf.putIfAbsent(e, phaseKey));
                }
            }
        }
        for (Condition c : withAvoid) {
            String heading = withAvoid.size() == 1 ? v.words().text("condition.avoid")
                    : v.words().format("handout.avoid-for", Map.of("condition", c.title()));
            avoid.add(new Views.HandoutAvoid("avoid-" + avoid.size(), heading, md.inline(c.avoid()),
                    String.join(" ", exercisesOf(c, index).stream().map(HandoutKind::key).toList()),
                    index.conditions().get(0) == c));
        }
        List<Exercise> defaults = defaultProgram(index);
        Set<Exercise> ordered = new LinkedHashSet<>(defaults);
        ordered.addAll(index.exercises());
        List<Views.HandoutExercise> sheet = new ArrayList<>();
        for (Exercise e : ordered) {
            sheet.add(new Views.HandoutExercise(key(e), "ex-" + key(e), e.title(),
                    Urls.relative(url, Urls.exercise(e.slug())), v.printedAddress(Urls.exercise(e.slug())),
                    ViewBuilder.dose(e.dose(), md), v.illustration(e, url),
                    md.inline(e.instructions().position()), md.inline(e.instructions().steps()),
                    md.inline(e.instructions().feelIt()), md.inline(e.safety().stopIf()),
                    defaults.indexOf(e) + 1, phaseOf.getOrDefault(e, "")));
        }
        var layout = v.layouts().layout(url, title, description, Urls.EXERCISES,
                List.of(new Views.Link(v.words().text("nav.exercises"), Urls.EXERCISES, false)), v.disclaimer(md),
                v.data().page(url, title, description, List.of())).withScripts(List.of(v.script("handout.js", url)));
        var view = new Views.Handout(layout, title, groups, phases, sheet, avoid, LIMITS, v.script("uqr.js", url), v.help(md),
                v.references(md, List.of()), v.siteChecked(), v.weeks(), v.days(), v.data().object(renamed));
        return new ViewBuilder.Built(view, md, ViewBuilder.keys(md, List.of()));
    }
}
