package dev.patella.index;

import dev.patella.diag.SourceSpan;
import dev.patella.model.Key;
import dev.patella.model.Site;
import dev.patella.model.Unreadable;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One of the folders of {@code content/} whose files are pages named by their slug: what {@link RenamedFiles}
 * needs to know of each, the pages' addresses and what could not be read of them.
 */
enum PageFolder {
    CONDITIONS("conditions"), EXERCISES("exercises"), PAGES("pages");

    private final String name;

    PageFolder(String name) {
        this.name = name;
    }

    /** The folder's name under {@code content/}: {@code exercises}. */
    String folder() {
        return name;
    }

    /** The address of this folder's page with {@code slug}. */
    String address(String slug) {
        return switch (this) {
            case CONDITIONS -> Urls.condition(slug);
            case EXERCISES -> Urls.exercise(slug);
            case PAGES -> Urls.page(slug);
        };
    }

    /**
     * @param path a site path as a link in {@code content/} writes it, without {@code #part} or language folder
     * @return the slug of the page of this folder that {@code path} leads to (a condition's program too);
     *         empty when it is no address of this folder's pages
     */
    Optional<String> slugOf(String path) {
        String[] parts = path.split("/", -1);
        // "/exercises/clam/" splits into "", "exercises", "clam", ""; the closing slash may be left out
        int n = parts.length - (parts[parts.length - 1].isEmpty() ? 1 : 0);
        return switch (this) {
            case CONDITIONS -> parts[1].equals(name) && (n == 3 || n == 4 && parts[3].equals("program"))
                    ? Optional.of(parts[2]) : Optional.empty();
            case EXERCISES -> parts[1].equals(name) && n == 3 ? Optional.of(parts[2]) : Optional.empty();
            case PAGES -> n == 2 && !parts[1].isEmpty() ? Optional.of(parts[1]) : Optional.empty();
        };
    }

    /** This folder's pages of the default language, drafts too, in file order. */
    List<Named> pages(Site site) {
        return switch (this) {
            case CONDITIONS -> site.conditions().stream()
                    .map(c -> new Named(c.origin(), c.slug(), c.title(), c.movedFrom(), c.draft())).toList();
            case EXERCISES -> site.exercises().stream()
                    .map(e -> new Named(e.origin(), e.slug(), e.title(), e.movedFrom(), e.draft())).toList();
            case PAGES -> site.pages().stream()
                    .map(p -> new Named(p.origin(), p.slug(), p.title(), p.movedFrom(), p.draft())).toList();
        };
    }

    /** The names of this folder's files that could not be read (reported). */
    Set<String> unread(Unreadable unreadable) {
        return switch (this) {
            case CONDITIONS -> unreadable.conditions();
            case EXERCISES -> unreadable.exercises();
            case PAGES -> unreadable.pages();
        };
    }

    /** {@code unreadable} with {@code names} added to this folder's files that could not be read. */
    Unreadable withUnread(Unreadable unreadable, Set<String> names) {
        if (names.isEmpty()) {
            return unreadable;
        }
        Set<String> all = new HashSet<>(unread(unreadable));
        all.addAll(names);
        var u = unreadable;
        return new Unreadable(this == EXERCISES ? all : u.exercises(), this == CONDITIONS ? all : u.conditions(),
                this == PAGES ? all : u.pages(), u.people(), u.sources(), u.folders(), u.files());
    }

    /**
     * A page of the folder as a rename is found: its file, slug, title, the old addresses it keeps, and whether it
     * is a draft (never published, so its old address needs keeping by no one).
     */
    record Named(SourceSpan origin, String slug, String title, List<Key> movedFrom, boolean draft) {

        /** Its file's name without {@code .md}. */
        String stem() {
            String file = origin.file();
            String name = file.substring(file.lastIndexOf('/') + 1);
            return name.endsWith(".md") ? name.substring(0, name.length() - 3) : name;
        }
    }
}
