package dev.patella.publish;

import dev.patella.diag.FileFailure;
import dev.patella.diag.ShellPath;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A folder on this computer: a web root, a mounted share, or a folder that is uploaded elsewhere.
 * Links inside it are never followed: a file or folder reached through a symbolic link is refused,
 * so nothing lands outside the folder. The folder itself may be a link; its real path is used.
 */
final class FileTarget implements Target {

    private final Path root;
    /** The folders the last {@link #list()} went through. */
    private Set<String> folders = new TreeSet<>();

    FileTarget(Path root) {
        this.root = TargetPaths.realPath(root);
    }

    /**
     * Refuses a target whose folder above is not there: publishing makes the target folder itself, as
     * rsync does, but folders above it would most likely come from a mistyped address.
     *
     * @throws PublishRefusedException when the folder above the target does not exist
     */
    void requireParent() {
        Path parent = root.getParent();
        if (parent != null && !Files.exists(root, LinkOption.NOFOLLOW_LINKS) && !Files.exists(parent)) {
            throw new PublishRefusedException(TargetPaths.parentMissing("the folder " + parent, describe(),
                    root.getFileName().toString(), "mkdir -p " + ShellPath.quoted(parent)));
        }
    }

    @Override
    public String describe() {
        return root.toUri().toString();
    }

    @Override
    public String folder() {
        return root.toString();
    }

    @Override
    public Map<String, Long> list() throws IOException {
        Map<String, Long> files = new TreeMap<>();
        folders = new TreeSet<>();
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return files;
        }
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(root + " is a file, not a folder");
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (!dir.equals(root)) {
                    folders.add(root.relativize(dir).toString().replace('\\', '/'));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                files.put(root.relativize(file).toString().replace('\\', '/'), attrs.size());
                return FileVisitResult.CONTINUE;
            }
        });
        return files;
    }

    @Override
    public Set<String> folders() {
        return Collections.unmodifiableSet(folders);
    }

    @Override
    public Optional<byte[]> read(String path) throws IOException {
        requireNoLinks(path);
        try {
            return Optional.of(Files.readAllBytes(resolve(path)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public void write(String path, byte[] content) throws IOException {
        Path file = resolve(path);
        Path tmp = resolve(TargetPaths.temporary(path));
        requireNoLinks(path);
        try {
            Files.createDirectories(file.getParent());
            Files.write(tmp, content);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // told of what is in the way (a file where a folder of the path should be), or of the
            // folder the temporary file could not be made in: never of the temporary file itself
            Optional<Path> fileInTheWay = fileInTheWay(file.getParent());
            IOException told = fileInTheWay.isPresent()
                    ? new FileSystemException(fileInTheWay.get().toString(), null, "Not a directory")
                    : e instanceof FileSystemException f && tmp.toString().equals(f.getFile())
                    ? new FileSystemException(file.getParent().toString(), null, reason(e)) : e;
            throw new IOException(FileFailure.of(FileFailure.Action.WRITE, file, told).getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                // there is nothing to remove where nothing could be written; a leftover is removed by the next publish
            }
        }
    }

    /** The nearest of {@code folder} and the folders above it that exists and is not a folder. */
    private static Optional<Path> fileInTheWay(Path folder) {
        for (Path p = folder; p != null; p = p.getParent()) {
            if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                return Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? Optional.empty() : Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Java's file errors often carry only the path; say what went wrong instead. */
    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    @Override
    public void delete(String path) throws IOException {
        Path file = resolve(path);
        requireNoLinks(path);
        Files.deleteIfExists(file);
        for (Path dir = file.getParent(); !dir.equals(root); dir = dir.getParent()) {
            try {
                Files.delete(dir);
            } catch (DirectoryNotEmptyException | NoSuchFileException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        // nothing to release
    }

    /**
     * Refuses a path that goes through a symbolic link inside the target: following it could write,
     * read or delete a file outside the folder.
     */
    private void requireNoLinks(String path) throws IOException {
        Path at = root;
        for (String segment : TargetPaths.requireSafe(path).split("/")) {
            at = at.resolve(segment);
            if (Files.isSymbolicLink(at)) {
                throw new IOException(at + " is a symbolic link; Patella never follows links inside a target, so "
                        + "it does not touch " + path + ". Replace the link with a real folder or file, or publish "
                        + "elsewhere");
            }
            if (!Files.exists(at, LinkOption.NOFOLLOW_LINKS)) {
                return;
            }
        }
    }

    private Path resolve(String path) {
        return root.resolve(TargetPaths.requireSafe(path));
    }
}
