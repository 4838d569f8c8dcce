package dev.patella.output;

import java.io.IOException;
import dev.patella.diag.FileFailure;
import dev.patella.diag.ShellPath;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * Writes a site folder without ever leaving a half-written one, writing only what changed.
 *
 * <p>Two folders take turns: the output ({@code site/}) that hosts and previews read, and a
 * hidden back buffer beside it ({@code .site.back/}) holding the site of the build before. A
 * build brings the back buffer up to date (writing only the files that differ from what it
 * holds, and deleting those that are gone), then swaps the two with renames. A manifest beside
 * each folder records its files' hashes and sizes; a folder that does not match its manifest
 * (changed by hand, or left by a run that stopped) is rewritten in full. When the output already
 * holds exactly the new site, nothing is written at all.
 *
 * <p>If a run dies between the renames, the next run puts the previous site back before anything
 * else. A lock file beside the output makes a second build of the same site wait for the first,
 * so two builds never interleave. The back buffer doubles the disk space a site takes.
 */
public final class SiteWriter {

    /** How long a build waits for another build of the same site before giving up. */
    public static final Duration LOCK_WAIT = Duration.ofSeconds(60);

    private final Path output;
    private final Path parent;
    private final String name;
    private final Path back;
    private final Path frontManifest;
    private final LongSupplier nanoTime;
    private final Path backManifest;
    /**
     * What {@link #onDisk()} found, for the next {@link #write} to take instead of walking the
     * output folder again when the manifest has not changed since; used once.
     */
    private SiteManifest.Checked frontChecked = SiteManifest.Checked.NONE;

    /** @param nanoTime a monotonic clock for the wait for another build's lock, {@code System::nanoTime} outside tests */
    public SiteWriter(Path output, LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.output = output.toAbsolutePath().normalize();
        this.parent = this.output.getParent();
        this.name = this.output.getFileName().toString();
        this.back = parent.resolve("." + name + ".back");
        this.frontManifest = parent.resolve("." + name + ".manifest");
        this.backManifest = parent.resolve("." + name + ".back.manifest");
    }

    /**
     * Whether a Patella build has written {@code output} before: one leaves its manifest (or its back
     * buffer's) beside the folder, and every version, the earliest included, leaves its lock file
     * there. A folder without any of them was made by someone else, and a build would replace it whole.
     */
    public static boolean wroteBefore(Path output) {
        Path o = output.toAbsolutePath().normalize();
        String n = o.getFileName().toString();
        for (String marker : new String[] {".manifest", ".lock", ".back.manifest", ".back"}) {
            if (Files.exists(o.resolveSibling("." + n + marker), LinkOption.NOFOLLOW_LINKS)) {
                return true;
            }
        }
        return false;
    }

