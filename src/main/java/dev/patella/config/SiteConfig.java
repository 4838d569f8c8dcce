package dev.patella.config;

import dev.patella.diag.SourceSpan;
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
 * @param language   the language of these settings' edition; the default language in the settings as read
 * @param baseUrl    where this edition is published: the site's base URL for the default language,
 *                   {@code <base>/<code>/} for the others (see {@link #forEdition})
 * @param languages  every language the site is published in
 * @param places     where the reader-facing texts are written, to report mistakes inside them
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
        Optional<URI> reportErrorsTo,
        Languages languages,
        Places places) {

    /** The default time between reviews when {@code review_interval_months} is not set. */
    public static final int DEFAULT_REVIEW_INTERVAL_MONTHS = 24;

    /** The default highest Flesch-Kincaid grade a page may read at before a warning (US grade 8, age 13-14). */
    public static final double DEFAULT_READING_GRADE_MAX = 8.0;

    public SiteConfig {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(reportErrorsTo, "reportErrorsTo");
        Objects.requireNonNull(languages, "languages");
        Objects.requireNonNull(places, "places");
        if (!baseUrl.isAbsolute() || !baseUrl.getPath().endsWith("/")) {
            throw new IllegalArgumentException("base URL must be absolute and end in /: " + baseUrl);
        }
    }

    /** The same settings published under another base URL (the command line's {@code --base-url}). */
    public SiteConfig withBaseUrl(URI url) {
        return new SiteConfig(title, description, language, url, publisher, reviewIntervalMonths, intro,
                disclaimer, getHelp, readingGradeMax, reportErrorsTo, languages, places);
    }

    /**
     * The settings of the edition in {@code code}, another language of the site: published at
     * {@code <base>/<code>/}, with the reader-facing texts of that language.
     *
     * @throws IllegalArgumentException when this is not the default edition or {@code code} is not a language of the site
     */
    public SiteConfig forEdition(String code, EditionText text) {
        if (!isDefaultEdition() || !languages.all().contains(code) || code.equals(language)) {
            throw new IllegalArgumentException("no edition " + code + " of " + language);
        }
        return new SiteConfig(text.title(), text.description(), code, baseUrl.resolve(code + "/"), publisher,
                reviewIntervalMonths, text.intro(), text.disclaimer(), text.getHelp(), readingGradeMax,
                reportErrorsTo, languages, text.places());
    }

    /** Whether these are the settings of the default language, published at the base URL itself. */
    public boolean isDefaultEdition() {
        return language.equals(languages.defaultLanguage());
    }

    /**
     * The path of this edition below the site's root: {@code ""} for the default language,
     * {@code "/es"} for Spanish. A page's URL in its edition, prefixed with it, is its URL in the site.
     */
    public String prefix() {
        return isDefaultEdition() ? "" : "/" + language;
    }

    /** The base URL of the whole site, where the shared files ({@code /assets/}, {@code /images/}) are. */
    public URI siteBaseUrl() {
        return isDefaultEdition() ? baseUrl : baseUrl.resolve("../");
    }

    /** The reader-facing texts of {@code site.yaml} that a translation gives in its own {@code site.yaml}. */
    public EditionText text() {
        return new EditionText(title, description, intro, disclaimer, getHelp, places);
    }

    /** The texts of the settings that are translated: everything else is shared by every edition. */
    public record EditionText(String title, String description, String intro, String disclaimer, GetHelp getHelp,
                              Places places) {
    }

    /**
     * Where a text of the settings is written: where it starts and, for a text written over several
     * lines, where each of them starts (as {@code Prose.lines} holds them).
     */
    public record Placed(SourceSpan at, List<Integer> lines) {
        public Placed {
            lines = List.copyOf(lines);
        }
    }

    /**
     * Where the texts a reader sees are written in their {@code site.yaml}: {@code intro},
     * {@code disclaimer} and each item of {@code get_help}, so that a broken link in one is reported
     * at its own line of its own file.
     */
    public record Places(Placed intro, Placed disclaimer, List<Placed> stopIf, List<Placed> seeADoctor) {
        public Places {
            stopIf = List.copyOf(stopIf);
            seeADoctor = List.copyOf(seeADoctor);
        }

        /** Every text placed at the top of {@code file}, for settings not read from a file. */
        public static Places top(String file) {
            Placed start = new Placed(SourceSpan.startOf(file), List.of());
            return new Places(start, start, List.of(), List.of());
        }

        /** Where item {@code i} of {@code stop_if} is written; at the disclaimer's place when unknown. */
        public Placed stopIf(int i) {
            return i < stopIf.size() ? stopIf.get(i) : disclaimer;
        }

        /** Where item {@code i} of {@code see_a_doctor} is written; at the disclaimer's place when unknown. */
        public Placed seeADoctor(int i) {
            return i < seeADoctor.size() ? seeADoctor.get(i) : disclaimer;
        }
    }

    /**
     * The languages of a site.
     *
     * @param defaultLanguage the language published at the base URL (the {@code language} setting)
     * @param all             every language published, the default first, then in the order written
     */
    public record Languages(String defaultLanguage, List<String> all) {
        public Languages {
            all = List.copyOf(all);
            if (all.isEmpty() || !all.get(0).equals(defaultLanguage)) {
                throw new IllegalArgumentException("the default language comes first: " + all);
            }
        }

        /** A site in one language. */
        public static Languages only(String language) {
            return new Languages(language, List.of(language));
        }

        /** The languages other than the default one, in order; empty for a site in one language. */
        public List<String> others() {
            return all.subList(1, all.size());
        }
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
