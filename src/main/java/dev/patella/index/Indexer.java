package dev.patella.index;

import dev.patella.diag.Diagnostics;
import dev.patella.diag.SourceSpan;
import dev.patella.model.Condition;
import dev.patella.model.Editorial;
import dev.patella.model.Exercise;
import dev.patella.model.Key;
import dev.patella.model.Page;
import dev.patella.model.Person;
import dev.patella.model.Phase;
import dev.patella.model.ProgramStep;
import dev.patella.model.Reference;
import dev.patella.model.Site;
import dev.patella.model.Translation;
import dev.patella.model.UnreadEntries;
import dev.patella.model.Unreadable;
import dev.patella.diag.Suggestions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Builds the {@link SiteIndex}: drops drafts unless asked for, and reports duplicate ids of people
 * and sources and keys that point at nothing. The pages' slugs were settled before, by
 * {@link SlugClaims}.
 */
public final class Indexer {

    private Indexer() {
    }

    /**
     * @param site     a site whose slugs {@link SlugClaims#settle} has settled
     * @param reserved the URLs the site itself takes
     */
    public static SiteIndex index(Site site, SourcePages sourcePages, boolean drafts, Reserved reserved,
                                  Diagnostics diagnostics) {
        // SlugClaims has settled the slugs: no two published items of a kind share one, none is reserved
        var conditions = published(site.conditions(), Condition::draft, drafts, Condition::slug);
        var exercises = published(site.exercises(), Exercise::draft, drafts, Exercise::slug);
        var pages = published(site.pages(), Page::draft, drafts, Page::slug);
        var people = byKey(site.people(), Person::id, Person::at, "person", diagnostics);
        var references = byKey(site.references(), Reference::id, Reference::at, "reference", diagnostics);
        var allExercises = new HashMap<String, Exercise>();
        site.exercises().forEach(e -> allExercises.putIfAbsent(e.slug(), e));

        var usages = new LinkedHashMap<String, List<Usage>>();
        var checks = new KeyChecks(people, references, site.unreadable(), diagnostics);
        for (Condition condition : conditions.values()) {
            checkProgram(condition, exercises, allExercises, site, sourcePages, usages, diagnostics);
            checks.editorial(condition.editorial());
            checks.sources(condition.sources(), "sources");
            checks.sources(condition.editorial().adaptedFrom().stream().toList(), "adapted_from");
        }
        for (Exercise exercise : exercises.values()) {
            checks.editorial(exercise.editorial());
            checks.sources(exercise.sources(), "sources");
            checks.sources(exercise.editorial().adaptedFrom().stream().toList(), "adapted_from");
        }
        var urls = new TreeSet<String>(reserved.urls());
        conditions.keySet().forEach(slug -> urls.add(Urls.condition(slug)));
        conditions.keySet().forEach(slug -> urls.add(Urls.program(slug)));
        exercises.keySet().forEach(slug -> urls.add(Urls.exercise(slug)));
        pages.keySet().forEach(slug -> urls.add(Urls.page(slug)));
        if (!site.glossary().isEmpty()) {
            urls.add(Urls.GLOSSARY);
        }

        return SiteIndex.of(site,
                sorted(conditions.values(), Comparator.comparing(Condition::title)),
                programOrder(exercises.values(), usages),
                sorted(pages.values(), Comparator.comparing(Page::title)),
                people, references, usages, urls, MovedAddresses.of(site, drafts, reserved, diagnostics));
    }

