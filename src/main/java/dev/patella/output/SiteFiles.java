package dev.patella.output;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The files of a finished site, by site path (no leading slash, forward slashes): made in
 * memory ({@code generated}) or copied from the project ({@code copied}).
 */
public record SiteFiles(Map<String, byte[]> generated, Map<String, Path> copied) {

    public SiteFiles {
        generated = new TreeMap<>(generated);
        copied = new TreeMap<>(copied);
        for (String path : generated.keySet()) {
            requireSafe(path);
        }
        for (String path : copied.keySet()) {
            requireSafe(path);
        }
    }

    /**
     * The site paths whose content differs from {@code before}: generated files with other bytes,
     * files added or removed, copied files now copied from elsewhere. Copied files edited in
     * place are not seen here (their source path is the same).
     *
     * @param before an earlier version of the site, or null for none (then every path is new)
     */
    public Set<String> changedSince(SiteFiles before) {
        var changed = new TreeSet<String>();
        if (before == null) {
            changed.addAll(generated.keySet());
            changed.addAll(copied.keySet());
            return changed;
        }
        generated.forEach((path, bytes) -> {
            byte[] old = before.generated.get(path);
            if (old != bytes && !Arrays.equals(old, bytes)) {
                changed.add(path);
            }
        });
        copied.forEach((path, source) -> {
            if (!source.equals(before.copied.get(path))) {
                changed.add(path);
            }
        });
        before.generated.keySet().stream().filter(p -> !generated.containsKey(p)).forEach(changed::add);
        before.copied.keySet().stream().filter(p -> !copied.containsKey(p)).forEach(changed::add);
        return changed;
    }

    public int size() {
        return generated.size() + copied.size();
    }

    /** A site path must stay inside the site folder: content was checked before, this is a last guard. */
    private static void requireSafe(String path) {
        boolean bad = path.isEmpty() || path.startsWith("/") || path.indexOf('\\') >= 0 || path.indexOf(':') >= 0;
        int start = 0;
        while (!bad && start <= path.length()) {
            int end = path.indexOf('/', start);
            if (end < 0) {
                end = path.length();
            }
            String segment = path.substring(start, end);
            bad = segment.isEmpty() || segment.equals("..") || segment.equals(".");
            start = end + 1;
        }
        if (bad) {
            throw new IllegalArgumentException("unsafe site path: " + path);
        }
    }
}
