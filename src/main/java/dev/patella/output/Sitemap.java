package dev.patella.output;

import java.net.URI;
import java.util.Collection;

/** Writes {@code sitemap.xml} and {@code robots.txt}. */
public final class Sitemap {

    private Sitemap() {
    }

    /** @param urls site-root page URLs ({@code /exercises/}); written in the order given */
    public static String xml(URI baseUrl, Collection<String> urls) {
        var out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (String url : urls) {
            out.append("  <url><loc>").append(escape(absolute(baseUrl, url))).append("</loc></url>\n");
        }
        return out.append("</urlset>\n").toString();
    }

    public static String robots(URI baseUrl) {
        return "User-agent: *\nAllow: /\n\nSitemap: " + absolute(baseUrl, "/sitemap.xml") + "\n";
    }

    private static String absolute(URI baseUrl, String url) {
        return baseUrl.toString() + url.substring(1);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
