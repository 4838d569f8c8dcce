package dev.patella.render;

import com.ibm.icu.util.ULocale;
import dev.patella.diag.Diagnostic;
import dev.patella.diag.SourceSpan;
import dev.patella.diag.Suggestions;
import dev.patella.diag.Utf8Text;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every language's words, read once from {@code templates/messages/*.properties} (UTF-8; one
 * {@code key = ICU pattern} a line; {@code #} starts a comment), with what is wrong with them:
 * a line that is no message, a key given twice, a pattern ICU cannot read, a key that Java or a
 * template uses but a file lacks. Each problem is placed at its file's line, or at the template's
 * {@code msg("…")} that uses the missing key.
 *
 * @param byLanguage each file's words, by its language tag (the file name without {@code .properties})
 * @param problems   what is wrong; empty when every file is usable
 */
record MessageFiles(Map<String, Messages> byLanguage, List<Diagnostic> problems) {

    static final String DIR = "templates/messages";
    private static final String CODE = "template.message";
    private static final Pattern USE = Pattern.compile("(?<![\\w.])msg\\(\\s*\"([^\"]*)\"");
    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9_.-]*");

    /** The keys Patella's Java code reads (names of the page kinds, labels, search kinds); every file needs them. */
    static final List<String> USED_BY_JAVA = List.of("date", "title.page", "nav.home", "nav.exercises",
            "nav.search", "nav.sources", "nav.glossary", "footer.help", "footer.report", "search.kind.condition",
            "search.kind.exercise", "search.kind.page", "search.kind.handout", "search.kind.program",
            "exercises.title", "exercises.description", "terms.title", "terms.description", "handout.title",
            "handout.description", "handout.keywords", "handout.others", "notfound.title", "checked.page",
            "checked.site", "program.title", "program.description", "program.summary", "program.keywords",
            "program.week", "program.day", "search.title", "search.description", "sources.title",
            "sources.description", "equipment.none", "phase.early", "phase.later", "chain.open", "chain.closed",
            "chain.open.meaning", "chain.closed.meaning", "data.intensity");

    MessageFiles {
        byLanguage = Map.copyOf(byLanguage);
        problems = List.copyOf(problems);
    }

    /**
     * Reads every message file under {@code templatesDir/messages/} and checks the keys that
     * {@code templates} (their texts, by name) use.
     *
     * @return no languages and no problems when there is no folder
     * @throws UncheckedIOException when the folder or a file cannot be read
     */
    static MessageFiles load(Path templatesDir, Map<String, String> templates) {
        Path dir = templatesDir.resolve("messages");
        if (!Files.isDirectory(dir)) {
            return new MessageFiles(Map.of(), List.of());
        }
        Map<String, Messages> languages = new TreeMap<>();
        Map<String, Map<String, String>> keys = new TreeMap<>();
        List<Diagnostic> problems = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path file : list.filter(p -> p.getFileName().toString().endsWith(".properties")).sorted().toList()) {
                String name = file.getFileName().toString();
                String language = name.substring(0, name.length() - ".properties".length());
                String shown = DIR + "/" + name;
                if (!Files.exists(file)) {
                    problems.add(Diagnostic.error("file.missing", SourceSpan.startOf(shown), shown + " is a link to a "
                            + "file that does not exist (moved or deleted); put the file itself there, or delete the link"));
                    continue;
                }
                Map<String, String> patterns = read(shown, file, ULocale.forLanguageTag(language), problems);
                List<String> lacking = USED_BY_JAVA.stream().filter(k -> !patterns.containsKey(k)).toList();
                if (!lacking.isEmpty()) {
                    problems.add(Diagnostic.error(CODE, SourceSpan.startOf(shown), shown + " lacks the keys "
                            + String.join(", ", lacking) + ", which Patella's pages need; copy them from en.properties "
                            + "and translate them"));
                }
                keys.put(language, patterns);
                languages.put(language, new Messages(language, patterns));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the messages in " + dir, e);
        }
        problems.addAll(missing(templates, keys));
        return new MessageFiles(languages, problems);
    }

    /**
     * The words for a language: its own file, else its base language's ({@code en} for {@code en-GB}),
     * formatted with the language's own rules (a British date is "2 December 2026").
     *
     * @return empty when neither file exists
     */
    Optional<Messages> find(String language) {
        Messages exact = byLanguage.get(language);
        if (exact != null) {
            return Optional.of(exact);
        }
        return Optional.ofNullable(byLanguage.get(ULocale.forLanguageTag(language).getLanguage()))
                .map(base -> base.in(language));
    }

    /** One problem for each {@code msg("key")} in a template whose key some file lacks. */
    private static List<Diagnostic> missing(Map<String, String> templates, Map<String, Map<String, String>> keys) {
        List<Diagnostic> found = new ArrayList<>();
        templates.forEach((name, text) -> {
            Matcher use = USE.matcher(text);
            while (use.find()) {
                String key = use.group(1);
                List<String> lacking = keys.entrySet().stream().filter(e -> !e.getValue().containsKey(key))
                        .map(e -> e.getKey() + ".properties").toList();
                if (!lacking.isEmpty()) {
                    String known = keys.values().stream().findFirst().flatMap(k -> Suggestions.closest(key, k.keySet()))
                            .map(k -> " (did you mean \"" + k + "\"?)").orElse("");
                    found.add(Diagnostic.error(CODE, SourceSpan.atOffset("templates/" + name, text, use.start(1)),
                            "the message key \"" + key + "\" is not in " + DIR + "/" + String.join(" or ", lacking)
                                    + known + "; add it there as key = text, or fix the key's spelling here"));
                }
            }
        });
        return found;
    }

    private static Map<String, String> read(String shown, Path file, ULocale locale, List<Diagnostic> problems)
            throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        // a file that is not UTF-8 is reported, and read as well as it can be: its keys are there
        String text = Utf8Text.decode(bytes, shown, problems::add).orElseGet(() -> new String(bytes, StandardCharsets.UTF_8));
        Map<String, String> patterns = new LinkedHashMap<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int equals = line.indexOf('=');
            String key = equals < 0 ? trimmed : line.substring(0, equals).strip();
            if (equals < 0 || !KEY.matcher(key).matches()) {
                problems.add(Diagnostic.error(CODE, new SourceSpan(shown, i + 1, 1), "this line is not a message; "
                        + "write key = text, with a key of lower-case letters, digits, dots and dashes"));
                continue;
            }
            int start = equals + 1;
            while (start < line.length() && Character.isWhitespace(line.charAt(start))) {
                start++;
            }
            String pattern = line.substring(start).stripTrailing();
            if (patterns.containsKey(key)) {
                problems.add(Diagnostic.error(CODE, new SourceSpan(shown, i + 1, 1), "the key " + key
                        + " is given twice in this file; keep one"));
                continue;
            }
            try {
                Messages.compile(pattern, locale);
                patterns.put(key, pattern);
            } catch (IllegalArgumentException e) {
                problems.add(Diagnostic.error(CODE, new SourceSpan(shown, i + 1, start + 1), "ICU cannot read the "
                        + "message " + key + ": " + String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT)
                        + "; write it like {count, plural, one {# set} other {# sets}}, and double an apostrophe "
                        + "before { or }"));
            }
        }
        return patterns;
    }
}
