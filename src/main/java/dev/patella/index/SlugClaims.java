package dev.patella.index;

import dev.patella.diag.Diagnostics;
import dev.patella.diag.SourceSpan;
import dev.patella.model.Condition;
import dev.patella.model.Exercise;
import dev.patella.model.Page;
import dev.patella.model.Site;
import dev.patella.model.Translation;
import dev.patella.model.Unreadable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Settles which page keeps each slug, before the site's editions are made, so that no later stage
 * meets two pages at one address. A page whose slug is refused is reported once, at its slug, and
 * left out of the build like a file that could not be read: its file name joins the unreadable
 * names of its language, so that a program listing it or a link to it is not reported again, and
 * its translations are left out with it.
 *
 * <p>A slug is refused when the site uses it itself (a plain page only), when another page of the
 * same kind in the same language has it (the page whose file is named after the slug keeps it,
 * else the first file), and, for a translation, when a page of the default language other than its
 * own source has it: links in every language name a page by its source's slug, so a translation
 * at that address would capture them.
 */
public final class SlugClaims {

    private static final Kind<Condition> CONDITION = new Kind<>("condition", Condition::slug, Condition::origin,
            Condition::slugAt, Condition::draft, Urls::condition, Condition::withSlug);
    private static final Kind<Exercise> EXERCISE = new Kind<>("exercise", Exercise::slug, Exercise::origin,
            Exercise::slugAt, Exercise::draft, Urls::exercise, Exercise::withSlug);
    private static final Kind<Page> PAGE = new Kind<>("page", Page::slug, Page::origin, Page::slugAt, Page::draft,
            Urls::page, Page::withSlug);

    private SlugClaims() {
    }

    /**
     * @param drafts   whether drafts are published: a draft competes for its slug only then
     * @param reserved the slugs the site itself takes, which a plain page may not
     * @return the site without the pages (and translations) whose slug was refused (reported), each
     *         named among the unreadable files of its language; the same site when none was
     */
    public static Site settle(Site site, boolean drafts, Reserved reserved, Diagnostics diagnostics) {
        var conditions = CONDITION.settle(site.conditions(), drafts, Set.of(), diagnostics);
        var exercises = EXERCISE.settle(site.exercises(), drafts, Set.of(), diagnostics);
        var pages = PAGE.settle(site.pages(), drafts, reserved.slugs(), diagnostics);
        List<Translation> translations = new ArrayList<>();
        for (Translation t : site.translations()) {
            var c = CONDITION.settle(t, t.conditions(), conditions, drafts, Set.of(), diagnostics);
            var e = EXERCISE.settle(t, t.exercises(), exercises, drafts, Set.of(), diagnostics);
            var p = PAGE.settle(t, t.pages(), pages, drafts, reserved.slugs(), diagnostics);
            translations.add(new Translation(t.language(), t.text(), c.kept(), e.kept(), p.kept(), t.glossary(),
                    withNames(t.unread(), c, e, p), t.people(), t.orphans()));
        }
        return new Site(site.config(), site.people(), site.references(), conditions.kept(), exercises.kept(),
                pages.kept(), site.files(), withNames(site.unreadable(), conditions, exercises, pages),
                site.glossary(), translations);
    }

    /** {@code unread} with the file names of the refused conditions, exercises and pages added. */
    private static Unreadable withNames(Unreadable unread, Settled<Condition> c, Settled<Exercise> e,
                                        Settled<Page> p) {
        return new Unreadable(union(unread.exercises(), e.refusedNames()), union(unread.conditions(), c.refusedNames()),
                union(unread.pages(), p.refusedNames()), unread.people(), unread.sources(), unread.folders(),
                unread.files());
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new HashSet<>(a);
        out.addAll(b);
        return out;
    }

    /** The file name without its folders and {@code .md}: {@code semi-squat}. */
    private static String stem(SourceSpan origin) {
        String name = origin.file().substring(origin.file().lastIndexOf('/') + 1);
        return name.endsWith(".md") ? name.substring(0, name.length() - 3) : name;
    }

    /**
     * The items of one kind that keep their slug.
     *
     * @param refused the content files of the items refused (reported, or translating one that was)
     */
    private record Settled<T>(List<T> kept, Set<String> refused) {

        Set<String> refusedNames() {
            Set<String> out = new HashSet<>();
            refused.forEach(file -> out.add(stem(SourceSpan.startOf(file))));
            return out;
        }
    }

    /**
     * The slug an item has when it does not set {@code slug:}, and what that slug is, in words.
     *
     * @param means "its file name", or "its source's" for a translation
     */
    private record Unset<T>(Function<T, String> slug, String means) {
    }