    private static void checkProgram(Condition condition, Map<String, Exercise> published,
                                     Map<String, Exercise> all, Site site, SourcePages sourcePages,
                                     Map<String, List<Usage>> usages, Diagnostics diagnostics) {
        Unreadable unreadable = site.unreadable();
        String language = site.config().language();
        int position = 0;
        var seen = new HashMap<String, SourceSpan>();
        for (ProgramStep step : condition.program()) {
            for (Key key : step.exercises()) {
                position++;
                if (!published.containsKey(key.value())) {
                    if (unreadable.exercises().contains(key.value()) || unreadable.folder("exercises")) {
                        continue; // the exercise file's (or folder's) own error says what is wrong
                    }
                    if (!key.several().isEmpty()) {
                        diagnostics.error("ref.unknown-exercise", key.at(), "there is no exercise \"" + key.value()
                                + "\": it is several exercises written as one text; "
                                + Key.asList("exercises", key.several()));
                    } else if (all.containsKey(key.value())) {
                        diagnostics.error("ref.draft-exercise", key.at(), "the exercise \"" + key.value()
                                + "\" is a draft" + draftSaidIn(all.get(key.value()).origin().file(), language,
                                sourcePages) + "; publish it (remove \"draft: true\") or take it out of the program");
                    } else {
                        diagnostics.error("ref.unknown-exercise", key.at(), "there is no exercise \"" + key.value()
                                + "\"" + namedByFile(key.value(), all.values(), language, sourcePages)
                                .orElse(" in content/exercises/"
                                + hint(key.value(), named(all.keySet(), sourcePages.exerciseSlugs()))));
                    }
                    continue;
                }
                var earlier = seen.putIfAbsent(key.value(), key.at());
                if (earlier != null) {
                    diagnostics.error("ref.duplicate-exercise", key.at(), "the exercise \"" + key.value()
                            + "\" is already in this program at line " + earlier.line() + "; list it once");
                    continue;
                }
                Exercise exercise = published.get(key.value());
                Phase own = exercise.profile().phase();
                // a translation's phases are compared with its source's (translation.numbers), not here
                if (own != step.phase() && condition.origin().file().startsWith("content/conditions/")
                        && exercise.origin().file().startsWith("content/exercises/")) {
                    // its page would say "Early phase." and, under "Used in", this program's later phase
                    diagnostics.error("ref.phase-mismatch", key.at(), "the exercise \"" + key.value() + "\" is in "
                            + "this program's " + step.phase().key() + " phase, but " + exercise.origin().file()
                            + " says \"phase: " + own.key() + "\", and its page would show both; list it under the "
                            + own.key() + " phase, or change the exercise's \"phase:\" to " + step.phase().key());
                }
                usages.computeIfAbsent(key.value(), k -> new ArrayList<>())
                        .add(new Usage(condition, step, position));
            }
        }
    }

    /** Where a draft is marked one: its own file, or, for a translation, its source's. */
    private static String draftSaidIn(String file, String language, SourcePages sourcePages) {
        String said = sourcePages.draftSaidIn(file, language);
        return said.equals(file) ? " (\"draft: true\" in " + file + ")" : " (\"draft: true\" in " + said + ", which "
                + file + " translates, and a translation of a draft is a draft too)";
    }

    /**
     * "; the file key.md has the slug ..." when a program names an exercise by its file name, not its slug: in a
     * translation the slug of its source, which a translated program writes, and where that slug comes from.
     */
    private static Optional<String> namedByFile(String key, Collection<Exercise> exercises, String language,
                                                SourcePages sourcePages) {
        return exercises.stream().filter(e -> e.origin().file().endsWith("/exercises/" + key + ".md")).findFirst()
                .map(e -> {
                    String file = e.origin().file();
                    Optional<String> sourceSlug = sourcePages.sourceSlug(file, language);
                    if (sourceSlug.isEmpty()) {
                        String moved = e.movedFrom().stream().anyMatch(k -> k.value().equals(key)
                                || k.value().equals(Urls.exercise(key))) ? "" : "; to keep its old address "
                                + Urls.exercise(key) + " leading to it (bookmarks, printed handouts), also add "
                                + "\"moved_from: [" + key + "]\" to " + file;
                        return "; " + file + " has the slug \"" + e.slug() + "\" (a program names an exercise by "
                                + "its slug, not its file name): write \"" + e.slug() + "\" here" + moved;
                    }
                    String source = Translation.sourceFile(file, language);
                    String whose = e.slugAt().equals(e.origin()) ? file + " has no \"slug:\" of its own and inherits "
                            + "the slug \"" + sourceSlug.get() + "\" from " + source
                            : source + ", which " + file + " translates, has the slug \"" + sourceSlug.get() + "\"";
                    return "; " + whose + " (a translated program names an exercise by its source's slug, not its "
                            + "file name): write \"" + sourceSlug.get() + "\" here";
                });
    }

