package dev.patella.build;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * What changed in a project since a session's last build: some files (added, edited or
 * deleted), or possibly anything.
 *
 * @param all   whether anything may have changed, so every file must be looked at again
 * @param paths the files that changed, absolute; empty when {@code all}
 */
public record Changes(boolean all, Set<Path> paths) {

    public Changes {
        paths = Set.copyOf(paths);
    }

    /** Anything may have changed: the first build of a session, or after lost file events. */
    public static Changes everything() {
        return new Changes(true, Set.of());
    }

    /** These files changed; nothing else did. */
    public static Changes of(Collection<Path> paths) {
        return new Changes(false, Set.copyOf(paths.stream().map(p -> p.toAbsolutePath().normalize()).toList()));
    }

    /**
     * The files that changed, without what an editor's save left beside the file saved and
     * removed again ({@code sed -i} writes {@code pages/sedX1b2c3} and renames it over the file, an
     * IDE {@code about.md___jb_tmp___}): gone, not a {@code .md} file, in the folder of a page that
     * changed, or of any file that changed when it is named as a temporary file
     * ({@link #looksTemporary}). No page is made from such a file.
     */
    public List<Path> saved() {
        return paths.stream().filter(p -> !savingLeftover(p)).toList();
    }

    /**
     * Whether {@code path} is named as editors name the file they write before renaming it over
     * the one saved: no extension ({@code sed -i}'s {@code sedX1b2c3}, vim's {@code 4913}), a
     * trailing {@code ~}, IntelliJ's {@code ___jb_tmp___}, or {@code .tmp}, {@code .swp}. No
     * content file is named so; on its own, such a change is most likely half of a save.
     */
    public static boolean looksTemporary(Path path) {
        Path name = path.getFileName();
        if (name == null) {
            return false;
        }
        String n = name.toString();
        return n.indexOf('.') < 0 || n.endsWith("~") || n.contains("___jb_") || n.endsWith(".tmp")
                || n.endsWith(".swp");
    }

    private boolean savingLeftover(Path path) {
        if (path.toString().endsWith(".md") || Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        // beside a page that changed; or, named as a temporary file, beside any file that changed
        // (sed -i on glossary.yaml leaves content/sedX1b2c3)
        boolean temporary = looksTemporary(path);
        return paths.stream().anyMatch(other -> !other.equals(path) && other.getParent() != null
                && other.getParent().equals(path.getParent()) && (temporary || other.toString().endsWith(".md")));
    }
}
