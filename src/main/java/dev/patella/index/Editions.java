package dev.patella.index;

import dev.patella.config.SiteConfig;
import dev.patella.diag.Diagnostics;
import dev.patella.diag.SourceSpan;
import dev.patella.diag.Suggestions;
import dev.patella.model.Condition;
import dev.patella.model.Exercise;
import dev.patella.model.Key;
import dev.patella.model.Person;
import dev.patella.model.ProgramStep;
import dev.patella.model.Site;
import dev.patella.model.TranslatedPerson;
import dev.patella.model.Translation;
import dev.patella.model.Unreadable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The site as each of its languages publishes it: one {@link Site} per language, the default
 * first. An edition in another language holds the items translated into it (each in place of its
 * source) and nothing else: an untranslated page is not published in that language, so no reader
 * of {@code /es/} meets English text without being told. Sources and images are shared; people
 * are too, with the words about them ({@code role}, {@code bio}) translated where
 * {@code content/<code>/people.yaml} gives them.
 */
public final class Editions {

    private Editions() {
    }

    /**
     * @return the default edition ({@code site} itself), then one edition per translation whose
     *         settings could be read, in the order of {@code languages}
     */
    public static List<Site> of(Site site, Diagnostics diagnostics) {
        List<Site> out = new ArrayList<>(List.of(site));
        for (Translation t : site.translations()) {
            t.text().ifPresent(text -> out.add(edition(site, t, site.config().forEdition(t.language(), text),
                    diagnostics)));
        }
        return List.copyOf(out);
    }

    private static Site edition(Site site, Translation t, SiteConfig config, Diagnostics diagnostics) {
        // a program names exercises by their source's slug; a translation may have a slug of its own
        Map<String, String> sourceFileSlug = new HashMap<>();
        site.exercises().forEach(e -> sourceFileSlug.put(e.origin().file(), e.slug()));
        Map<String, String> slugs = new HashMap<>();
        for (Exercise e : t.exercises()) {
            Optional.ofNullable(sourceFileSlug.get(Translation.sourceFile(e.origin().file(), t.language())))
                    .ifPresent(source -> slugs.put(source, e.slug()));
        }
        Map<String, String> sourceFileOf = new HashMap<>();
        site.exercises().forEach(e -> sourceFileOf.put(e.slug(), e.origin().file()));
        // a translation that could not be read (reported) is named by its source's slug, as programs and links name it
        Set<String> unreadExercises = new HashSet<>(sourceSlugs(t.unread().exercises(), "exercises", sourceFileSlug));
        // the language's own folders that could not be read ("es/exercises" misnamed, reported): as its "exercises"
        Set<String> folders = new HashSet<>(site.unreadable().folders());
        site.unreadable().folders().stream().filter(f -> f.startsWith(t.language() + "/"))
                .forEach(f -> folders.add(f.substring(t.language().length() + 1)));
        if (folders.contains("exercises")) {
            unreadExercises.addAll(sourceFileOf.keySet()); // none of them is missing a translation: the folder's error says why
        }
        List<Condition> conditions = t.conditions().stream()
                .map(c -> withProgram(c, slugs, sourceFileOf, unreadExercises, t.language(), diagnostics)).toList();
        Map<String, String> conditionSlug = new HashMap<>();
        site.conditions().forEach(c -> conditionSlug.put(c.origin().file(), c.slug()));
        Map<String, String> pageSlug = new HashMap<>();
        site.pages().forEach(p -> pageSlug.put(p.origin().file(), p.slug()));
        var shared = site.unreadable();
        var unreadable = new Unreadable(unreadExercises, sourceSlugs(t.unread().conditions(), "conditions", conditionSlug),
                sourceSlugs(t.unread().pages(), "pages", pageSlug), shared.people(), shared.sources(),
                folders, shared.files());
        // a translation at its source's slug was at its source's old addresses too
        Map<String, List<Key>> movedFrom = new HashMap<>();
        site.conditions().forEach(c -> movedFrom.put(c.origin().file(), c.movedFrom()));
        site.exercises().forEach(e -> movedFrom.put(e.origin().file(), e.movedFrom()));
        site.pages().forEach(p -> movedFrom.put(p.origin().file(), p.movedFrom()));
        Lineage lineage = new Lineage(t.language(), movedFrom);
        return new Site(config, people(site, t, diagnostics), site.references(),
                conditions.stream().map(c -> lineage.kept(c, c.origin(), c.slugAt(), c.movedFrom(), c::withMovedFrom)).toList(),
                t.exercises().stream().map(e -> lineage.kept(e, e.origin(), e.slugAt(), e.movedFrom(), e::withMovedFrom)).toList(),
                t.pages().stream().map(p -> lineage.kept(p, p.origin(), p.slugAt(), p.movedFrom(), p::withMovedFrom)).toList(),
                site.files(), unreadable, t.glossary());
    }

