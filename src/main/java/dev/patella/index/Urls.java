package dev.patella.index;

import java.util.regex.Pattern;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/** The site's URL scheme: clean URLs, each page a folder holding {@code index.html}. */
public final class Urls {

    /** A link with a scheme ({@code https:}, {@code mailto:}): compiled once, as it runs for every link of every page. */
    private static final Pattern SCHEME_LINK =
            Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*");

    public static final String HOME = "/";
    public static final String EXERCISES = "/exercises/";
    public static final String SOURCES = "/sources/";
    public static final String SEARCH = "/search/";
    public static final String NOT_FOUND = "/404.html";
    public static final String GLOSSARY = "/glossary/";
    /** The clinician's handout maker; its choices live in the address's fragment, never in a request. */
    public static final String HANDOUT = "/handout/";

    private Urls() {
    }

    public static String condition(String slug) {
        return "/conditions/" + slug + "/";
    }

    /** A glossary term's entry: {@code /glossary/#term-<id>}. */
    public static String term(String id) {
        return GLOSSARY + "#term-" + id;
    }

    /** The printable home program of a condition: {@code /conditions/<slug>/program/}. */
    public static String program(String slug) {
        return condition(slug) + "program/";
    }

    public static String exercise(String slug) {
        return "/exercises/" + slug + "/";
    }

    /**
     * Whether the site path {@code path} is one that a file of the content folder {@code folder}
     * ({@code "conditions"}, {@code "exercises"}, {@code "pages"}, {@code "images"}) would publish.
     */
    public static boolean mayComeFrom(String folder, String path) {
        int slash = folder.indexOf('/');
        if (slash > 0) { // a translation's folder, "es/pages": those pages of that edition, under /es/
            String prefix = "/" + folder.substring(0, slash);
            return path.startsWith(prefix + "/") && mayComeFrom(folder.substring(slash + 1), path.substring(prefix.length()));
        }
        return switch (folder) {
            case "conditions" -> path.startsWith("/conditions/") && path.length() > "/conditions/".length();
            case "exercises" -> path.startsWith(EXERCISES) && path.length() > EXERCISES.length();
            case "pages" -> path.matches("/[^/]+/");
            case "images" -> path.startsWith("/images/");
            default -> false;
        };
    }

    /**
     * Whether the site path is one of the files every language shares ({@code /images/…},
     * {@code /assets/…}), published once at the site root, rather than a page of an edition.
     */
    public static boolean isShared(String path) {
        return path.startsWith("/images/") || path.startsWith("/assets/");
    }

    /**
     * A link from the page at {@code from} in the edition published under {@code prefix}
     * ({@code "/es"}, or {@code ""} for the default language) to {@code to}: a page of the same
     * edition, or a shared file at the site root ({@link #isShared}). Relative, like {@link #relative}.
     */
    public static String inEdition(String prefix, String from, String to) {
        return isShared(to) ? relative(prefix + from, to) : relative(from, to);
    }

    public static String page(String slug) {
        return "/" + slug + "/";
    }

    /** The file that serves {@code url} inside the site folder: {@code exercises/clamshell/index.html}. */
    public static String file(String url) {
        String path = url.substring(1);
        return path.isEmpty() || path.endsWith("/") ? path + "index.html" : path;
    }

    /**
     * A link from the page at {@code from} to {@code to}, relative so that the site works from any
     * folder of any host: {@code relative("/exercises/clamshell/", "/sources/")} is {@code ../../sources/}.
     */
    public static String relative(String from, String to) {
        String dir = from.substring(0, from.lastIndexOf('/') + 1);
        long depth = dir.chars().filter(c -> c == '/').count() - 1;
        String result = "../".repeat((int) depth) + to.substring(1);
        return result.isEmpty() ? "./" : result;
    }

    /**
     * The site-root path an {@code href} written in the page at {@code from} points at, with its
     * {@code #anchor}: {@code resolve("/exercises/clamshell/", "../../sources/#x", "/")} is
     * {@code /sources/#x}. Links starting with {@code /} are read from the site's base path
     * ({@code basePath}, for example {@code /knee/}).
     *
     * @return empty for links to other sites ({@code https:}, {@code mailto:}), for links that
     *         climb above the site root, and for links under another base path
     */
    public static Optional<String> resolve(String from, String href, String basePath) {
        if (href.isEmpty() || href.startsWith("//") || SCHEME_LINK.matcher(href).matches()) {
            return Optional.empty();
        }
        int hash = href.indexOf('#');
        String path = hash < 0 ? href : href.substring(0, hash);
        String anchor = hash < 0 ? "" : href.substring(hash);
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        String absolute;
        if (path.isEmpty()) {
            absolute = from;
        } else if (path.startsWith("/")) {
            if (!path.startsWith(basePath)) {
                return Optional.empty();
            }
            absolute = "/" + path.substring(basePath.length());
        } else {
            absolute = from.substring(0, from.lastIndexOf('/') + 1) + path;
        }
        Deque<String> parts = new ArrayDeque<>();
        String[] segments = absolute.substring(1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String s = segments[i];
            boolean last = i == segments.length - 1;
            if (s.equals("..")) {
                if (parts.isEmpty()) {
                    return Optional.empty();
                }
                parts.removeLast();
                if (last) {
                    parts.add("");
                }
            } else if (s.equals(".")) {
                if (last) {
                    parts.add("");
                }
            } else {
                parts.add(s);
            }
        }
        return Optional.of("/" + String.join("/", parts) + anchor);
    }
}
