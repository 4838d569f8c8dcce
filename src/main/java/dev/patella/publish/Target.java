package dev.patella.publish;

import java.io.Closeable;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A place a site is published to. Paths are site paths: relative to the target's root, with forward
 * slashes ({@code exercises/clamshell/index.html}). Implementations refuse paths that would leave
 * the root, and never follow a symbolic link inside it.
 */
public interface Target extends Closeable {

    /** The address, for messages. */
    String describe();

    /** The folder's path on its host, such as {@code /var/www/knee} (relative to the login folder for {@code /~/}). */
    String folder();

    /**
     * Every file under the root (symbolic links included, as entries of their own that are not looked
     * into; folders not), by site path, with its size.
     *
     * @return an empty map when the root does not exist yet
     * @throws IOException when the root cannot be listed, or is a file
     */
    Map<String, Long> list() throws IOException;

    /**
     * The folders under the root that the last {@link #list()} went through, by site path
     * ({@code about}, {@code about/index.html} when someone made a folder of that name), which
     * {@code list} leaves out; empty when the target does not say.
     */
    default Set<String> folders() {
        return Set.of();
    }

    /**
     * Reads a small file.
     *
     * @return empty when there is no such file
     */
    Optional<byte[]> read(String path) throws IOException;

    /**
     * Writes a file so that a reader sees the old version or the new one, never a part: the bytes go to
     * a temporary name in the same folder, which is then renamed over the file. Creates missing folders.
     */
    void write(String path, byte[] content) throws IOException;

    /** Deletes a file, then the folders it leaves empty (never the root). A file that is not there is no error. */
    void delete(String path) throws IOException;
}
