package dev.patella.serve;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the files a site copies from the project (images, the favicons, a library's licence) at
 * the moment they are asked for, and only while they really are inside one of the project's
 * folders. Stylesheets and scripts are not among them: they are served from the bytes the build
 * read and published.
 *
 * <p>The build refuses a file that links out of {@code content/}, but the server reads copied
 * files when a page asks for them, and a file can be swapped for a link after the build that
 * listed it (and while there are errors, the server falls back to the last good build's list).
 * So each read resolves the file's real path again, and opens it without following a link.
 */
final class CopiedFiles {

    private final List<Path> roots;

    /** @param folders the folders copied files may come from; those that do not exist are left out */
    CopiedFiles(List<Path> folders) {
        var real = new ArrayList<Path>();
        for (Path folder : folders) {
            try {
                real.add(folder.toRealPath());
            } catch (IOException e) {
                // a missing folder holds no file to serve
            }
        }
        roots = List.copyOf(real);
    }

    /**
     * @return the file's bytes; empty when it is gone, is not a regular file, or resolves to a
     *         place outside the folders
     */
    Optional<byte[]> read(Path source) {
        try {
            Path real = source.toRealPath();
            if (roots.stream().noneMatch(real::startsWith) || !Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty();
            }
            try (InputStream in = Files.newInputStream(real, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.of(in.readAllBytes());
            }
        } catch (IOException e) {
            return Optional.empty(); // deleted or swapped while being read: the next rebuild will say
        }
    }
}
