package dev.patella.index;

import dev.patella.model.Condition;
import dev.patella.model.Exercise;
import dev.patella.model.Page;
import dev.patella.model.Site;
import dev.patella.model.Translation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The default language's conditions, exercises and plain pages by content file, as the editions that
 * translate them need to know them: a translation of a draft is a draft too (a page taken down in the
 * default language is not left published through its translation), and a translated program or link
 * names a page by its source's slug.
 */
public final class SourcePages {

    private final Map<String, String> slugs;
    private final Set<String> drafts;
    private final Set<String> exercises;

    private SourcePages(Map<String, String> slugs, Set<String> drafts, Set<String> exercises) {
        this.slugs = Map.copyOf(slugs);
        this.drafts = Set.copyOf(drafts);
        this.exercises = Set.copyOf(exercises);
    }

    /** The pages of {@code site}'s default language (its translations are not looked at). */
    public static SourcePages of(Site site) {
        Map<String, String> slugs = new HashMap<>();
        Set<String> drafts = new HashSet<>();
        site.conditions().forEach(c -> note(c.origin().file(), c.slug(), c.draft(), slugs, drafts));
        site.exercises().forEach(e -> note(e.origin().file(), e.slug(), e.draft(), slugs, drafts));
        site.pages().forEach(p -> note(p.origin().file(), p.slug(), p.draft(), slugs, drafts));
        Set<String> exercises = new HashSet<>();
        site.exercises().forEach(e -> exercises.add(e.slug()));
        return new SourcePages(slugs, drafts, exercises);
    }

    private static void note(String file, String slug, boolean draft, Map<String, String> slugs, Set<String> drafts) {
        slugs.putIfAbsent(file, slug);
        if (draft) {
            drafts.add(file);
        }
    }

    /** @return {@code site} with each translation of a draft marked a draft too; the same site when there is none */
    public Site inherited(Site site) {
        if (drafts.isEmpty() || site.translations().isEmpty()) {
            return site;
        }
        List<Translation> translations = new ArrayList<>();
        for (Translation t : site.translations()) {
            translations.add(new Translation(t.language(), t.text(),
                    drafted(t.conditions(), t.language(), c -> c.origin().file(), Condition::draft, c -> c.withDraft(true)),
                    drafted(t.exercises(), t.language(), e -> e.origin().file(), Exercise::draft, e -> e.withDraft(true)),
                    drafted(t.pages(), t.language(), p -> p.origin().file(), Page::draft, p -> p.withDraft(true)),
                    t.glossary(), t.unread(), t.people(), t.orphans()));
        }
        return new Site(site.config(), site.people(), site.references(), site.conditions(), site.exercises(),
                site.pages(), site.files(), site.unreadable(), site.glossary(), translations);
    }

    private <T> List<T> drafted(List<T> items, String language, Function<T, String> file, Predicate<T> draft,
                                Function<T, T> asDraft) {
        return items.stream().map(i -> !draft.test(i) && drafts.contains(Translation.sourceFile(file.apply(i),
                language)) ? asDraft.apply(i) : i).toList();
    }

    /**
     * @param file     a content file, {@code content/es/exercises/clamshell.md}
     * @param language the language of its edition
     * @return the file whose {@code draft: true} makes {@code file} a draft: its source when that is a
     *         draft, else {@code file} itself
     */
    public String draftSaidIn(String file, String language) {
        String source = Translation.sourceFile(file, language);
        return drafts.contains(source) ? source : file;
    }

    /** The slugs of the default language's exercises, drafts too: the names a program in any language may use. */
    public Set<String> exerciseSlugs() {
        return exercises;
    }

    /**
     * @param file     a content file of an edition in {@code language}
     * @return the slug of the page it translates, as programs and links in every language name it;
     *         empty when {@code file} is no translation of a page of the default language
     */
    public Optional<String> sourceSlug(String file, String language) {
        String source = Translation.sourceFile(file, language);
        return source.equals(file) ? Optional.empty() : Optional.ofNullable(slugs.get(source));
    }
}