    /** What the claims of one kind of page need to know about an item. */
    private record Kind<T>(String what, Function<T, String> slug, Function<T, SourceSpan> origin,
                           Function<T, SourceSpan> slugAt, Predicate<T> draft, Function<String, String> url,
                           BiFunction<T, String, T> withSlug) {

        String file(T item) {
            return origin.apply(item).file();
        }

        /** The default language's items: reserved slugs, then duplicates. */
        Settled<T> settle(List<T> items, boolean drafts, Set<String> reserved, Diagnostics diagnostics) {
            Unset<T> unset = new Unset<>(i -> stem(origin.apply(i)), "its file name");
            Set<String> refused = new HashSet<>();
            List<T> competing = competing(items, drafts, refused);
            reserved(competing, reserved, refused, unset, diagnostics);
            duplicates(competing, refused, unset, diagnostics);
            return kept(items, refused);
        }

        /**
         * One translation's items: one without {@code slug:} takes its source's slug; those whose
         * source was refused go with it, unreported; then reserved slugs, duplicates within the
         * language, and slugs a page of the default language other than the item's source has.
         */
        Settled<T> settle(Translation t, List<T> read, Settled<T> sources, boolean drafts, Set<String> reserved,
                          Diagnostics diagnostics) {
            Map<String, String> sourceSlug = new HashMap<>();
            sources.kept().forEach(s -> sourceSlug.put(file(s), slug.apply(s)));
            Unset<T> unset = new Unset<>(i -> sourceSlug.getOrDefault(
                    Translation.sourceFile(file(i), t.language()), stem(origin.apply(i))), "its source's");
            List<T> items = read.stream().map(i -> declared(i) ? i : withSlug.apply(i, unset.slug().apply(i))).toList();
            Set<String> refused = new HashSet<>();
            items.stream().filter(i -> sources.refused().contains(Translation.sourceFile(file(i), t.language())))
                    .forEach(i -> refused.add(file(i)));
            List<T> competing = competing(items, drafts, refused);
            reserved(competing, reserved, refused, unset, diagnostics);
            duplicates(competing, refused, unset, diagnostics);
            sourceOwned(t.language(), competing, sources.kept(), refused, unset, diagnostics);
            return kept(items, refused);
        }

        /** Whether the item sets {@code slug:} (its slug is placed at the value, not at the file's start). */
        private boolean declared(T item) {
            return !slugAt.apply(item).equals(origin.apply(item));
        }

        /** The items that claim their slug in this build: published ones, and drafts when drafts are. */
        private List<T> competing(List<T> items, boolean drafts, Set<String> refused) {
            return items.stream().filter(i -> (drafts || !draft.test(i)) && !refused.contains(file(i)))
                    .sorted(Comparator.comparing(origin)).toList();
        }

        private Settled<T> kept(List<T> items, Set<String> refused) {
            return new Settled<>(items.stream().filter(i -> !refused.contains(file(i))).toList(), Set.copyOf(refused));
        }

        private void reserved(List<T> competing, Set<String> reserved, Set<String> refused, Unset<T> unset,
                              Diagnostics diagnostics) {
            for (T item : competing) {
                if (reserved.contains(slug.apply(item))) {
                    refused.add(file(item));
                    diagnostics.error("slug.reserved", slugAt.apply(item), "the page slug \"" + slug.apply(item)
                            + "\" is used by the site itself; " + renameFix(item, unset));
                }
            }
        }

        /**
         * Of the items sharing a slug, the one that has it without asking ({@code unset}: its file
         * name, or a translation's source's slug) keeps it, else the first file.
         */
        private void duplicates(List<T> competing, Set<String> refused, Unset<T> unset,
                                Diagnostics diagnostics) {
            Map<String, List<T>> bySlug = new LinkedHashMap<>();
            competing.stream().filter(i -> !refused.contains(file(i)))
                    .forEach(i -> bySlug.computeIfAbsent(slug.apply(i), k -> new ArrayList<>()).add(i));
            bySlug.forEach((name, claims) -> {
                T owner = claims.stream().filter(i -> unset.slug().apply(i).equals(name)).findFirst().orElse(claims.get(0));
                for (T item : claims) {
                    if (item != owner) {
                        refused.add(file(item));
                        diagnostics.error("slug.duplicate", slugAt.apply(item), "another " + what
                                + " already uses \"" + name + "\" (" + slugAt.apply(owner) + "), so this one is "
                                + "left out of the site; " + renameFix(item, unset));
                    }
                }
            });
        }

        /** A translation may not take the slug of a page of the default language other than its source. */
        private void sourceOwned(String language, List<T> competing, List<T> sources, Set<String> refused,
                                 Unset<T> unset, Diagnostics diagnostics) {
            Map<String, T> owners = new HashMap<>();
            sources.forEach(s -> owners.putIfAbsent(slug.apply(s), s));
            for (T item : competing) {
                String source = Translation.sourceFile(file(item), language);
                T owner = owners.get(slug.apply(item));
                if (refused.contains(file(item)) || owner == null || file(owner).equals(source)) {
                    continue;
                }
                refused.add(file(item));
                String address = url.apply(slug.apply(item));
                diagnostics.error("slug.duplicate", slugAt.apply(item), "the " + what + " " + file(owner)
                        + " already uses \"" + slug.apply(item) + "\": a link to " + address + " in a page in "
                        + language + " leads to /" + language + address + ", the address of that " + what
                        + "'s translation, so this translation of " + source + " cannot take it and is left out of "
                        + "the site; " + renameFix(item, unset));
            }
        }

        /** How to give {@code item} a slug of its own. */
        private String renameFix(T item, Unset<T> unset) {
            String without = unset.slug().apply(item);
            return declared(item) && !without.equals(slug.apply(item))
                    ? "give it another \"slug:\", or remove \"slug:\" to use " + unset.means() + " (\"" + without
                            + "\")"
                    : "rename the file or set another \"slug:\"";
        }
    }
}
