package dev.patella.model;

import dev.patella.config.SiteConfig;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What {@code content/<code>/} holds: the items translated into one language, each read with the
 * schema of its source. A translation and its source share their file name (their key):
 * {@code content/es/exercises/clamshell.md} translates {@code content/exercises/clamshell.md}.
 *
 * @param language the language code, one of the site's {@code languages}
 * @param text     the reader-facing texts of {@code content/<code>/site.yaml}; empty when it could not be read (reported)
 * @param glossary the terms of {@code content/<code>/glossary.yaml}; empty when there is none
 * @param unread   the file names (without {@code .md}) of the translated conditions, exercises and
 *                 pages whose source exists but which had errors (reported), so that what refers to
 *                 them in this language is not reported a second time; only its three name sets are used
 */
public record Translation(String language, Optional<SiteConfig.EditionText> text, List<Condition> conditions,
                          List<Exercise> exercises, List<Page> pages, List<GlossaryTerm> glossary,
                          Unreadable unread) {

    public Translation {
        conditions = List.copyOf(conditions);
        exercises = List.copyOf(exercises);
        pages = List.copyOf(pages);
        glossary = List.copyOf(glossary);
    }

    /** A translation whose every file could be read. */
    public Translation(String language, Optional<SiteConfig.EditionText> text, List<Condition> conditions,
                       List<Exercise> exercises, List<Page> pages, List<GlossaryTerm> glossary) {
        this(language, text, conditions, exercises, pages, glossary, Unreadable.none());
    }

    /**
     * The content file a translated file translates: {@code content/es/exercises/clamshell.md}
     * gives {@code content/exercises/clamshell.md}.
     */
    public static String sourceFile(String translationFile, String language) {
        return translationFile.replaceFirst("^content/" + Pattern.quote(language) + "/", "content/");
    }
}
