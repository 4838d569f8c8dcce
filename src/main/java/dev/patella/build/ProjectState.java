package dev.patella.build;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.CRC32C;

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
        LAST_BUILD("last-build"),
        /** The pages the last build made and what the checks need of them ({@link KeptBuild}); binary. */
        KEPT_BUILD("kept-build"),
        /** The Markdown content files as the last build parsed them ({@link KeptDocuments}); binary. */
        DOCUMENTS("documents");

        private final String file;

        Note(String file) {
            this.file = file;
        }
    }

    private final Path dir;

    public ProjectState(Path project) {
        this.dir = project.resolve(DIR);
    }

    /** Where the project's build server listens (a Unix socket), and the lock it holds while it runs. */
    public record ServerFiles(Path socket, Path lock) {
    }

    /** The build server's files; the folder is not made. */
    public ServerFiles server() {
        return new ServerFiles(dir.resolve("build-server.sock"), dir.resolve("build-server.lock"));
    }

    /**
     * The lines of a note written with {@link #write}; empty when it is missing, of another
     * version, unreadable, or not the text that was written (cut short, bytes overwritten, changed
     * by hand), as {@link #readData} finds.
     */
    public Optional<List<String>> read(Note note) {
        return readData(note).flatMap(data -> {
            String text = new String(data, StandardCharsets.UTF_8);
            if (text.isEmpty()) {
                return Optional.of(List.of());
            }
            return text.endsWith("\n")
                    ? Optional.of(List.of(text.substring(0, text.length() - 1).split("\n", -1)))
                    : Optional.empty();
        });
    }

    /**
     * Replaces the note with {@code lines} in one atomic step, with a checksum of their text (see
     * {@link #writeData}): a damaged note reads as none.
     *
     * @throws IOException when the folder or the file cannot be written; the old note is then unchanged
     */
    public void write(Note note, List<String> lines) throws IOException {
        var text = new StringBuilder();
        lines.forEach(line -> text.append(line).append('\n'));
        writeData(note, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The bytes of a note written with {@link #writeData}; empty when it is missing, of another
     * version, unreadable, or not the bytes that were written (cut short, changed by hand).
     */
    public Optional<byte[]> readData(Note note) {
        Path file = dir.resolve(note.file);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            byte[] all = Files.readAllBytes(file);
            byte[] head = (header(note) + "\n").getBytes(StandardCharsets.UTF_8);
            int sumEnd = head.length + 9;
            if (all.length < sumEnd || !Arrays.equals(all, 0, head.length, head, 0, head.length)
                    || all[sumEnd - 1] != '\n') {
                return Optional.empty();
            }
            String sum = new String(all, head.length, 8, StandardCharsets.US_ASCII);
            byte[] data = Arrays.copyOfRange(all, sumEnd, all.length);
            return sum.equals(checksum(data)) ? Optional.of(data) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // unreadable: as good as no note
        }
    }

    /**
     * Replaces the note with {@code data} in one atomic step: its header line, then a checksum of
     * the data (so that a damaged note is known), then the data.
     *
     * @throws IOException when the folder or the file cannot be written; the old note is then unchanged
     */
    public void writeData(Note note, byte[] data) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(note.file);
        var bytes = new ByteArrayOutputStream(data.length + 128);
        bytes.writeBytes((header(note) + "\n" + checksum(data) + "\n").getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(data);
        // a name of its own: builds of the project in two processes at once each write theirs
        Path tmp = Files.createTempFile(dir, note.file + ".", ".tmp");
        try {
            Files.write(tmp, bytes.toByteArray());
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The CRC-32C of the data in eight hex digits: it finds a note damaged on disk, and costs little. */
    private static String checksum(byte[] data) {
        var crc = new CRC32C();
        crc.update(data);
        return String.format(Locale.ROOT, "%08x", crc.getValue());
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
