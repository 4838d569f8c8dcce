package dev.patella.output;

import dev.patella.diag.FileFailure;
import dev.patella.source.QuickHash;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * What a site folder holds: each file's site path with the hash ({@link QuickHash#hexOf(byte[])})
 * and size of its bytes. Kept in a small text file beside the folder (never inside it, so it is
 * not published), one line a file: {@code <hash> <size> <path>}; then, when they are known, the
 * times of its folders ({@link Folders}): {@code seen <nanoseconds> ago}, how long before the file
 * was written they were seen, and one {@code folder <time in nanoseconds> <path>} line a folder.
 */
record SiteManifest(Map<String, Entry> files) {

    /** A line's first word for a folder's time: no file's hash (hexadecimal digits) is a word. */
    private static final String FOLDER = "folder";
    /** A line's first word for how long before the manifest was written its folders' times were seen. */
    private static final String SEEN = "seen";
    private static final String ROOT = ".";

    /** One file's fingerprint. */
    record Entry(String hash, long size) {
    }

    SiteManifest {
        files = new TreeMap<>(files);
    }

    /** The fingerprints of the files a build made. */
    static SiteManifest of(SiteFiles site) {
        return of(site, Map.of());
    }

    /**
     * The fingerprints of the files a build made, taking the hash of a generated file from
     * {@code known} (by site path) when it is there, as the build that made the bytes knew it.
     */
    static SiteManifest of(SiteFiles site, Map<String, String> known) {
        // fingerprints of the generated files on every core: one thread spent 7% of a large build's
        // CPU here (see bench/README.md, the profile); the manifest's TreeMap puts them in order
        Map<String, Entry> out = new ConcurrentHashMap<>();
        site.generated().entrySet().parallelStream().forEach(e -> out.put(e.getKey(), new Entry(
                known.containsKey(e.getKey()) ? known.get(e.getKey()) : QuickHash.hexOf(e.getValue()), e.getValue().length)));
        site.copied().forEach((path, source) -> {
            try {
                byte[] bytes = Files.readAllBytes(source);
                out.put(path, new Entry(QuickHash.hexOf(bytes), bytes.length));
            } catch (IOException e) {
                throw FileFailure.reading(source, e);
            }
        });
        return new SiteManifest(out);
    }

    /**
     * How long before the check that trusts it a folder must have last changed: a file added to it
     * within the same tick of the file system's clock as the time recorded could leave that time as
     * it was (the clock of some file systems counts in seconds, or in twos of them).
     */
    static final long SETTLED_NANOS = TimeUnit.SECONDS.toNanos(2);

    /**
     * The modification times of the folders of a site folder (by site path, {@code "."} for the
     * folder itself), as a check or a write saw them at {@code seenAt}, a monotonic clock's
     * nanoseconds. A later check takes a folder whose time is still the one recorded, and settled
     * before it was seen, as holding the same files, without reading its list of files: a file
     * added to or removed from a folder changes its time.
     */
    record Folders(Map<String, Long> times, long seenAt) {
        static final Folders NONE = new Folders(Map.of(), 0);

        Folders {
            times = Map.copyOf(times);
        }

        /** These times without those of {@code changed} folders, whose files a write added or removed since. */
        Folders without(Set<String> changed) {
            Map<String, Long> kept = new HashMap<>(times);
            kept.keySet().removeAll(changed);
            return new Folders(kept, seenAt);
        }
    }

    /**
     * Reads a manifest and checks it against the folder it describes: the same files, with the
     * same sizes, and nothing else. A folder someone changed by hand (or a run that stopped while
     * writing it) does not match, and is then rewritten in full rather than trusted.
     *
     * @param nanoTime the monotonic clock that {@link Folders#seenAt} counts in
     * @return the manifest, or empty when it is missing, unreadable or does not match the folder
     */
    static Optional<SiteManifest> readVerified(Path manifest, Path folder, LongSupplier nanoTime) {
        return check(manifest, folder, Checked.NONE, nanoTime).manifest();
    }

    /**
     * A manifest's bytes as a check read them, and what the check found: the manifest and its
     * folders' times when it matched its folder, empty otherwise.
     */
    record Checked(byte[] text, Optional<SiteManifest> manifest, Folders folders, Optional<Difference> difference) {
        static final Checked NONE = new Checked(null, Optional.empty(), Folders.NONE, Optional.empty());

        /** A manifest that was read, of a folder that is not as it says (changed outside Patella). */
        static Checked differing(String path, String reason) {
            return new Checked(null, Optional.empty(), Folders.NONE, Optional.of(new Difference(path, reason)));
        }
    }

