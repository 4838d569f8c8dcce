package dev.patella.model;

import dev.patella.config.SiteConfig;
import java.util.List;

/**
 * Everything read from {@code content/}, checked field by field but not yet cross-referenced.
 *
 * @param unreadable what had errors, so references to it are not reported a second time
 * @param glossary   the terms of {@code glossary.yaml}; empty when the site has none
 * @param translations what {@code content/<code>/} holds for each language other than the default,
 *                   in the order of {@code languages}; empty for a site in one language
 */
public record Site(
        SiteConfig config,
        List<Person> people,
        List<Reference> references,
        List<Condition> conditions,
        List<Exercise> exercises,
        List<Page> pages,
        List<StaticFile> files,
        Unreadable unreadable,
        List<GlossaryTerm> glossary,
        List<Translation> translations) {

    /** A site in one language, with no translations. */
    public Site(SiteConfig config, List<Person> people, List<Reference> references, List<Condition> conditions,
                List<Exercise> exercises, List<Page> pages, List<StaticFile> files, Unreadable unreadable,
                List<GlossaryTerm> glossary) {
        this(config, people, references, conditions, exercises, pages, files, unreadable, glossary, List.of());
    }

    public Site {
        translations = List.copyOf(translations);
        people = List.copyOf(people);
        references = List.copyOf(references);
        conditions = List.copyOf(conditions);
        exercises = List.copyOf(exercises);
        pages = List.copyOf(pages);
        files = List.copyOf(files);
        glossary = List.copyOf(glossary);
    }
}
