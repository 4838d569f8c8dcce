package dev.patella.render;

import com.ibm.icu.util.ULocale;
import dev.patella.diag.DeadLink;
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
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
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
    /**
     * How many keys the only message file lacks the templates may use before they are taken for keys
     * lost from it (the file cut short) rather than misspelt in the templates, and told at the file.
     */
    private static final int MISSPELT_AT_MOST = 3;
    /** How many of a file's lacking keys its error names. */
    private static final int SHOWN_KEYS = 8;

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
        Map<String, Integer> lines = new TreeMap<>();
        Set<String> broken = new TreeSet<>();
        List<Diagnostic> problems = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path file : list.filter(p -> p.getFileName().toString().endsWith(".properties")).sorted().toList()) {
                String name = file.getFileName().toString();
                String language = name.substring(0, name.length() - ".properties".length());
                String shown = DIR + "/" + name;
                if (!Files.exists(file)) {
                    problems.add(Diagnostic.error("file.missing", SourceSpan.startOf(shown),
                            DeadLink.explain(file, shown, templatesDir.toAbsolutePath().getParent())));
                    broken.add(language);
                    continue;
                }
                Read read = read(shown, file, ULocale.forLanguageTag(language), problems);
                keys.put(language, read.patterns());
                lines.put(language, read.lastLine());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the messages in " + dir, e);
        }
        Set<String> used = used(templates);
        Set<String> known = new TreeSet<>();
        keys.values().forEach(k -> known.addAll(k.keySet()));
        Set<String> unknown = new TreeSet<>(used);
        unknown.removeAll(known);
        // with one file, a few keys it lacks are misspelt in the templates, and many were lost from it (cut
        // short); with several, a key none has is misspelt, or new in the templates: told at each use
        boolean lost = keys.size() == 1 && unknown.size() > MISSPELT_AT_MOST;
        if (!lost) {
            problems.addAll(misspelt(templates, known, keys.keySet()));
        }
        keys.forEach((language, patterns) -> {
            Set<String> lacking = new TreeSet<>();
            USED_BY_JAVA.stream().filter(k -> !patterns.containsKey(k)).forEach(lacking::add);
            keys.values().forEach(other -> other.keySet().stream()
                    .filter(k -> used.contains(k) && !patterns.containsKey(k)).forEach(lacking::add));
            if (lost) {
                lacking.addAll(unknown);
            }
            if (!lacking.isEmpty()) {
                problems.add(lacks(language, keys, lacking, lines.get(language)));
            }
            // a lacking key reads as itself, so the pages can still be rendered and every other
            // mistake found in the same run
            Map<String, String> usable = new LinkedHashMap<>(patterns);
            lacking.forEach(key -> usable.put(key, key));
            languages.put(language, new Messages(language, usable));
        });
        // a language whose file is a dead link (an error above) has one: its pages show each message's key
        for (String language : broken) {
            Map<String, String> placeholders = new LinkedHashMap<>();
            known.forEach(key -> placeholders.put(key, key));
            USED_BY_JAVA.forEach(key -> placeholders.put(key, key));
            languages.put(language, new Messages(language, placeholders));
        }
        return new MessageFiles(languages, problems);
    }

    /** The one error for a file that lacks keys the pages need, at its last line (where it may have been cut short). */
    private static Diagnostic lacks(String language, Map<String, Map<String, String>> keys, Set<String> lacking,
            int lastLine) {
        String shown = DIR + "/" + language + ".properties";
        Optional<String> from = keys.containsKey("en") && !language.equals("en") ? Optional.of("en")
                : keys.keySet().stream().filter(other -> !other.equals(language)).findFirst();
        // in the order of the file to copy from: a file cut short lacks the keys after its last line first
        Map<String, Integer> order = new HashMap<>();
        from.map(keys::get).orElse(Map.of()).keySet().forEach(k -> order.put(k, order.size()));
        List<String> shownKeys = lacking.stream().sorted(Comparator.comparingInt(k -> order.getOrDefault(k,
                order.size()))).limit(SHOWN_KEYS).toList();
        String them = lacking.size() == 1 ? "it" : "them";
        String copy = from.map(other -> "copy " + them + " from " + other + ".properties and "
                + (language.equals("en") ? "write " + them + " in English" : "translate " + them))
                .orElse("add " + them + " as key = text lines (a copy of the file in version control has "
                        + them + ")");
        if (lacking.size() == 1) {
            return Diagnostic.error(CODE, new SourceSpan(shown, lastLine, 1), shown + " lacks the message "
                    + shownKeys.get(0) + ", which the pages need; " + copy);
        }
        String more = lacking.size() > SHOWN_KEYS ? " and " + (lacking.size() - SHOWN_KEYS) + " more" : "";
        return Diagnostic.error(CODE, new SourceSpan(shown, lastLine, 1), shown + " lacks " + lacking.size()
                + " messages the pages need: " + String.join(", ", shownKeys) + more + "; if the file was cut short, "
                + "they belong after this line; " + copy);
    }

    /** Every key a template uses with {@code msg("key")}. */
    private static Set<String> used(Map<String, String> templates) {
        Set<String> used = new TreeSet<>();
        templates.values().forEach(text -> USE.matcher(text).results().forEach(m -> used.add(m.group(1))));
        return used;
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

    /**
     * One problem for each {@code msg("key")} in a template whose key no file has: a misspelt key,
     * at the template, with the nearest key there is. (A key some files have and others lack is
     * the lacking files' problem: {@link #lacks}.)
     */
    private static List<Diagnostic> misspelt(Map<String, String> templates, Set<String> known, Set<String> languages) {
        List<Diagnostic> found = new ArrayList<>();
        if (languages.isEmpty()) {
            return found;
        }
        List<String> files = languages.stream().map(language -> language + ".properties").toList();
        templates.forEach((name, text) -> {
            Matcher use = USE.matcher(text);
            while (use.find()) {
                String key = use.group(1);
                if (!known.contains(key)) {
                    String hint = Suggestions.closest(key, known).map(k -> " (did you mean \"" + k + "\"?)").orElse("");
                    found.add(Diagnostic.error(CODE, SourceSpan.atOffset("templates/" + name, text, use.start(1)),
                            "the message key \"" + key + "\" is not in " + DIR + "/" + String.join(" or ", files)
                                    + hint + "; add it there as key = text, or fix the key's spelling here"));
                }
            }
        });
        return found;
    }

    /** The messages of one file, in order, with the number of its last line of text. */
    private record Read(Map<String, String> patterns, int lastLine) {
    }

    private static Read read(String shown, Path file, ULocale locale, List<Diagnostic> problems)
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
        return new Read(patterns, (int) text.stripTrailing().chars().filter(c -> c == '\n').count() + 1);
    }
}
