package dev.patella.output;

import dev.patella.render.Alternates;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.Optional;

/** Writes {@code sitemap.xml} and {@code robots.txt}. */
public final class Sitemap {

    private Sitemap() {
    }

    /** @param urls site-root page URLs ({@code /exercises/}); written in the order given */
    public static String xml(URI baseUrl, Collection<String> urls) {
        return xml(baseUrl, urls, Alternates.none());
    }

    /**
     * A sitemap in which each page of a site in several languages lists its versions
     * ({@code xhtml:link rel="alternate" hreflang}, itself and {@code x-default} included), as
     * search engines read them.
     */
    public static String xml(URI baseUrl, Collection<String> urls, Alternates alternates) {
        boolean languages = alternates.languages().size() > 1;
        var out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"")
                .append(languages ? " xmlns:xhtml=\"http://www.w3.org/1999/xhtml\"" : "").append(">\n");
        for (String url : urls) {
            out.append("  <url><loc>").append(escape(absolute(baseUrl, url))).append("</loc>");
            var versions = alternates.of(url);
            if (languages && versions.size() > 1) {
                out.append("\n");
                for (Alternates.Version v : versions) {
                    link(out, v.language(), absolute(baseUrl, v.siteUrl()));
                }
                alternates.find(url, alternates.languages().get(0))
                        .ifPresent(v -> link(out, "x-default", absolute(baseUrl, v.siteUrl())));
                out.append("  ");
            }
            out.append("</url>\n");
        }
        return out.append("</urlset>\n").toString();
    }

    private static void link(StringBuilder out, String hreflang, String href) {
        out.append("    <xhtml:link rel=\"alternate\" hreflang=\"").append(escape(hreflang)).append("\" href=\"")
                .append(escape(href).replace("\"", "&quot;")).append("\"/>\n");
    }

    public static String robots(URI baseUrl) {
        return "User-agent: *\nAllow: /\n\nSitemap: " + absolute(baseUrl, "/sitemap.xml") + "\n";
    }

    /**
     * The base URL a built site was made for, read back from the {@code Sitemap:} line of the
     * {@code robots.txt} that {@link #robots} wrote.
     *
     * @return empty when the text has no such line (a site Patella did not build)
     */
    public static Optional<URI> baseUrlOf(String robotsTxt) {
        String suffix = "sitemap.xml";
        return robotsTxt.lines().filter(l -> l.startsWith("Sitemap: ") && l.endsWith(suffix)).findFirst()
                .map(l -> l.substring("Sitemap: ".length(), l.length() - suffix.length())).flatMap(Sitemap::uri);
    }

    private static Optional<URI> uri(String text) {
        try {
            URI uri = new URI(text);
            return uri.isAbsolute() && uri.getRawPath() != null && uri.getRawPath().endsWith("/")
                    ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static String absolute(URI baseUrl, String url) {
        return baseUrl.toString() + url.substring(1);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