    /**
     * What a write did.
     *
     * @param changed  how many files of the output differ from the site it replaced (new, changed
     *                 or removed); 0 when the output already held this site, and every file when
     *                 what it held is not known (no manifest, or changed by hand). Not how many were
     *                 written to disk: the back buffer may already hold some of them (after an
     *                 edit is undone, it holds them all)
     * @param warnings what the person should know although the site was published (a back buffer
     *                 that could not be reused, leftovers that could not be removed), each saying
     *                 what to do; empty when none
     */
    public record Written(int changed, List<String> warnings) {
        public Written {
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * Makes the output folder hold exactly {@code files}.
     *
     * <p>A back buffer that cannot be brought up to date (locked, read-only, a file where a folder
     * should be) does not stop the build: the whole site is written into a fresh folder instead and
     * swapped in, and the warnings say how to remove the stuck one.
     *
     * @throws FileFailure when a file cannot be written or moved (its message says why and what to
     *                     do); the previous site is then still in place
     * @throws OutputLockedException when another build keeps the output locked for too long
     */
    public Written write(SiteFiles files) {
        return write(files, Map.of());
    }

    /**
     * Makes the output folder hold exactly {@code files}, as {@link #write(SiteFiles)} does,
     * given the hash ({@code QuickHash.hexOf}) of some generated files by site path, which need not be computed again.
     */
    public Written write(SiteFiles files, Map<String, String> hashes) {
        return write(files, hashes, () -> true).orElseThrow();
    }

    /**
     * Makes the output folder hold exactly {@code files}, as {@link #write(SiteFiles, Map)} does,
     * when {@code wanted} still says so once no other build writes the folder.
     *
     * @return what the write did; empty when {@code wanted} said no, and nothing was written
     */
    public Optional<Written> write(SiteFiles files, Map<String, String> hashes, BooleanSupplier wanted) {
        List<String> warnings = new ArrayList<>();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw FileFailure.writing(parent, e);
        }
        Path lockPath = parent.resolve("." + name + ".lock");
        try (FileChannel lockFile = openLock(lockPath); FileLock lock = acquire(lockFile, "build again")) {
            if (!wanted.getAsBoolean()) {
                return Optional.empty();
            }
            recover(warnings);
            SiteManifest desired = SiteManifest.of(files, hashes);
            // the check onDisk() made, when the manifest is as it read it (no other build has written since)
            SiteManifest.Checked frontCheck = SiteManifest.check(frontManifest, output, frontChecked, nanoTime);
            Optional<SiteManifest> front = frontCheck.manifest();
            frontChecked = SiteManifest.Checked.NONE;
            if (front.isPresent() && front.get().equals(desired)) {
                return Optional.of(new Written(0, warnings));
            }
            SiteManifest.Checked backCheck = SiteManifest.check(backManifest, back, SiteManifest.Checked.NONE, nanoTime);
            Optional<SiteManifest> backHolds = backCheck.manifest();
            Files.deleteIfExists(backManifest); // the back buffer changes now: not to be trusted until done
            // counted against the site being replaced, not the back buffer (the build before it)
            int changed = front.map(desired::differences).orElse(desired.files().size());
            Optional<Path> old;
            boolean backUsed = true;
            try {
                if (backHolds.isPresent()) {
                    BufferWriter.update(back, backHolds.get(), desired, files);
                } else {
                    BufferWriter.writeAll(back, files);
                }
                old = swapIn(back);
            } catch (IOException stuck) {
                Path fresh = parent.resolve("." + name + ".staging-" + UUID.randomUUID());
                writeFresh(fresh, files);
                old = swapIn(fresh);
                backUsed = false;
                warnings.add(stuckBack(stuck));
            }
            // the times of the folders the update left alone, as the check of the back buffer saw them
            var folders = backUsed && backHolds.isPresent()
                    ? backCheck.folders().without(changedFolders(backHolds.get(), desired))
                    : SiteManifest.Folders.NONE;
            desired.write(frontManifest, folders, nanoTime.getAsLong());
            boolean keptAsBack = old.isPresent()
                    && keepAsBack(old.get(), backUsed ? frontCheck : SiteManifest.Checked.NONE, warnings);
            frontCheck.difference().ifPresent(what -> warnings.add(changedOutside(what, keptAsBack)));
            return Optional.of(new Written(changed, warnings));
        } catch (IOException e) {
            throw failure(e, output, files);
        }
    }

    /**
     * The folders whose list of files a write that brought a folder holding {@code from} to
     * {@code to} may have changed: those holding a file added, removed or rewritten, up to the root.
     */
    private static Set<String> changedFolders(SiteManifest from, SiteManifest to) {
        Set<String> changed = new HashSet<>();
        to.files().forEach((path, entry) -> {
            if (!entry.equals(from.files().get(path))) {
                changed.addAll(SiteManifest.foldersOf(path));
            }
        });
        from.files().keySet().forEach(path -> {
            if (!to.files().containsKey(path)) {
                changed.addAll(SiteManifest.foldersOf(path));
            }
        });
        return changed;
    }

    /** Writes the whole site into a new folder; on failure removes what it wrote, and tells why. */
    private void writeFresh(Path folder, SiteFiles files) throws IOException {
        try {
            BufferWriter.writeAll(folder, files);
        } catch (IOException e) {
            try {
                deleteTree(folder);
            } catch (IOException ignored) {
                // the next run removes it (see recover)
            }
            throw e;
        }
    }

    private FileChannel openLock(Path lockPath) {
        try {
            return FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            // opening makes it when it is not there, which its folder allows; one that is there must be writable itself
            throw Files.isRegularFile(lockPath) ? FileFailure.of(FileFailure.Action.OPEN_TO_WRITE, lockPath, e)
                    : FileFailure.writing(lockPath, e);
        }
    }

    /**
     * The warning for an output folder that was not as the last build left it: a build replaces it
     * whole, so a change made there by hand is undone, and the person should know where it went.
     */
    private String changedOutside(SiteManifest.Difference found, boolean keptAsBack) {
        return output.resolve(found.path()) + " " + found.reason() + ": " + output + " was changed since the last build, "
                + "outside Patella. The build replaced it whole, as it always does; make lasting changes in content/ or "
                + "templates/." + (keptAsBack ? " The folder as it was is in " + back + " until the next build that "
                + "changes the site." : " The folder as it was could not be kept, as the back buffer is stuck (see "
                + "the warning about it).");
    }