    /** The old addresses of each source file, which a translation without a slug of its own keeps too. */
    private record Lineage(String language, Map<String, List<Key>> movedFrom) {

        /**
         * {@code item} with its source's old addresses after its own, when it has no {@code slug:}
         * of its own (its slug is then placed at its file's start) and its source has some.
         */
        <T> T kept(T item, SourceSpan origin, SourceSpan slugAt, List<Key> own, Function<List<Key>, T> with) {
            List<Key> inherited = movedFrom.getOrDefault(Translation.sourceFile(origin.file(), language), List.of());
            if (!slugAt.equals(origin) || inherited.isEmpty()) {
                return item;
            }
            List<Key> all = new ArrayList<>(own);
            inherited.stream().filter(k -> own.stream().noneMatch(o -> o.value().equals(k.value()))).forEach(all::add);
            return with.apply(all);
        }
    }

    /**
     * The people as the edition shows them: each with the words of its translation when
     * {@code content/<code>/people.yaml} has one, else with the source's. A translated id that is not
     * in {@code content/people.yaml} is reported (unless it is the id of an entry there that had errors, or
     * that file could not be read: reported already), and so is a translated name for someone who is not a
     * team or body.
     */
    private static List<Person> people(Site site, Translation t, Diagnostics diagnostics) {
        Map<String, TranslatedPerson> words = new HashMap<>();
        Set<String> ids = new TreeSet<>();
        site.people().forEach(p -> ids.add(p.id()));
        // the ids of people whose entries had mistakes (reported) are offered too: the one meant may be theirs
        Set<String> named = new TreeSet<>(ids);
        named.addAll(site.unreadable().people().ids());
        Set<String> organizations = new HashSet<>();
        site.people().stream().filter(Person::organization).forEach(p -> organizations.add(p.id()));
        for (TranslatedPerson p : t.people()) {
            if (ids.contains(p.id())) {
                p.name().filter(name -> !organizations.contains(p.id())).ifPresent(name -> diagnostics.error(
                        "schema.unknown-key", name.at(), "\"name\" is translated only for a team or body "
                                + "(\"organization: true\" in content/people.yaml): a person's name is the same in "
                                + "every language; remove this line"));
                words.put(p.id(), p);
            } else if (!site.unreadable().people().covers(p.id())) {
                diagnostics.error("translation.no-source", p.at(), "\"" + p.id() + "\" translates no one: there is "
                        + "no person with this id in content/people.yaml" + Suggestions.closest(p.id(), named)
                        .map(id -> "; did you mean \"" + id + "\"?").orElse("; use the id the person has there, "
                                + "or add them to content/people.yaml first"));
            }
        }
        if (words.isEmpty()) {
            return site.people();
        }
        return site.people().stream().map(p -> words.containsKey(p.id()) ? words.get(p.id()).applyTo(p) : p).toList();
    }

    /** The slugs of the sources of the translated files {@code names} of {@code content/<code>/<folder>/}. */
    private static Set<String> sourceSlugs(Set<String> names, String folder, Map<String, String> slugOfSourceFile) {
        Set<String> out = new HashSet<>();
        for (String name : names) {
            out.add(slugOfSourceFile.getOrDefault("content/" + folder + "/" + name + ".md", name));
        }
        return out;
    }

    /**
     * The condition with its program's keys naming the translated exercises. A key whose exercise
     * has no translation is reported: the translated program would lack a step. A key whose
     * translation could not be read ({@code unread}, its own error says why) is kept as it is, for
     * the index to pass over.
     */
    private static Condition withProgram(Condition c, Map<String, String> slugs, Map<String, String> sourceFileOf,
                                         Set<String> unread, String language, Diagnostics diagnostics) {
        List<ProgramStep> program = new ArrayList<>();
        for (ProgramStep step : c.program()) {
            List<Key> keys = new ArrayList<>();
            for (Key key : step.exercises()) {
                String translated = slugs.get(key.value());
                if (translated != null) {
                    keys.add(new Key(translated, key.at()));
                } else if (unread.contains(key.value())) {
                    keys.add(key);
                } else if (sourceFileOf.containsKey(key.value())) {
                    String source = sourceFileOf.get(key.value());
                    diagnostics.error("translation.untranslated", key.at(), c.origin().file() + " lists the exercise "
                            + key.value() + ", which is not translated into " + language + ", so the " + language
                            + " program would lack it; translate " + source + " into "
                            + source.replaceFirst("^content/", "content/" + language + "/"));
                } else {
                    keys.add(key); // not an exercise at all: the index reports it
                }
            }
            program.add(new ProgramStep(step.phase(), step.title(), step.summary(), keys));
        }
        return c.withProgram(program);
    }
}
