package dev.patella.index;

/** The site's URL scheme: clean URLs, each page a folder holding {@code index.html}. */
public final class Urls {

    public static final String HOME = "/";
    public static final String EXERCISES = "/exercises/";
    public static final String SOURCES = "/sources/";
    public static final String SEARCH = "/search/";
    public static final String NOT_FOUND = "/404.html";

    private Urls() {
    }

    public static String condition(String slug) {
        return "/conditions/" + slug + "/";
    }

    /** The printable home program of a condition: {@code /conditions/<slug>/program/}. */
    public static String program(String slug) {
        return condition(slug) + "program/";
    }

    public static String exercise(String slug) {
        return "/exercises/" + slug + "/";
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
}