    /** The warning for a back buffer that could not be brought up to date, with how to remove it. */
    private String stuckBack(IOException stuck) {
        var why = FileFailure.of(FileFailure.Action.WRITE, back, stuck);
        return "the back buffer " + back + " (the copy of the build before, which makes the next build quicker) "
                + "could not be updated: " + why.reason() + " at " + why.path().map(Path::toString).orElse("?")
                + ". The site was written in full and published all the same. To make builds quick again, remove "
                + "the back buffer: " + removal(back);
    }

    /** The commands that remove a folder Patella could not remove, whatever stopped it. */
    private static String removal(Path folder) {
        String shown = ShellPath.quoted(folder);
        return "rm -rf " + shown + " (if that is refused: chmod -R u+w " + shown + ", or chattr -R -i " + shown
                + " when lsattr shows it locked, and try again)";
    }

    /**
     * A failure to write the site, about the path the system named. When that is a file being copied into
     * the site (an image, a favicon), reading it failed, not writing.
     */
    private static FileFailure failure(IOException e, Path path, SiteFiles files) {
        FileFailure told = FileFailure.of(FileFailure.Action.WRITE, path, e);
        Path blamed = told.path().orElse(path);
        boolean source = files.copied().values().stream().anyMatch(blamed::equals);
        return source ? FileFailure.reading(blamed, e) : told;
    }

    /**
     * The hash of each file of the output folder ({@code QuickHash.hexOf}), by site path, when the folder still
     * holds what the last write left there (the same files with the same sizes, as for
     * {@link #intact()}).
     *
     * @return empty when it does not, or when there is no record of the last write
     */
    public Optional<Map<String, String>> onDisk() {
        frontChecked = SiteManifest.check(frontManifest, output, SiteManifest.Checked.NONE, nanoTime);
        return frontChecked.manifest().map(manifest -> {
            var out = new HashMap<String, String>();
            manifest.files().forEach((path, entry) -> out.put(path, entry.hash()));
            return out;
        });
    }

    /**
     * How the output folder differs from what the last write left there (the names, sizes and bytes
     * of its files): the first path that does and how, such as "site/google123.html is a file the
     * last build did not write". Reads every file. A file whose bytes changed but not its size is
     * one a write would not see (it trusts sizes): the record of the last write is then dropped, so
     * that the next write rewrites the folder whole.
     *
     * @return empty when it does not differ, or when there is no record of the last write to compare with
     */
    public Optional<String> changedSinceWrite() {
        var checked = SiteManifest.check(frontManifest, output, SiteManifest.Checked.NONE, nanoTime);
        if (checked.difference().isPresent()) {
            return checked.difference().map(d -> output.resolve(d.path()) + " " + d.reason());
        }
        Optional<SiteManifest.Difference> edited = checked.manifest().flatMap(m -> m.changedBytes(output));
        if (edited.isPresent()) {
            try {
                Files.deleteIfExists(frontManifest);
            } catch (IOException e) {
                throw FileFailure.writing(frontManifest, e);
            }
        }
        return edited.map(d -> output.resolve(d.path()) + " " + d.reason());
    }

    /** Whether the output folder still holds exactly what the last write left there. */
    public boolean intact() {
        return SiteManifest.readVerified(frontManifest, output, nanoTime).isPresent();
    }

    /**
     * Puts {@code ready} (the up-to-date back buffer, or a fresh folder when the back buffer was
     * stuck) in place of the output. When the second rename fails, the output is put back before
     * the failure is told, so the site is never left missing.
     *
     * @return where the previous output was moved; empty when there was none
     */
    private Optional<Path> swapIn(Path ready) throws IOException {
        Files.deleteIfExists(frontManifest); // the output changes now: not to be trusted until done
        if (!Files.exists(output, LinkOption.NOFOLLOW_LINKS)) {
            move(ready, output);
            return Optional.empty();
        }
        Path old = parent.resolve("." + name + ".old-" + UUID.randomUUID());
        move(output, old);
        try {
            move(ready, output);
        } catch (IOException e) {
            move(old, output);
            throw e;
        }
        return Optional.of(old);
    }

