package dev.patella.render;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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
 * scripts are read once, here, and published from these bytes: our own without their comments
 * (which are for the people who keep them, not for readers), a library with its licence beside it
 * ({@code uqr.js} and {@code uqr-LICENSE.txt}) or a file named {@code .min.js} or {@code .min.css}
 * exactly as it is. Their names get a hash of the bytes published ({@code style.3f2a9c1d.css}) so
 * hosts can cache them for ever; a changed file gets a new name. Other assets are copied as they are.
 *
 * @param files site path (no leading slash) by the asset's own name ({@code style.css})
 */
public record Assets(Map<String, Asset> files) {

    /**
     * One asset: where it is read from and the site path it is written to.
     *
     * @param published the bytes to publish, for a stylesheet or a script (the ones its name's hash
     *                  is of); empty for another file, copied from {@code source} as it is
     */
    public record Asset(Path source, String sitePath, Optional<byte[]> published) {
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
                    p -> asset(dir.relativize(p).toString().replace('\\', '/'), p))));
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

    private static Asset asset(String name, Path file) {
        if (!name.endsWith(".css") && !name.endsWith(".js")) {
            return new Asset(file, "assets/" + name, Optional.empty());
        }
        try {
            byte[] published = published(name, Files.readAllBytes(file), Files.isRegularFile(licenceOf(file)));
            return new Asset(file, "assets/" + fingerprint(name, published), Optional.of(published));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The licence a library is shipped with, beside it: {@code uqr-LICENSE.txt} for {@code uqr.js}. */
    private static Path licenceOf(Path script) {
        String name = script.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return script.resolveSibling((dot < 0 ? name : name.substring(0, dot)) + "-LICENSE.txt");
    }

    /**
     * What is published of the stylesheet or script {@code name}: without its comments, or as it
     * is when it is a library (with its licence beside it, or named {@code .min.js}), when it is
     * not UTF-8 text, or when its comments cannot be told apart from its code for certain.
     */
    static byte[] published(String name, byte[] source, boolean library) {
        if (library || name.endsWith(".min.js") || name.endsWith(".min.css")) {
            return source;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(source)).toString();
        } catch (CharacterCodingException e) {
            return source; // not text we can read: as it is
        }
        Optional<String> stripped = name.endsWith(".css") ? Optional.of(CssComments.strip(text))
                : ScriptComments.strip(text);
        return stripped.map(t -> t.getBytes(StandardCharsets.UTF_8)).orElse(source);
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
