package dev.patella.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Writes the files of a site into a folder that no one reads yet, in parallel. */
final class BufferWriter {

    private BufferWriter() {
    }

    /** Fills {@code folder} with {@code files}, removing whatever was there. */
    static void writeAll(Path folder, SiteFiles files) throws IOException {
        SiteWriter.deleteTree(folder);
        Files.createDirectories(folder);
        List<String> all = new ArrayList<>(files.generated().keySet());
        all.addAll(files.copied().keySet());
        write(folder, files, all);
    }

    /**
     * Brings {@code folder}, which holds {@code holds}, to {@code wanted}: writes the files that are
     * new or differ, deletes those that are gone, and removes folders left empty.
     */
    static void update(Path folder, SiteManifest holds, SiteManifest wanted, SiteFiles files) throws IOException {
        List<String> changed = new ArrayList<>();
        wanted.files().forEach((path, entry) -> {
            if (!entry.equals(holds.files().get(path))) {
                changed.add(path);
            }
        });
        var emptied = new TreeSet<Path>(Comparator.reverseOrder());
        for (String path : holds.files().keySet()) {
            if (!wanted.files().containsKey(path)) {
                Path file = folder.resolve(path);
                Files.deleteIfExists(file);
                for (Path dir = file.getParent(); !dir.equals(folder); dir = dir.getParent()) {
                    emptied.add(dir);
                }
            }
        }
        write(folder, files, changed);
        for (Path dir : emptied) { // deepest first
            try {
                Files.deleteIfExists(dir);
            } catch (DirectoryNotEmptyException e) {
                // still holds files of the new site
            }
        }
    }

    /**
     * The failure, naming the path: a file system's failure names the path it refused; a plain one
     * (a full disk) names none, so it is about {@code target}, the file being written.
     */
    static IOException located(Path target, IOException e) {
        if (e instanceof FileSystemException) {
            return e;
        }
        return (IOException) new FileSystemException(target.toString(), null, e.getMessage()).initCause(e);
    }

    /**
     * Writes one file in one {@code write} call (three system calls with its open and close):
     * {@code Files.write} goes through a stream that writes 8 KiB at a time.
     */
    private static void writeFile(Path target, byte[] bytes) throws IOException {
        try (FileChannel out = FileChannel.open(target, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer all = ByteBuffer.wrap(bytes);
            while (all.hasRemaining()) {
                out.write(all);
            }
        }
    }

    private static void write(Path folder, SiteFiles files, List<String> paths) throws IOException {
        var dirs = new TreeSet<Path>();
        for (String path : paths) {
            dirs.add(folder.resolve(path).getParent());
        }
        for (Path dir : dirs) {
            Files.createDirectories(dir);
        }
        Map<String, byte[]> generated = files.generated();
        Map<String, Path> copied = files.copied();
        try {
            paths.parallelStream().forEach(path -> {
                Path target = folder.resolve(path);
                byte[] bytes = generated.get(path);
                try {
                    if (bytes != null) {
                        writeFile(target, bytes);
                    } else {
                        Files.copy(copied.get(path), target, StandardCopyOption.REPLACE_EXISTING);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(located(target, e));
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause(); // out of the parallel stream: the caller decides what a failure means
        }
    }
}
