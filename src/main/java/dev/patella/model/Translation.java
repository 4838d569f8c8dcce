package dev.patella.model;

import dev.patella.config.SiteConfig;
import java.util.List;
import java.util.Optional;

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
 * @param people   the people of {@code content/<code>/people.yaml} that read without error, in file
 *                 order; empty when there is none (every person keeps the source's words)
 * @param orphans  the files of {@code content/<code>/} whose source does not exist, left out of the
 *                 translation; not yet reported, as a source renamed since may explain them
 */
public record Translation(String language, Optional<SiteConfig.EditionText> text, List<Condition> conditions,
                          List<Exercise> exercises, List<Page> pages, List<GlossaryTerm> glossary,
                          Unreadable unread, List<TranslatedPerson> people, List<Orphan> orphans) {

    public Translation {
        conditions = List.copyOf(conditions);
        exercises = List.copyOf(exercises);
        pages = List.copyOf(pages);
        glossary = List.copyOf(glossary);
        people = List.copyOf(people);
        orphans = List.copyOf(orphans);
    }

    /** The same translation with what it names as unreadable ({@link #unread}) replaced. */
    public Translation withUnread(Unreadable other) {
        return new Translation(language, text, conditions, exercises, pages, glossary, other, people, orphans);
    }

    /**
     * A translated file with no source of its name, {@code content/es/exercises/clamshell.md}.
     *
     * @param near the file of the source's folder with no translation yet whose name is nearly its own
     *             ({@code clamshel.md}), or starts it or is started by it ({@code clam.md}), for the message
     *             only; empty when none or several
     * @param text the file's text as it is (not read as a page: it has no source to be checked against), for the
     *             checks that ask whether any file of the language uses a word; empty when it cannot be read
     */
    public record Orphan(String file, Optional<String> near, String text) {

        /** The folder of {@code content/} its source would be in: {@code exercises}. */
        public String folder() {
            return file.split("/")[2];
        }

        /** The slug its source would have: its file's name without {@code .md}, {@code clamshell}. */
        public String slug() {
            String name = file.substring(file.lastIndexOf('/') + 1);
            return name.endsWith(".md") ? name.substring(0, name.length() - ".md".length()) : name;
        }
    }

    /** A translation whose every file could be read, with no people of its own. */
    public Translation(String language, Optional<SiteConfig.EditionText> text, List<Condition> conditions,
                       List<Exercise> exercises, List<Page> pages, List<GlossaryTerm> glossary) {
        this(language, text, conditions, exercises, pages, glossary, Unreadable.none(), List.of(), List.of());
    }

    /**
     * The content file a translated file translates: {@code content/es/exercises/clamshell.md}
     * gives {@code content/exercises/clamshell.md}.
     */
    public static String sourceFile(String translationFile, String language) {
        // by hand, not a regular expression compiled on each call: it runs for every page of every edition
        String folder = "content/" + language + "/";
        return translationFile.startsWith(folder) ? "content/" + translationFile.substring(folder.length())
                : translationFile;
    }
}
