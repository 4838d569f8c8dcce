package dev.patella.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The files under {@code templates/assets/}, published under {@code /assets/}. Stylesheets and
 * scripts get a content hash in their name ({@code style.3f2a9c1d.css}) so hosts can cache them
 * for ever; a changed file gets a new name.
 *
 * @param files site path (no leading slash) by the asset's own name ({@code style.css})
 */
public record Assets(Map<String, Asset> files) {

    /** One asset: where it is read from and the site path it is written to. */
    public record Asset(Path source, String sitePath) {
    }

    public Assets {
        files = Map.copyOf(files);
    }

    /**
     * Lists the assets of a templates folder. A file that is a link to a place outside the
     * templates folder is left out, so a build can never publish a file from elsewhere on the disk.
     *
     * @return empty assets when the folder has no {@code assets/}
     * @throws UncheckedIOException when a file cannot be read
     */
    public static Assets scan(Path templatesDir) {
        Path dir = templatesDir.resolve("assets");
        if (!Files.isDirectory(dir)) {
            return new Assets(Map.of());
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            Path inside = templatesDir.toRealPath();
            List<Path> paths = walk.filter(Files::isRegularFile).filter(p -> realPathInside(p, inside)).sorted().toList();
            return new Assets(paths.stream().collect(Collectors.toMap(
                    p -> dir.relativize(p).toString().replace('\\', '/'),
                    p -> new Asset(p, "assets/" + fingerprinted(dir.relativize(p).toString().replace('\\', '/'), p)))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static boolean realPathInside(Path file, Path folder) {
        try {
            return file.toRealPath().startsWith(folder);
        } catch (IOException e) {
            return false; // gone since it was listed
        }
    }

    /** @return the site path of the asset called {@code name}, or empty when there is none */
    public Optional<String> find(String name) {
        return Optional.ofNullable(files.get(name)).map(Asset::sitePath);
    }

    /**
     * @return the site paths of the assets whose names carry a content hash, sorted; hosts may cache
     *         these for ever. Empty when there are none.
     */
    public List<String> fingerprinted() {
        return files.entrySet().stream().filter(e -> !e.getValue().sitePath().equals("assets/" + e.getKey()))
                .map(e -> e.getValue().sitePath()).sorted().toList();
    }

    private static String fingerprinted(String name, Path file) {
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot);
        if (!ext.equals(".css") && !ext.equals(".js")) {
            return name;
        }
        try {
            return fingerprint(name, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** {@code name} with a hash of {@code bytes} before its extension: {@code style.3f2a9c1d.css}. */
    static String fingerprint(String name, byte[] bytes) {
        int dot = name.lastIndexOf('.');
        String base = dot < 0 ? name : name.substring(0, dot);
        String ext = dot < 0 ? "" : name.substring(dot);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return base + "." + HexFormat.of().formatHex(digest, 0, 5) + ext;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
