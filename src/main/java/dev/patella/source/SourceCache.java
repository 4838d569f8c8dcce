package dev.patella.source;

import dev.patella.diag.Diagnostic;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a long-lived session (the dev server, a build cache) remembers about each content file
 * between loads: a hash of its bytes ({@link QuickHash}), what it was read into and the problems found in it.
 *
 * <p>A file the cache has not been told about is taken as unchanged and is not even opened: the
 * owner reports changes with {@link #changed(Path)} (for example from file-system events) or
 * {@link #changedAll()}. A changed file is read again; when its bytes hash the same as before its
 * earlier result is reused without parsing. Safe to use from several threads.
 */
public final class SourceCache {

    record Entry(byte[] hash, Object variant, Object value, List<Diagnostic> diagnostics) {
    }

    private final Map<Path, Entry> entries = new ConcurrentHashMap<>();
    private final Set<Path> stale = ConcurrentHashMap.newKeySet();
    private volatile boolean allStale;
    /** The entries of the content folders of Markdown files as last listed, by folder (absolute). */
    private final Map<Path, Listing> listings = new ConcurrentHashMap<>();

    /** A folder's entries, in order and as a set to look them up. */
    private record Listing(List<Path> entries, Set<Path> set) {
    }

    /** The file at {@code path} may have changed, appeared or gone: read it again next time. */
    public void changed(Path path) {
        stale.add(path.toAbsolutePath().normalize());
    }

    /** Any file may have changed: read every file again next time (unchanged ones are not parsed again). */
    public void changedAll() {
        allStale = true;
    }

    /** How many files the cache holds a result for. */
    public int size() {
        return entries.size();
    }

    /** The change marks one load works from; marks made during the load count for the next one. */
    record Marks(boolean all, Set<Path> paths) {
    }

    /** Starts a load: takes the change marks made so far. */
    Marks beginLoad() {
        boolean all = allStale;
        allStale = false;
        Set<Path> paths = Set.copyOf(stale);
        stale.removeAll(paths);
        return new Marks(all, paths);
    }

    /** @return the remembered entry when the file is known not to have changed since, else empty */
    Optional<Entry> fresh(Path path, Object variant, Marks marks) {
        Entry e = entries.get(path);
        if (e == null || marks.all() || marks.paths().contains(path) || !e.variant().equals(variant)) {
            return Optional.empty();
        }
        return Optional.of(e);
    }

    /** @return the remembered entry for these exact bytes, else empty */
    Optional<Entry> sameBytes(Path path, byte[] hash, Object variant) {
        Entry e = entries.get(path);
        if (e != null && Arrays.equals(e.hash(), hash) && e.variant().equals(variant)) {
            return Optional.of(e);
        }
        return Optional.empty();
    }

    /**
     * The entries of the folder {@code dir} as an earlier load listed them, unless a change was
     * marked since in the folder itself (a file added, removed or renamed there) or in a folder
     * holding it (the folder itself replaced), or anything may have changed. A file listed then
     * that is still a file was only edited, which leaves the listing as it was: the common case
     * while serving, where listing a folder of 4,000 pages again (twice) was a tenth of a rebuild.
     */
    Optional<List<Path>> listing(Path dir, Marks marks) {
        Listing kept = listings.get(dir);
        if (kept == null || marks.all()) {
            return Optional.empty();
        }
        for (Path changed : marks.paths()) {
            boolean edited = kept.set().contains(changed) && Files.isRegularFile(changed, LinkOption.NOFOLLOW_LINKS);
            if (dir.equals(changed.getParent()) && !edited || dir.startsWith(changed)) {
                return Optional.empty();
            }
        }
        return Optional.of(kept.entries());
    }

    /** Keeps a folder's entries, as listed during a load, for the next loads; returns them. */
    List<Path> keepListing(Path dir, List<Path> entries) {
        listings.put(dir, new Listing(List.copyOf(entries), Set.copyOf(entries)));
        return entries;
    }

    void put(Path path, Entry entry) {
        entries.put(path, entry);
    }

    /** Ends a load: forgets the files that no longer exist. */
    void endLoad(Set<Path> seen) {
        entries.keySet().retainAll(seen);
    }
}
