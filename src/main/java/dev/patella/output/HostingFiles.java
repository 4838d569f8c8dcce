package dev.patella.output;

import dev.patella.config.BaseUrls;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The settings files web hosts read from a site's root: {@code _headers} (Netlify, Cloudflare
 * Pages) and {@code .htaccess} (Apache). They send the {@link SecurityHeaders} with every file
 * (so a drawing opened on its own cannot run script on the site's address), give fingerprinted
 * assets a year-long, immutable cache life (a changed file gets a new name), make browsers
 * revalidate everything else, and wire up {@code 404.html}. Both are written into every build, so
 * they always match its assets.
 */
public final class HostingFiles {

    /** The file Netlify and Cloudflare Pages read. */
    public static final String HEADERS = "_headers";
    /** The file Apache reads. */
    public static final String HTACCESS = ".htaccess";

    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String REVALIDATE = "no-cache";

    private HostingFiles() {
    }

    /**
     * The {@code _headers} file. Its cache rules list each fingerprinted asset rather than a pattern,
     * because these hosts merge the values of every rule that matches a path: a catch-all cache rule
     * for pages would be merged into the assets' rule. Pages keep the hosts' default, which already
     * revalidates. The catch-all rule holds only the security headers, which no other rule sets.
     *
     * @param fingerprinted site paths (no leading slash) of the assets whose names carry a content hash
     */
    public static String headers(Collection<String> fingerprinted) {
        var out = new StringBuilder()
                .append("# Written by Patella on every build: safety headers, and cache rules that match this site's files.\n")
                .append("# Netlify and Cloudflare Pages read this file. They serve /404.html for a missing\n")
                .append("# address by themselves, and by default make browsers revalidate pages on every\n")
                .append("# visit (max-age=0, must-revalidate), which is what pages need.\n")
                .append("#\n")
                .append("# Every file: the site needs only its own files, so nothing else may load or run.\n")
                .append("/*\n");
        SecurityHeaders.ALL.forEach((name, value) -> out.append("  ").append(name).append(": ").append(value)
                .append('\n'));
        out.append("\n# Fingerprinted assets: a changed file gets a new name, so browsers may keep them.\n");
        for (String path : fingerprinted) {
            out.append('/').append(path).append("\n  Cache-Control: ").append(IMMUTABLE).append('\n');
        }
        return out.toString();
    }

    /**
     * The {@code .htaccess} file. Apache reads it where the server allows it ({@code AllowOverride FileInfo});
     * the security headers and cache rules need {@code mod_headers} and are skipped without it.
     *
     * @param basePath      the URL path the site is served from, such as {@code /} or {@code /knee/}
     * @param fingerprinted site paths (no leading slash) of the assets whose names carry a content hash
     */
    public static String htaccess(String basePath, Collection<String> fingerprinted) {
        return htaccess(basePath, fingerprinted, List.of());
    }

    /**
     * A regular expression for Apache matching the path {@code rawPath} as Apache compares it, after
     * decoding it: {@code /rodilla%20x/es/} written {@code /rodilla\x20x/es/}. Every byte other than a
     * letter, digit, "/", "_" or "-" is written as {@code \xHH}, so a space, a "#" (the pattern's
     * end), a quote, "+" or "(" in a folder's name cannot break the line nor be read as a pattern.
     */
    static String pattern(String rawPath) {
        var out = new StringBuilder();
        for (byte b : BaseUrls.decodedPath(rawPath).getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || c == '/' || c == '_' || c == '-')) {
                out.append((char) c);
            } else {
                out.append(String.format(Locale.ROOT, "\\x%02X", c));
            }
        }
        return out.toString();
    }

    /** @param languages the site's languages other than the default, each with its own 404 page under {@code <code>/} */
    public static String htaccess(String basePath, Collection<String> fingerprinted, List<String> languages) {
        return htaccess(basePath, fingerprinted, languages, Map.of());
    }

    /**
     * A line for Apache that answers a request for the old address {@code from} (a site path, with or
     * without its closing slash, or its {@code index.html}) with a permanent redirect (301) to
     * {@code to}, both under {@code basePath}. Both are made of slugs, and are written as
     * {@link #pattern} writes any other byte, so nothing in them can break the line.
     */
    static String redirect(String basePath, String from, String to) {
        String folder = from.substring(1, from.length() - 1);
        return "  RedirectMatch 301 \"^" + pattern(basePath + folder) + "(/|/index\\.html)?$\" \""
                + basePath + to.substring(1) + "\"\n";
    }

    /**
     * @param moved the old addresses pages keep ({@code moved_from:}), each with the page's address
     *              now, as site paths ({@code /exercises/clamshell/}, {@code /es/exercises/almeja/})
     */
    public static String htaccess(String basePath, Collection<String> fingerprinted, List<String> languages,
                                  Map<String, String> moved) {
        var out = new StringBuilder()
                .append("# Written by Patella on every build: the 404 page, safety headers and cache rules for Apache.\n\n")
                .append("ErrorDocument 404 ").append(basePath).append("404.html\n");
        for (String code : languages) {
            out.append("<If \"%{REQUEST_URI} =~ m#^").append(pattern(basePath + code + "/")).append("#\">\n")
                    .append("  ErrorDocument 404 ").append(basePath).append(code).append("/404.html\n</If>\n");
        }
        out.append("\n")
                .append("# Patella's own files and the other hosts' settings are not for visitors.\n")
                .append("<IfModule mod_alias.c>\n")
                .append("  RedirectMatch 404 \"/(\\.patella-manifest\\.json|\\.patella-tmp-[^/]*|_headers)$\"\n");
        if (!moved.isEmpty()) {
            out.append("  # The old addresses of pages that were renamed (moved_from): sent on for good to the new ones.\n");
            new TreeMap<>(moved).forEach((from, to) -> out.append(redirect(basePath, from, to)));
        }
        out.append("</IfModule>\n\n")
                .append("<IfModule mod_headers.c>\n")
                .append("  # Every response, errors too: the site needs only its own files, so nothing else may load or run.\n");
        SecurityHeaders.ALL.forEach((name, value) -> out.append("  Header always set ").append(name).append(" \"")
                .append(value).append("\"\n"));
        out.append("  # Pages and other files: browsers ask again each time (\"not modified\" when unchanged).\n")
                .append("  Header set Cache-Control \"").append(REVALIDATE).append("\"\n");
        if (!fingerprinted.isEmpty()) {
            String names = fingerprinted.stream().map(p -> p.substring(p.lastIndexOf('/') + 1))
                    .map(n -> n.replace(".", "\\.")).distinct().collect(Collectors.joining("|"));
            out.append("  # Fingerprinted assets: a changed file gets a new name, so browsers may keep them.\n")
                    .append("  <FilesMatch \"^(").append(names).append(")$\">\n")
                    .append("    Header set Cache-Control \"").append(IMMUTABLE).append("\"\n")
                    .append("  </FilesMatch>\n");
        }
        return out.append("</IfModule>\n").toString();
    }
}