    /** The names in a folder. */
    private static Set<String> names(Path dir) throws IOException {
        Set<String> names = new HashSet<>();
        try (DirectoryStream<Path> list = Files.newDirectoryStream(dir)) {
            list.forEach(p -> names.add(p.getFileName().toString()));
        }
        return names;
    }

    /**
     * How {@code folder} differs from what its manifest says its folders hold ({@code held}: the
     * names in each, by site path): the first difference, folders before what they hold, so that a
     * folder removed is named, not the first of the folders it held. Looked for only once a check
     * has found that the folder differs.
     */
    private static Checked differing(Path folder, Map<String, Set<String>> held) {
        List<String> order = new ArrayList<>(held.keySet());
        order.sort(Comparator.comparing((String path) -> !path.equals(ROOT)).thenComparing(Comparator.naturalOrder()));
        for (String path : order) {
            String prefix = path.equals(ROOT) ? "" : path + "/";
            Path dir = path.equals(ROOT) ? folder : folder.resolve(path);
            if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                return Checked.differing(path, gone(true));
            }
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                return Checked.differing(path, "is no longer a folder");
            }
            Set<String> names;
            try {
                names = names(dir);
            } catch (IOException e) {
                return Checked.differing(path, "cannot be read");
            }
            Set<String> expected = held.get(path);
            Optional<String> added = names.stream().filter(n -> !expected.contains(n)).sorted().findFirst();
            if (added.isPresent()) {
                boolean isFolder = Files.isDirectory(dir.resolve(added.get()), LinkOption.NOFOLLOW_LINKS);
                return Checked.differing(prefix + added.get(),
                        "is a " + (isFolder ? "folder" : "file") + " the last build did not write");
            }
            Optional<String> gone = expected.stream().filter(n -> !names.contains(n)).sorted().findFirst();
            if (gone.isPresent()) {
                boolean wasFolder = held.containsKey(prefix + gone.get());
                return Checked.differing(prefix + gone.get(), gone(wasFolder));
            }
        }
        return Checked.NONE; // changed back while it was looked at
    }

    /** The reason given for a file or folder of the manifest that is not there. */
    private static String gone(boolean folder) {
        return "is a " + (folder ? "folder" : "file") + " the last build wrote, and is gone";
    }

    /**
     * The first file of {@code folder} whose bytes are not those this manifest records (by their
     * hash), such as a page edited by hand to the same size. Reads every file: for a check made
     * seldom, such as before publishing.
     *
     * @return empty when every file holds what the manifest says
     */
    Optional<Difference> changedBytes(Path folder) {
        for (var file : files.entrySet()) {
            try {
                if (!QuickHash.hexOf(Files.readAllBytes(folder.resolve(file.getKey()))).equals(file.getValue().hash())) {
                    return Optional.of(new Difference(file.getKey(), "is not what the last build wrote (it was "
                            + "edited since)"));
                }
            } catch (IOException e) {
                return Optional.of(new Difference(file.getKey(), "cannot be read"));
            }
        }
        return Optional.empty();
    }

    /**
     * The first way found in which a folder differs from its manifest.
     *
     * @param path   the site path that differs, such as {@code about/index.html}
     * @param reason the end of a sentence that starts with the path: "is not the size the last build wrote"
     */
    record Difference(String path, String reason) {
    }

    /**
     * Like {@link #readVerified}, but takes {@code earlier}, a check of the same folder made in
     * this run, when it matched and the manifest's bytes are still the ones it read: a write that
     * changes the folder rewrites its manifest, so the folder is not checked a second time.
     */
    static Checked check(Path manifest, Path folder, Checked earlier, LongSupplier nanoTime) {
        long seenAt = nanoTime.getAsLong();
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return Checked.NONE;
        }
        byte[] text;
        long written;
        try {
            written = Files.getLastModifiedTime(manifest, LinkOption.NOFOLLOW_LINKS).to(TimeUnit.NANOSECONDS);
            text = Files.readAllBytes(manifest);
        } catch (IOException e) {
            return Checked.NONE;
        }
        if (earlier.manifest().isPresent() && Arrays.equals(text, earlier.text())) {
            return earlier;
        }
        try {
            return verified(text, written, folder, seenAt);
        } catch (IOException | RuntimeException e) {
            // a manifest or folder that cannot be read cannot be trusted: it is rewritten, or set aside
            return Checked.NONE;
        }
    }

    /**
     * Checks the folder against the manifest's lines: a stat of every file and folder it names, and
     * the list of files of each folder whose time is not the one recorded, or was not settled when
     * recorded. {@code written} is the manifest's own modification time.
     */
    private static Checked verified(byte[] text, long written, Path folder, long seenAt) throws IOException {
        Map<String, Entry> files = new TreeMap<>();
        Map<String, Long> recorded = new HashMap<>();
        long age = -1; // how long before the manifest was written its folders' times were seen
        String all = new String(text, StandardCharsets.UTF_8);
        for (String line : all.isEmpty() ? List.<String>of() : List.of(all.split("\n"))) {
            String[] parts = line.split(" ", 3);
            if (parts.length != 3) {
                return Checked.NONE;
            }
            switch (parts[0]) {
                case FOLDER -> recorded.put(parts[2], Long.parseLong(parts[1]));
                case SEEN -> age = Long.parseLong(parts[1]);
                default -> files.put(parts[2], new Entry(parts[0], Long.parseLong(parts[1])));
            }
        }
        for (String path : files.keySet()) {
            if (!sitePath(path)) {
                return Checked.NONE; // a manifest changed by hand that names a file outside the folder is none
            }
        }
        // each folder and what it holds: the files in it and the folders under it
        Map<String, Set<String>> held = new HashMap<>();
        held.put(ROOT, new HashSet<>());
        for (String path : files.keySet()) {
            String child = path;
            for (int slash = path.lastIndexOf('/'); ; slash = path.lastIndexOf('/', slash - 1)) {
                String parent = slash < 0 ? ROOT : path.substring(0, slash);
                boolean known = held.containsKey(parent);
                held.computeIfAbsent(parent, p -> new HashSet<>()).add(child.substring(slash + 1));
                if (slash < 0 || known) {
                    break;
                }
                child = parent;
            }
        }
        // a time the manifest recorded is trusted when it was settled when seen: seen `age` before the manifest was written
        long settledBefore = age < 0 ? Long.MIN_VALUE : written - age - SETTLED_NANOS;
        Map<String, Long> seen = new HashMap<>();
        for (var entry : held.entrySet()) {
            Path dir = entry.getKey().equals(ROOT) ? folder : folder.resolve(entry.getKey());
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(dir, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                return differing(folder, held);
            }
            if (!attributes.isDirectory()) {
                return differing(folder, held);
            }
            long time = attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS);
            Long before = recorded.get(entry.getKey());
            if (before == null || before != time || time >= settledBefore) {
                if (!names(dir).equals(entry.getValue())) {
                    return differing(folder, held);
                }
            }
            seen.put(entry.getKey(), time);
        }
        for (var file : files.entrySet()) {
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(folder.resolve(file.getKey()), BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                return Checked.differing(file.getKey(), gone(false));
            }
            if (!attributes.isRegularFile()) {
                return Checked.differing(file.getKey(), "is no longer a file");
            }
            if (attributes.size() != file.getValue().size()) {
                return Checked.differing(file.getKey(), "is not the size the last build wrote");
            }
        }
        return new Checked(text, Optional.of(new SiteManifest(files)), new Folders(seen, seenAt), Optional.empty());
    }

    /** Whether {@code path} names a file inside a site folder: parts that are names, not {@code .} or {@code ..}. */
    private static boolean sitePath(String path) {
        for (String part : path.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..") || part.indexOf('\\') >= 0) {
                return false;
            }
        }
        return true;
    }

    /** The folders (as {@link Folders} names them) that hold {@code path}, a file's site path: from its own up to the root. */
    static List<String> foldersOf(String path) {
        List<String> out = new ArrayList<>();
        for (int slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
            out.add(path.substring(0, slash));
        }
        out.add(ROOT);
        return out;
    }

    /**
     * How many files differ between this folder and {@code other}: those in only one of them, and
     * those in both with other bytes.
     */
    int differences(SiteManifest other) {
        int count = 0;
        for (var e : files.entrySet()) {
            if (!e.getValue().equals(other.files.get(e.getKey()))) {
                count++;
            }
        }
        for (String path : other.files.keySet()) {
            if (!files.containsKey(path)) {
                count++;
            }
        }
        return count;
    }

    /**
     * Writes this manifest, with the times of the folder's folders as {@code folders} saw them
     * (none, or those of a check of the folder whose files are still the same), to {@code manifest}.
     *
     * @param now the monotonic clock's reading, to say how long before the writing the times were seen
     */
    void write(Path manifest, Folders folders, long now) throws IOException {
        var out = new StringBuilder();
        files.forEach((path, e) -> out.append(e.hash()).append(' ').append(e.size()).append(' ').append(path)
                .append('\n'));
        if (!folders.times().isEmpty()) {
            out.append(SEEN).append(' ').append(Math.max(0, now - folders.seenAt())).append(" ago\n");
            new TreeMap<>(folders.times()).forEach((path, time) -> out.append(FOLDER).append(' ').append(time).append(' ')
                    .append(path).append('\n'));
        }
        Path temp = manifest.resolveSibling(manifest.getFileName() + ".tmp");
        try {
            Files.writeString(temp, out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw BufferWriter.located(temp, e);
        }
        Files.move(temp, manifest, StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }
}
