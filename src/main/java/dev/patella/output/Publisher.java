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
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Publishes a site folder without ever leaving a half-written one, writing only what changed.
 *
 * <p>Two folders take turns: the output ({@code site/}) that hosts and previews read, and a
 * hidden back buffer beside it ({@code .site.back/}) holding the site of the build before. A
 * build brings the back buffer up to date (writing only the files that differ from what it
 * holds, and deleting those that are gone), then swaps the two with renames. A manifest beside
 * each folder records its files' SHA-256 and size; a folder that does not match its manifest
 * (changed by hand, or left by a run that stopped) is rewritten in full. When the output already
 * holds exactly the new site, nothing is written at all.
 *
 * <p>If a run dies between the renames, the next run puts the previous site back before anything
 * else. A lock file beside the output makes a second build of the same site wait for the first,
 * so two builds never interleave. The back buffer doubles the disk space a site takes.
 */
public final class Publisher {

    /** How long a build waits for another build of the same site before giving up. */
    public static final Duration LOCK_WAIT = Duration.ofSeconds(60);

    private final Path output;
    private final Path parent;
    private final String name;
    private final Path back;
    private final Path frontManifest;
    private final Path backManifest;

    public Publisher(Path output) {
        this.output = output.toAbsolutePath().normalize();
        this.parent = this.output.getParent();
        this.name = this.output.getFileName().toString();
        this.back = parent.resolve("." + name + ".back");
        this.frontManifest = parent.resolve("." + name + ".manifest");
        this.backManifest = parent.resolve("." + name + ".back.manifest");
    }

    /**
     * Makes the output folder hold exactly {@code files}.
     *
     * @return how many files were written; 0 when the output already held this site
     * @throws UncheckedIOException when a file cannot be written or moved; the previous site is
     *                              then still in place
     */
    public int publish(SiteFiles files) {
        try {
            Files.createDirectories(parent);
            try (FileChannel lockFile = FileChannel.open(parent.resolve("." + name + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock lock = acquire(lockFile)) {
                recover();
                SiteManifest desired = SiteManifest.of(files);
                Optional<SiteManifest> front = SiteManifest.readVerified(frontManifest, output);
                if (front.isPresent() && front.get().equals(desired)) {
                    return 0;
                }
                Optional<SiteManifest> backHolds = SiteManifest.readVerified(backManifest, back);
                Files.deleteIfExists(backManifest); // the back buffer changes now: not to be trusted until done
                int written = backHolds.isPresent()
                        ? BufferWriter.update(back, backHolds.get(), desired, files)
                        : BufferWriter.writeAll(back, files);
                swap(front);
                desired.write(frontManifest);
                return written;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish to " + output + ": " + e.getMessage(), e);
        }
    }

    /** Whether the output folder still holds exactly what the last publish wrote there. */
    public boolean intact() {
        return SiteManifest.readVerified(frontManifest, output).isPresent();
    }

    /** Puts the up-to-date back buffer in place of the output, and keeps the old output as the new back buffer. */
    private void swap(Optional<SiteManifest> front) throws IOException {
        Files.deleteIfExists(frontManifest);
        if (!Files.exists(output)) {
            move(back, output);
            return;
        }
        Path old = parent.resolve("." + name + ".old-" + UUID.randomUUID());
        move(output, old);
        move(back, output);
        move(old, back);
        if (front.isPresent()) {
            front.get().write(backManifest);
        }
    }

    /**
     * Restores a site moved aside by a run that died mid-swap, and removes what such a run left
     * (including the staging folders of earlier versions).
     */
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
