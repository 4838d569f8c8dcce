package dev.patella.output;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

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

    public int size() {
        return generated.size() + copied.size();
    }

    /** A site path must stay inside the site folder: content was checked before, this is a last guard. */
    private static void requireSafe(String path) {
        boolean bad = path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.contains(":")
                || java.util.Arrays.stream(path.split("/")).anyMatch(s -> s.isEmpty() || s.equals("..") || s.equals("."));
        if (bad) {
            throw new IllegalArgumentException("unsafe site path: " + path);
        }
    }
}
