package dev.patella.output;

import java.util.concurrent.ConcurrentHashMap;
import dev.patella.diag.FileFailure;
import dev.patella.source.QuickHash;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a site folder holds: each file's site path with the hash ({@link QuickHash#hexOf(byte[])})
 * and size of its bytes. Kept
 * in a small text file beside the folder (never inside it, so it is not published), one line a
 * file: {@code <hash> <size> <path>}.
 */
record SiteManifest(Map<String, Entry> files) {

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
     * Reads a manifest and checks it against the folder it describes: the same files, with the
     * same sizes. A folder someone changed by hand (or a run that stopped while writing it) does
     * not match, and is then rewritten in full rather than trusted.
     *
     * @return the manifest, or empty when it is missing, unreadable or does not match the folder
     */
    static Optional<SiteManifest> readVerified(Path manifest, Path folder) {
        return check(manifest, folder, Checked.NONE).manifest();
    }

    /**
     * A manifest's bytes as a check read them, and what the check found: the manifest when it
     * matched its folder, empty otherwise.
     */
    record Checked(byte[] text, Optional<SiteManifest> manifest) {
        static final Checked NONE = new Checked(null, Optional.empty());
    }

    /**
     * Like {@link #readVerified}, but takes {@code earlier}, a check of the same folder made in
     * this run, when it matched and the manifest's bytes are still the ones it read: a write that
     * changes the folder rewrites its manifest, so the folder is not walked a second time.
     */
    static Checked check(Path manifest, Path folder, Checked earlier) {
        if (!Files.isRegularFile(manifest) || !Files.isDirectory(folder)) {
            return Checked.NONE;
        }
        byte[] text;
        try {
            text = Files.readAllBytes(manifest);
        } catch (IOException e) {
            return Checked.NONE;
        }
        if (earlier.manifest().isPresent() && Arrays.equals(text, earlier.text())) {
            return earlier;
        }
        return new Checked(text, verified(text, folder));
    }

    private static Optional<SiteManifest> verified(byte[] text, Path folder) {
        Map<String, Entry> files = new TreeMap<>();
        try {
            String all = new String(text, StandardCharsets.UTF_8);
            for (String line : all.isEmpty() ? List.<String>of() : List.of(all.split("\n"))) {
                String[] parts = line.split(" ", 3);
                if (parts.length != 3) {
                    return Optional.empty();
                }
                files.put(parts[2], new Entry(parts[0], Long.parseLong(parts[1])));
            }
            Map<String, Long> onDisk = new TreeMap<>();
            // one walk that reads each file's attributes once: this check runs on every build
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path p, BasicFileAttributes a) {
                    if (a.isRegularFile()) {
                        onDisk.put(folder.relativize(p).toString().replace('\\', '/'), a.size());
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
            Map<String, Long> expected = new TreeMap<>();
            files.forEach((path, entry) -> expected.put(path, entry.size()));
            return expected.equals(onDisk) ? Optional.of(new SiteManifest(files)) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            // a manifest or folder that cannot be read cannot be trusted: it is rewritten, or set aside
            return Optional.empty();
        }
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

    void write(Path manifest) throws IOException {
        var out = new StringBuilder();
        files.forEach((path, e) -> out.append(e.hash()).append(' ').append(e.size()).append(' ').append(path)
                .append('\n'));
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
