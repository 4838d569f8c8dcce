package dev.patella.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Publishes a site folder without ever leaving a half-written one: files go to a staging
 * folder beside the output, which replaces the output only when complete. The previous site
 * is moved aside first and deleted last; if a run dies between the two moves, the next run puts
 * it back before anything else. A lock file beside the output makes a second build of the same
 * site wait for the first, so two builds never interleave.
 */
public final class Publisher {

    /** How long a build waits for another build of the same site before giving up. */
    public static final Duration LOCK_WAIT = Duration.ofSeconds(60);

    private final Path output;
    private final Path parent;
    private final String name;

    public Publisher(Path output) {
        this.output = output.toAbsolutePath().normalize();
        this.parent = this.output.getParent();
        this.name = this.output.getFileName().toString();
    }

    /**
     * Writes {@code files} and swaps them in as the output folder.
     *
     * @throws UncheckedIOException when a file cannot be written or moved; the previous site is
     *                              then still in place
     */
    public void publish(SiteFiles files) {
        try {
            Files.createDirectories(parent);
            try (FileChannel lockFile = FileChannel.open(parent.resolve("." + name + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock lock = acquire(lockFile)) {
                recover();
                Path staging = parent.resolve("." + name + ".staging-" + UUID.randomUUID());
                try {
                    write(staging, files);
                    swap(staging);
                } finally {
                    deleteTree(staging);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish to " + output + ": " + e.getMessage(), e);
        }
    }

    /**
     * Waits for another build publishing to the same folder to finish. The operating system
     * releases the lock when a process ends, however it ends, so a lock is never left stale.
     *
     * @throws PublishLockedException when the other build holds the lock for longer than {@link #LOCK_WAIT}
     */
    private FileLock acquire(FileChannel channel) throws IOException {
        long deadline = System.nanoTime() + LOCK_WAIT.toNanos();
        while (true) {
            try {
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    return lock;
                }
            } catch (OverlappingFileLockException e) {
                // held by another build in this same process: wait as for any other holder
            }
            if (System.nanoTime() > deadline) {
                throw new PublishLockedException("another Patella build has been publishing to " + output + " for "
                        + LOCK_WAIT.toSeconds() + " s; wait for it to finish (or stop it) and build again");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PublishLockedException("interrupted while waiting for another build to finish");
            }
        }
    }

    /** Thrown when another build keeps the output folder locked for too long. */
    public static final class PublishLockedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PublishLockedException(String message) {
            super(message);
        }
    }

    /** Restores a site moved aside by a run that died mid-swap, and removes leftover staging folders. */
    void recover() throws IOException {
        try (Stream<Path> siblings = Files.list(parent)) {
            for (Path p : siblings.sorted().toList()) {
                String n = p.getFileName().toString();
                if (n.startsWith("." + name + ".old-") && !Files.exists(output)) {
                    Files.move(p, output, StandardCopyOption.ATOMIC_MOVE);
                } else if (n.startsWith("." + name + ".staging-") || n.startsWith("." + name + ".old-")) {
                    deleteTree(p);
                }
            }
        }
    }

    private static void write(Path staging, SiteFiles files) throws IOException {
        Files.createDirectories(staging);
        for (Map.Entry<String, byte[]> e : files.generated().entrySet()) {
            Path target = staging.resolve(e.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, e.getValue());
        }
        for (Map.Entry<String, Path> e : files.copied().entrySet()) {
            Path target = staging.resolve(e.getKey());
            Files.createDirectories(target.getParent());
            Files.copy(e.getValue(), target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void swap(Path staging) throws IOException {
        if (!Files.exists(output)) {
            move(staging, output);
            return;
        }
        Path old = parent.resolve("." + name + ".old-" + UUID.randomUUID());
        move(output, old);
        move(staging, output);
        deleteTree(old);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
