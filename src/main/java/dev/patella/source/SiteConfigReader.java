package dev.patella.source;

import dev.patella.config.BaseUrls;
import dev.patella.config.SiteConfig;
import com.ibm.icu.util.ULocale;
import dev.patella.diag.Diagnostics;
import dev.patella.diag.SourceSpan;
import dev.patella.diag.Suggestions;
import dev.patella.model.Key;
import dev.patella.model.Prose;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads {@code content/site.yaml} strictly into a {@link SiteConfig}. */
final class SiteConfigReader {

    /** A BCP 47 language tag as sites write them: a primary language and optional subtags. */
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*");

    private static final Set<String> ISO_LANGUAGES = Set.of(ULocale.getISOLanguages());

    private SiteConfigReader() {
    }

    /**
     * What was read of {@code site.yaml}.
     *
     * @param config         the settings: when a setting was missing or wrong (reported), it holds
     *                       that setting's default or a neutral stand-in, so that the rest of the
     *                       site is still read and checked in the same run
     * @param failed         whether a setting was missing or wrong (reported); such settings are
     *                       never published
     * @param languagesKnown whether the site's languages were read as written; when not, a folder
     *                       of content/ that is no language listed is not reported as a stray
     */
    record Read(SiteConfig config, boolean failed, boolean languagesKnown) {
    }

    /** Where a site whose {@code base_url} is missing or wrong is checked as if published (never published). */
    private static final URI STAND_IN_BASE_URL = URI.create("https://site.internal/");

    /** @return the settings, or empty when a required setting is missing or wrong (reported) */
    static Optional<SiteConfig> read(YNode root, Diagnostics diagnostics) {
        return read(root, diagnostics, FieldLog.NONE);
    }

    /** Like {@link #read(YNode, Diagnostics)}, noting every field asked for in {@code log}. */
    static Optional<SiteConfig> read(YNode root, Diagnostics diagnostics, FieldLog log) {
        return readAll(root, diagnostics, log).filter(read -> !read.failed()).map(Read::config);
    }

    /**
     * Reads the settings, standing in for those that are missing or wrong (reported).
     *
     * @return empty only when {@code root} is not a mapping (reported)
     */
    static Optional<Read> readAll(YNode root, Diagnostics diagnostics, FieldLog log) {
        return readAll(root, diagnostics, log, Set.of());
    }

    /**
     * Like {@link #readAll(YNode, Diagnostics, FieldLog)}, with the names of the folders of
     * {@code content/} that are language codes: a code of {@code languages} that is none is told the
     * folder's code it most likely stands for ({@code sp} for {@code content/es/}).
     */
    static Optional<Read> readAll(YNode root, Diagnostics diagnostics, FieldLog log, Set<String> languageFolders) {
        return Fields.of(root, "site settings", diagnostics, log).map(f -> {
            var title = f.requiredText("title");
            var description = f.requiredText("description");
            var written = f.requiredText("language");
            boolean languageKnown = !written.isEmpty() && LANGUAGE_TAG.matcher(written).matches();
            if (!written.isEmpty() && !languageKnown) {
                f.invalid("language", "\"language\" must be a language code such as en, es or en-GB (BCP 47), "
                        + "which browsers and screen readers use to pronounce the pages; it is \"" + written + "\"");
            }
            // a default language that cannot be read stands in as English, with no other language
            var language = languageKnown ? written : "en";
            int errors = diagnostics.errorCount();
            var listed = languages(f, languageFolders, languageKnown ? written : "", diagnostics);
            boolean languagesKnown = languageKnown && diagnostics.errorCount() == errors;
            // a wrong list stands in as the default language alone: its translations are not read, so
            // a language listed by mistake brings no mistakes of its own
            var languages = languagesKnown ? listed : SiteConfig.Languages.only(language);
            var baseUrl = f.string("base_url", true).flatMap(url -> baseUrl(url, f));
            var p = f.requiredNested("publisher", "publisher");
            var publisher = new SiteConfig.Organisation(p.requiredText("name"), p.string("url", false));
            p.finish();
            int interval = f.integer("review_interval_months", false, 1, 120)
                    .orElse(SiteConfig.DEFAULT_REVIEW_INTERVAL_MONTHS);
            double grade = f.integer("reading_grade_max", false, 1, 20).map(Integer::doubleValue)
                    .orElse(SiteConfig.DEFAULT_READING_GRADE_MAX);
            var intro = f.requiredProse("intro");
            var disclaimer = f.requiredProse("disclaimer");
            var h = f.requiredNested("get_help", "get_help settings");
            var stopIf = h.sentences("stop_if", true, false);
            var seeADoctor = h.sentences("see_a_doctor", true, false);
            var help = new SiteConfig.GetHelp(texts(stopIf), texts(seeADoctor));
            var places = places(intro, disclaimer, stopIf, seeADoctor);
            h.finish();
            // the site's languages: read by TranslationFolders (translation drift) until the settings hold them
            f.strings("languages", false);
            var report = f.string("report_errors_to", false).flatMap(text -> reportErrorsTo(text, f));
            f.finish();
            var config = new SiteConfig(title, description, language, baseUrl.orElse(STAND_IN_BASE_URL), publisher,
                    interval, intro.markdown(), disclaimer.markdown(), help, grade, report, languages, places);
            return new Read(config, f.failed(), languagesKnown);
        });
    }

