package dev.patella.publish;

import dev.patella.output.Sitemap;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The files of a built site folder, with their content hashes. */
final class LocalSite {

    /** One file of the site: where it is, how big, and the SHA-256 of its bytes in hex. */
    record LocalFile(String path, Path file, long size, String sha256) {
    }

    private LocalSite() {
    }

    /**
     * Lists and hashes every regular file under {@code site}; symbolic links are not followed.
     *
     * @return files by site path, sorted
     * @throws IOException when a file cannot be read
     */
    static Map<String, LocalFile> scan(Path site) throws IOException {
        Map<String, LocalFile> files = new TreeMap<>();
        Files.walkFileTree(site, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile()) {
                    String path = site.relativize(file).toString().replace('\\', '/');
                    files.put(path, new LocalFile(path, file, attrs.size(), hash(file)));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return files;
    }

    /**
     * The base URL the site was built for, from its {@code robots.txt}.
     *
     * @return empty when the site has no {@code robots.txt} that Patella wrote
     * @throws IOException when the file is there but cannot be read
     */
    static Optional<URI> baseUrl(Path site) throws IOException {
        Path robots = site.resolve("robots.txt");
        if (!Files.isRegularFile(robots, LinkOption.NOFOLLOW_LINKS) || Files.size(robots) > 64 * 1024) {
            return Optional.empty();
        }
        return Sitemap.baseUrlOf(Files.readString(robots, StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    private static String hash(Path file) throws IOException {
        MessageDigest digest = digest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