    /**
     * Makes the previous output the back buffer for the next build, with its manifest when it is
     * known. When the back buffer is stuck (or cannot take its place), the previous output is removed
     * instead, and the next build writes its back buffer in full.
     *
     * @return whether the previous output is now the back buffer
     */
    private boolean keepAsBack(Path old, SiteManifest.Checked holds, List<String> warnings) {
        if (holds.manifest().isPresent() || !Files.exists(back, LinkOption.NOFOLLOW_LINKS)) {
            try {
                move(old, back);
                if (holds.manifest().isPresent()) {
                    holds.manifest().get().write(backManifest, holds.folders(), nanoTime.getAsLong());
                }
                return true;
            } catch (IOException e) {
                // a back buffer without its manifest is rewritten next time: nothing is lost
                if (!Files.exists(old, LinkOption.NOFOLLOW_LINKS)) {
                    return true;
                }
            }
        }
        removeLeftover(old, warnings);
        return false;
    }

    /**
     * Restores a site moved aside by a run that died mid-swap, and removes what such a run left
     * (including the staging folders of earlier versions). A leftover that cannot be removed is
     * left, with a warning saying how to remove it: it never stops a build.
     */
    void recover(List<String> warnings) throws IOException {
        List<Path> siblings;
        try (Stream<Path> list = Files.list(parent)) {
            siblings = list.sorted().toList();
        }
        for (Path p : siblings) {
            String n = p.getFileName().toString();
            if (n.startsWith("." + name + ".old-") && !Files.exists(output, LinkOption.NOFOLLOW_LINKS)) {
                Files.move(p, output, StandardCopyOption.ATOMIC_MOVE);
            } else if (n.startsWith("." + name + ".staging-") || n.startsWith("." + name + ".old-")) {
                removeLeftover(p, warnings);
            }
        }
    }

    private static void removeLeftover(Path folder, List<String> warnings) {
        try {
            deleteTree(folder);
        } catch (IOException e) {
            warnings.add("could not remove " + folder + ", left by an earlier build ("
                    + FileFailure.of(FileFailure.Action.DELETE, folder, e).reason() + "); it takes disk space but does "
                    + "no harm. Remove it: " + removal(folder));
        }
    }

    /**
     * Waits for another build publishing to the same folder to finish. The operating system
     * releases the lock when a process ends, however it ends, so a lock is never left stale.
     *
     * @throws OutputLockedException when the other build holds the lock for longer than {@link #LOCK_WAIT}
     */
    private FileLock acquire(FileChannel channel, String then) throws IOException {
        long deadline = nanoTime.getAsLong() + LOCK_WAIT.toNanos();
        while (true) {
            try {
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    return lock;
                }
            } catch (OverlappingFileLockException e) {
                // held by another build in this same process: wait as for any other holder
            }
            if (nanoTime.getAsLong() - deadline > 0) {
                throw new OutputLockedException("another Patella build (or publish) has been using " + output
                        + " for " + LOCK_WAIT.toSeconds() + " s; wait for it to finish (or stop it) and " + then);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OutputLockedException("interrupted while waiting for another build to finish");
            }
        }
    }

    /** The output folder's lock, held until closed. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Takes the lock a build takes to write the output folder, so that no build replaces the folder
     * while it is read (by {@code publish}), waiting for a build that writes it now. A folder no build
     * has locked has no lock file, and nothing is done (a build refuses such a folder when it holds files).
     *
     * @param waiting told once, when another build holds the lock and this waits for it
     * @return the lock, to close when done; one that holds nothing when the folder has no lock file
     * @throws OutputLockedException when the other build holds it for longer than {@link #LOCK_WAIT}
     * @throws FileFailure when the lock file cannot be opened
     */
    public Held holdForReading(Runnable waiting) {
        Path lockPath = parent.resolve("." + name + ".lock");
        FileChannel channel;
        try {
            channel = FileChannel.open(lockPath, StandardOpenOption.WRITE);
        } catch (NoSuchFileException e) {
            return () -> { };
        } catch (IOException e) {
            // an exclusive lock needs the file opened for writing, so it must be writable even to publish
            throw FileFailure.of(FileFailure.Action.OPEN_TO_WRITE, lockPath, e);
        }
        try {
            FileLock lock = tryOnce(channel);
            if (lock == null) {
                waiting.run();
                lock = acquire(channel, "publish again");
            }
            FileLock held = lock;
            return () -> {
                try {
                    held.release();
                    channel.close();
                } catch (IOException e) {
                    // closing the channel releases the lock all the same; the process ending does too
                }
            };
        } catch (IOException | RuntimeException e) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the lock was not taken: nothing to release
            }
            if (e instanceof IOException io) {
                throw FileFailure.of(FileFailure.Action.OPEN_TO_WRITE, lockPath, io);
            }
            throw (RuntimeException) e;
        }
    }

    private static FileLock tryOnce(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by a build in this same process
        }
    }

    /** Thrown when another build keeps the output folder locked for too long. */
    public static final class OutputLockedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OutputLockedException(String message) {
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
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
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