    /**
     * Reads {@code content/<code>/site.yaml}: the reader-facing texts of the settings in another
     * language (title, description, intro, disclaimer, get_help). Everything else is shared with
     * the default language's settings and may not be written there.
     *
     * @return the texts, or empty when one is missing or wrong (reported)
     */
    static Optional<SiteConfig.EditionText> readText(YNode root, Diagnostics diagnostics) {
        return Fields.of(root, "translated site settings", diagnostics, FieldLog.NONE).flatMap(f -> {
            var title = f.requiredText("title");
            var description = f.requiredText("description");
            var intro = f.requiredProse("intro");
            var disclaimer = f.requiredProse("disclaimer");
            var h = f.requiredNested("get_help", "get_help settings");
            var stopIf = h.sentences("stop_if", true, false);
            var seeADoctor = h.sentences("see_a_doctor", true, false);
            var help = new SiteConfig.GetHelp(texts(stopIf), texts(seeADoctor));
            var places = places(intro, disclaimer, stopIf, seeADoctor);
            h.finish();
            f.string("translated_from", false);
            return f.build(() -> new SiteConfig.EditionText(title, description, intro.markdown(),
                    disclaimer.markdown(), help, places));
        });
    }

    private static List<String> texts(List<Prose> items) {
        return items.stream().map(Prose::markdown).toList();
    }

    /** Where the reader-facing texts are written, each line of them. */
    private static SiteConfig.Places places(Prose intro, Prose disclaimer, List<Prose> stopIf, List<Prose> seeADoctor) {
        return new SiteConfig.Places(placed(intro), placed(disclaimer),
                stopIf.stream().map(SiteConfigReader::placed).toList(),
                seeADoctor.stream().map(SiteConfigReader::placed).toList());
    }

    private static SiteConfig.Placed placed(Prose text) {
        return new SiteConfig.Placed(text.at(), text.lines());
    }

    /**
     * The {@code languages} setting: every language the site is published in, the default one
     * ({@code language}) among them. A site without it is published in its default language only.
     * Each code must name a language ICU knows, once.
     */
    private static SiteConfig.Languages languages(Fields f, Set<String> languageFolders, String defaultLanguage,
                                                   Diagnostics diagnostics) {
        if (defaultLanguage.isEmpty() || !LANGUAGE_TAG.matcher(defaultLanguage).matches()) {
            f.node("languages");
            return SiteConfig.Languages.only(defaultLanguage.isEmpty() ? "en" : defaultLanguage);
        }
        int errors = diagnostics.errorCount();
        List<Prose> written = f.items("languages", false);
        if (written.isEmpty() || diagnostics.errorCount() > errors) {
            return SiteConfig.Languages.only(defaultLanguage); // a wrong list (an empty item) is reported by its read
        }
        List<String> several = written.size() == 1 ? Key.several(written.get(0).markdown()) : List.of();
        if (!several.isEmpty()) {
            // "languages: en, es" is one text, not a list: one mistake, so one error, not also "no default"
            String text = written.get(0).markdown().trim();
            f.error("language.unknown", written.get(0).at(), "\"" + text + "\" in \"languages\" is several codes "
                    + "written as one text; " + Key.asList("languages", several));
            return SiteConfig.Languages.only(defaultLanguage);
        }
        List<String> all = new ArrayList<>(List.of(defaultLanguage));
        Set<String> seen = new HashSet<>();
        boolean hasDefault = false;
        for (Prose item : written) {
            String code = item.markdown().trim();
            if (!seen.add(code.toLowerCase(Locale.ROOT))) {
                f.error("language.duplicate", item.at(), "the language \"" + code + "\" is listed twice in "
                        + "\"languages\"; remove one of them");
            } else if (!knownLanguage(code)) {
                f.error("language.unknown", item.at(), "\"" + code + "\" in \"languages\" is not a language code "
                        + "Patella knows; " + folderMeant(code, languageFolders, written)
                        .orElse("write a BCP 47 code such as es, fr, pt-BR or ar (the README's Languages section "
                                + "lists how)"));
            } else if (code.equals(defaultLanguage)) {
                hasDefault = true;
            } else {
                all.add(code);
            }
        }
        if (!hasDefault) {
            f.error("language.no-default", f.keyAt("languages").orElse(written.get(0).at()), "\"languages\" "
                    + "must include the default language \"" + defaultLanguage + "\" (the \"language\" setting); "
                    + "add it to the list, for example languages: [" + defaultLanguage + ", ...]");
        }
        return new SiteConfig.Languages(defaultLanguage, all);
    }