    /**
     * Checks keys that point into people.yaml and sources.yaml; a key of an entry that could not be
     * read (its own error says why) is not unknown, and it is still offered as the key meant.
     */
    private record KeyChecks(Map<String, Person> people, Map<String, Reference> references, Unreadable unreadable,
                             Diagnostics diagnostics) {

        void editorial(Editorial editorial) {
            person(editorial.author());
            editorial.reviewer().ifPresent(this::person);
        }

        void person(Key key) {
            if (!people.containsKey(key.value()) && !unreadable.people().covers(key.value())) {
                diagnostics.error("ref.unknown-person", key.at(), "there is no person \"" + key.value()
                        + "\" in content/people.yaml" + hint(key.value(), known(people, unreadable.people())));
            }
        }

        void sources(List<Key> keys, String field) {
            for (Key key : keys) {
                if (!references.containsKey(key.value()) && !key.several().isEmpty()) {
                    diagnostics.error("cite.unknown-key", key.at(), "there is no source \"" + key.value()
                            + "\": it is several sources written as one text; "
                            + Key.asList(field, key.several()));
                } else if (!references.containsKey(key.value()) && !unreadable.sources().covers(key.value())) {
                    diagnostics.error("cite.unknown-key", key.at(), "there is no source \"" + key.value()
                            + "\" in content/sources.yaml"
                            + hint(key.value(), known(references, unreadable.sources())));
                }
            }
        }

        private static Set<String> known(Map<String, ?> read, UnreadEntries unread) {
            Set<String> out = new TreeSet<>(read.keySet());
            out.addAll(unread.ids());
            return out;
        }
    }

    /**
     * The exercises a program may name: those of its edition and, for a translated program, those of the default
     * language not translated yet (listing one is its own error, which says to translate it).
     */
    private static Set<String> named(Set<String> edition, Set<String> sources) {
        Set<String> out = new TreeSet<>(edition);
        out.addAll(sources);
        return out;
    }

    /** "; did you mean ...?" or a pointer to the file, for unknown-key messages. */
    public static String hint(String key, Set<String> known) {
        return Suggestions.closestOrStart(key, new TreeSet<>(known))
                .map(k -> "; did you mean \"" + k + "\"?")
                .orElse("; check the spelling or add it");
    }

    private static <T> Map<String, T> published(List<T> items, Predicate<T> draft, boolean drafts,
                                                Function<T, String> slug) {
        var out = new LinkedHashMap<String, T>();
        items.stream().filter(i -> drafts || !draft.test(i)).forEach(i -> out.putIfAbsent(slug.apply(i), i));
        return out;
    }

    private static <T> Map<String, T> byKey(List<T> items, Function<T, String> key, Function<T, SourceSpan> at,
                                            String what, Diagnostics diagnostics) {
        var sortedItems = new ArrayList<>(items);
        sortedItems.sort(Comparator.comparing(at));
        var out = new LinkedHashMap<String, T>();
        for (T item : sortedItems) {
            T earlier = out.putIfAbsent(key.apply(item), item);
            if (earlier != null) {
                diagnostics.error("slug.duplicate", at.apply(item), "another " + what + " already uses \""
                        + key.apply(item) + "\" (" + at.apply(earlier) + "); give one of them another name");
            }
        }
        return out;
    }

    private static <T> List<T> sorted(Collection<T> items, Comparator<T> order) {
        var list = new ArrayList<>(items);
        list.sort(order);
        return list;
    }

    private static List<Exercise> programOrder(Collection<Exercise> exercises,
                                               Map<String, List<Usage>> usages) {
        Map<String, Integer> firstUse = new HashMap<>();
        usages.forEach((slug, uses) -> firstUse.put(slug,
                uses.stream().mapToInt(Usage::position).min().orElse(Integer.MAX_VALUE)));
        return sorted(exercises, Comparator.comparing((Exercise e) -> e.profile().phase())
                .thenComparingInt((Exercise e) -> firstUse.getOrDefault(e.slug(), Integer.MAX_VALUE))
                .thenComparing(Exercise::title));
    }
}
