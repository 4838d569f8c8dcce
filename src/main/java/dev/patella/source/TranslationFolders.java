package dev.patella.source;

import dev.patella.diag.Diagnostics;
import dev.patella.diag.FileFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Which folders of {@code content/} hold translations: {@code content/<code>/} for every code in
 * {@code languages:} of {@code content/site.yaml} other than the default {@code language:}.
 *
 * <p>Read leniently and on its own, so that translation drift is checked (and the {@code translated}
 * command works) whatever else the site's settings hold: a mistake in {@code site.yaml} is the
 * settings reader's to report, and here it only means no translation folders.
 */
public record TranslationFolders(String sourceLanguage, List<String> codes) {

    private static final Set<String> CONTENT_FOLDERS = Set.of("conditions", "exercises", "pages", "images");

    public TranslationFolders {
        codes = List.copyOf(codes);
    }

    /**
     * @return the default language and the codes of the others, in the order written; no codes
     *         when {@code site.yaml} names none or cannot be read
     */
    public static TranslationFolders read(Path project) {
        return read(project, new YamlReader());
    }

    /** Like {@link #read(Path)}, with a YAML reader already built. */
    static TranslationFolders read(Path project, YamlReader yaml) {
        Path settings = project.resolve("content").resolve("site.yaml");
        if (!Files.isRegularFile(settings)) {
            return new TranslationFolders("", List.of());
        }
        String text;
        try {
            byte[] bytes = Files.readAllBytes(settings);
            if (bytes.length > TextDecoder.MAX_BYTES) {
                return new TranslationFolders("", List.of());
            }
            text = TextDecoder.normalizeLineEndings(new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new TranslationFolders("", List.of()); // the settings reader reports it
        }
        return read(yaml, text);
    }

    /**
     * The translation files of one language, as paths relative to the project: its settings, its
     * glossary and the Markdown files of its conditions, exercises and pages that exist.
     *
     * @throws java.io.UncheckedIOException when a folder cannot be listed
     */
    public static List<String> translations(Path project, String code) {
        Path root = project.resolve("content").resolve(code);
        List<String> out = new ArrayList<>();
        for (TranslationKind kind : TranslationKind.values()) {
            if (!kind.markdown()) {
                if (Files.isRegularFile(root.resolve(kind.where()))) {
                    out.add("content/" + code + "/" + kind.where());
                }
                continue;
            }
            Path folder = root.resolve(kind.where());
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.list(folder)) {
                files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".") && n.endsWith(".md"))
                        .filter(n -> Files.isRegularFile(folder.resolve(n))).sorted()
                        .forEach(n -> out.add("content/" + code + "/" + kind.where() + n));
            } catch (IOException e) {
                throw FileFailure.of(FileFailure.Action.LIST, folder, e);
            }
        }
        return out;
    }

    /**
     * Whether {@code project} may have translations at all: a folder in {@code content/} other than
     * the content folders. Spares a site in one language from reading its settings again.
     */
    static boolean anyOtherFolder(Path project) {
        Path content = project.resolve("content");
        if (!Files.isDirectory(content)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(content)) {
            return entries.anyMatch(p -> Files.isDirectory(p) && !CONTENT_FOLDERS.contains(p.getFileName().toString()));
        } catch (IOException e) {
            return false; // the loader reports it
        }
    }

    /** Like {@link #read(Path)}, from the settings' text. */
    static TranslationFolders read(YamlReader yaml, String settings) {
        Optional<YNode> root = yaml.read(settings, "content/site.yaml", 1, new Diagnostics(Integer.MAX_VALUE));
        if (root.isEmpty() || !(root.get() instanceof YNode.YMap map)) {
            return new TranslationFolders("", List.of());
        }
        String language = map.find("language").map(YNode.Entry::value)
                .filter(YNode.YScalar.class::isInstance).map(v -> ((YNode.YScalar) v).text().trim()).orElse("");
        List<String> out = new ArrayList<>();
        map.find("languages").map(YNode.Entry::value).filter(YNode.YList.class::isInstance).ifPresent(list -> {
            for (YNode item : ((YNode.YList) list).items()) {
                if (item instanceof YNode.YScalar s && isCode(s.text().trim()) && !s.text().trim().equals(language)
                        && !out.contains(s.text().trim())) {
                    out.add(s.text().trim());
                }
            }
        });
        return new TranslationFolders(language, out);
    }

    /** Which languages the settings list, in brackets, for a message about a language that is not one of them. */
    public String described() {
        return codes.isEmpty() ? "(content/site.yaml lists none in languages:, for example languages: [en, es])"
                : "(languages: in content/site.yaml lists " + String.join(", ", codes) + " besides " + sourceLanguage
                        + ")";
    }

    /** The default language's name in English ("English" for {@code en}), for messages; "source" when unknown. */
    public String sourceLanguageName() {
        String name = sourceLanguage.isEmpty() ? "" : Locale.forLanguageTag(sourceLanguage).getDisplayLanguage(Locale.ENGLISH);
        return name.isEmpty() || name.equalsIgnoreCase(sourceLanguage) ? "source" : name;
    }

    /**
     * Whether {@code file} (under {@code content/<code>/}) is in another language than the source, not a variant of
     * the same one ({@code en-GB} of {@code en}), where a sentence may well stay word for word.
     */
    boolean otherLanguage(String file) {
        String code = file.substring("content/".length(), file.indexOf('/', "content/".length()));
        return !primary(code).equalsIgnoreCase(primary(sourceLanguage));
    }

    private static String primary(String code) {
        int dash = code.indexOf('-');
        return dash < 0 ? code : code.substring(0, dash);
    }

    /** A language code safe as a folder name (a BCP 47 tag: letters, digits, hyphens). */
    static boolean isCode(String code) {
        return code.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*");
    }
}