    /**
     * "did you mean es? content/es/ holds a translation", for a code that stands for a language folder
     * the list does not name; empty when there is none (or more than one and none is close).
     */
    private static Optional<String> folderMeant(String code, Set<String> folders, List<Prose> written) {
        Set<String> listed = new HashSet<>();
        written.forEach(p -> listed.add(p.markdown().trim().toLowerCase(Locale.ROOT)));
        List<String> unlisted = folders.stream().filter(folder -> !listed.contains(folder.toLowerCase(Locale.ROOT)))
                .sorted().toList();
        Optional<String> meant = Suggestions.closest(code, unlisted);
        if (meant.isEmpty() && unlisted.size() == 1) {
            meant = Optional.of(unlisted.get(0));
        }
        return meant.map(folder -> "did you mean " + folder + "? content/" + folder + "/ holds a translation");
    }

    /**
     * Where each code of {@code languages} is written in {@code site.yaml}, by code; empty when the
     * setting is absent or not a list (its read reports that).
     */
    static Map<String, SourceSpan> languagesAt(YNode root) {
        Map<String, SourceSpan> out = new HashMap<>();
        YNode.Entry entry = root instanceof YNode.YMap map ? map.entries().get("languages") : null;
        if (entry != null && entry.value() instanceof YNode.YList list) {
            for (YNode item : list.items()) {
                if (item instanceof YNode.YScalar scalar) {
                    out.putIfAbsent(scalar.text().trim(), scalar.at());
                }
            }
        }
        return out;
    }

    /** Whether ICU knows {@code code} as a language tag: its primary language is an ISO 639 one. */
    static boolean knownLanguage(String code) {
        if (!LANGUAGE_TAG.matcher(code).matches()) {
            return false;
        }
        ULocale locale = ULocale.forLanguageTag(code);
        String language = locale.getLanguage();
        return !language.isEmpty() && ISO_LANGUAGES.contains(language)
                && locale.toLanguageTag().equalsIgnoreCase(code);
    }

    /** A {@code mailto:} address with one recipient, or an {@code https:} page; reported when it is neither. */
    private static Optional<URI> reportErrorsTo(String text, Fields f) {
        try {
            URI uri = new URI(text.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean mail = scheme.equals("mailto") && uri.getSchemeSpecificPart() != null
                    && uri.getSchemeSpecificPart().matches("[^@\\s,?]+@[^@\\s,?]+\\.[^@\\s,?]+(\\?.*)?");
            boolean web = scheme.equals("https") && uri.getHost() != null;
            if (mail || web) {
                return Optional.of(uri);
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        f.invalid("report_errors_to", "\"report_errors_to\" must be where readers report a mistake: an e-mail "
                + "address written mailto:errors@your-site.org, or a web page starting with https://");
        return Optional.empty();
    }

    private static Optional<URI> baseUrl(String text, Fields f) {
        var reading = BaseUrls.read(text, "\"base_url\"");
        reading.mistake().ifPresent(message -> f.invalid("base_url", message));
        return reading.address();
    }
}
