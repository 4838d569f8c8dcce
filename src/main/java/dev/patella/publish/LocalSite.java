package dev.patella.publish;

import dev.patella.output.HostingFiles;
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
import java.util.Set;
import java.util.StringJoiner;
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
     * @throws PublishRefusedException when a file or folder is one a build never writes and a host
     *                                 must not be sent: hidden (a {@code .git/} folder holds the
     *                                 repository's settings, {@code .DS_Store} a folder's listing),
     *                                 named as publishing's own files on the host, or with a name that
     *                                 is no safe address (a backslash)
     */
    static Map<String, LocalFile> scan(Path site) throws IOException {
        Map<String, LocalFile> files = new TreeMap<>();
        Files.walkFileTree(site, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (!dir.equals(site)) {
                    refuseUnlikeABuild(site, dir, sitePath(site, dir));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile()) {
                    String path = sitePath(site, file);
                    refuseUnlikeABuild(site, file, path);
                    files.put(path, new LocalFile(path, file, attrs.size(), hash(file)));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return files;
    }

    /** The site path of {@code file}: its names under {@code site}, joined with slashes. */
    private static String sitePath(Path site, Path file) {
        var names = new StringJoiner("/");
        site.relativize(file).forEach(name -> names.add(name.toString()));
        return names.toString();
    }

    /** The hidden files a build writes into a site folder. */
    private static final Set<String> BUILT_HIDDEN = Set.of(HostingFiles.HTACCESS);

    private static void refuseUnlikeABuild(Path site, Path file, String path) {
        String name = file.getFileName().toString();
        String why;
        if (!TargetPaths.isSafe(path)) {
            why = "has a name that is not a safe web address (a backslash in it)";
        } else if (name.equals(RemoteManifest.NAME) || name.startsWith(TargetPaths.TEMP_PREFIX)) {
            why = "has the name of a file that publishing keeps on the host for itself";
        } else if (name.startsWith(".") && !BUILT_HIDDEN.contains(path)) {
            why = "is hidden, and no build writes it (a .git folder holds your repository's settings, .DS_Store "
                    + "a folder's listing): it may hold what is not meant for visitors";
        } else {
            return;
        }
        boolean builtThere = site.getFileName() != null && site.getFileName().toString().equals("site");
        throw new PublishRefusedException(file + " " + why + ", so nothing was published. A build replaces "
                + site + " whole: run bin/patella build" + (builtThere ? "" : " --output " + site) + ", then "
                + "publish again (or move it out of the folder you publish)");
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
