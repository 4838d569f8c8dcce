package dev.patella.config;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings of one site, read strictly from {@code content/site.yaml}.
 *
 * @param baseUrl    absolute, ending in {@code /}; pages are published below it
 * @param intro      Markdown shown at the top of the home page
 * @param disclaimer Markdown shown on every page
 * @param readingGradeMax the Flesch-Kincaid grade above which a page gets a readability warning
 * @param reportErrorsTo  where readers report a mistake on the site: a {@code mailto:} or {@code https:}
 *                        address; empty when the site gives none (no "Report an error" link is shown)
 */
public record SiteConfig(
        String title,
        String description,
        String language,
        URI baseUrl,
        Organisation publisher,
        int reviewIntervalMonths,
        String intro,
        String disclaimer,
        GetHelp getHelp,
        double readingGradeMax,
        Optional<URI> reportErrorsTo) {

    /** The default time between reviews when {@code review_interval_months} is not set. */
    public static final int DEFAULT_REVIEW_INTERVAL_MONTHS = 24;

    /** The default highest Flesch-Kincaid grade a page may read at before a warning (US grade 8, age 13-14). */
    public static final double DEFAULT_READING_GRADE_MAX = 8.0;

    public SiteConfig {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(reportErrorsTo, "reportErrorsTo");
        if (!baseUrl.isAbsolute() || !baseUrl.getPath().endsWith("/")) {
            throw new IllegalArgumentException("base URL must be absolute and end in /: " + baseUrl);
        }
    }

    /** The same settings published under another base URL (the command line's {@code --base-url}). */
    public SiteConfig withBaseUrl(URI url) {
        return new SiteConfig(title, description, language, url, publisher, reviewIntervalMonths, intro,
                disclaimer, getHelp, readingGradeMax, reportErrorsTo);
    }

    /** The path part of the base URL, for example {@code /knee/}; {@code /} at the host's root. */
    public String basePath() {
        return baseUrl.getRawPath();
    }

    /** The organisation that publishes the site (the {@code publisher} in {@code site.yaml}). */
    public record Organisation(String name, Optional<String> url) {
    }

    /** The site-wide "when to get help" rules, shown on every exercise and condition page. */
    public record GetHelp(List<String> stopIf, List<String> seeADoctor) {
        public GetHelp {
            stopIf = List.copyOf(stopIf);
            seeADoctor = List.copyOf(seeADoctor);
        }
    }
}
