package dev.patella.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * The one owner of a project's {@code .patella/} folder, where a build leaves notes for the next
 * one (ignored by git). Each note is a text file whose first line names the format's version
 * and the note, written whole to a temporary file and moved into place in one atomic step, so a
 * reader never sees half a note. A note that is missing, from another version of the format or
 * unreadable reads as empty: every note is only a way to be faster or safer next time.
 */
public final class ProjectState {

    /** The folder, relative to the project. */
    public static final String DIR = ".patella";
    /** Bump when any note's lines change meaning: older notes then read as empty. */
    private static final int VERSION = 1;

    /** The notes, each one file of {@code .patella/}. */
    public enum Note {
        /** What the last successful build was made from ({@link BuildCache}). */
        BUILD_CACHE("build-cache"),
        /** The formatted references ({@link ReferenceCache}). */
        REFERENCES("references"),
        /** Whether the last build succeeded ({@link LastBuild}). */
        LAST_BUILD("last-build");

        private final String file;

        Note(String file) {
            this.file = file;
        }
    }

    private final Path dir;

    public ProjectState(Path project) {
        this.dir = project.resolve(DIR);
    }

    /** The note's lines after its header; empty when it is missing, of another version, or unreadable. */
    public Optional<List<String>> read(Note note) {
        Path file = dir.resolve(note.file);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.get(0).equals(header(note))) {
                return Optional.empty();
            }
            return Optional.of(List.copyOf(lines.subList(1, lines.size())));
        } catch (IOException e) {
            return Optional.empty(); // unreadable, or not UTF-8: as good as no note
        }
    }

    /**
     * Replaces the note with {@code lines} in one atomic step.
     *
     * @throws IOException when the folder or the file cannot be written; the old note is then unchanged
     */
    public void write(Note note, List<String> lines) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(note.file);
        Path tmp = dir.resolve(note.file + ".tmp");
        var text = new StringBuilder(header(note)).append('\n');
        lines.forEach(line -> text.append(line).append('\n'));
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Removes the note.
     *
     * @throws IOException when it exists and cannot be removed
     */
    public void delete(Note note) throws IOException {
        Files.deleteIfExists(dir.resolve(note.file));
    }

    private static String header(Note note) {
        return "patella " + note.file + " v" + VERSION;
    }
}
