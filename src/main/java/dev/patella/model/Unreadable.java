package dev.patella.model;

import java.util.Set;

/**
 * What could not be read because of errors already reported, so that references to it are not
 * reported a second time.
 *
 * @param exercises  the file names (without {@code .md}) of exercise files that had errors
 * @param conditions the file names of condition files that had errors
 * @param pages      the file names of plain page files that had errors
 * @param people    the people of {@code people.yaml} that had errors, or that the file could not be read
 * @param sources   the references of {@code sources.yaml} that had errors, or that the file could not be read
 * @param folders   the content folders ({@code "exercises"}, {@code "images"}…) that are not folders, so
 *                  nothing in them could be read
 * @param files     the site paths ({@code /images/knee.svg}) of files that were refused (reported)
 */
public record Unreadable(Set<String> exercises, Set<String> conditions, Set<String> pages, UnreadEntries people,
                         UnreadEntries sources, Set<String> folders, Set<String> files) {
    public Unreadable {
        exercises = Set.copyOf(exercises);
        conditions = Set.copyOf(conditions);
        pages = Set.copyOf(pages);
        folders = Set.copyOf(folders);
        files = Set.copyOf(files);
    }

    /** Nothing unreadable. */
    public static Unreadable none() {
        return new Unreadable(Set.of(), Set.of(), Set.of(), UnreadEntries.none(), UnreadEntries.none(), Set.of(),
                Set.of());
    }

    /** Whether nothing at all could be read from the content folder {@code folder}. */
    public boolean folder(String folder) {
        return folders.contains(folder);
    }
}
