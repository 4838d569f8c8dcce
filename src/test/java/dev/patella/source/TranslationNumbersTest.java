package dev.patella.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.patella.TestSites;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every translation under {@code content/<code>/} carries the same numbers as the file it
 * translates (the same file name under {@code content/}): doses, holds, angles, days, weeks and
 * figures. A number field (sets, hold seconds) and a yes/no field (per side) must be equal; a
 * text field (a step, the rest note, a warning, the body) must hold the same numbers, as a
 * multiset, whatever the words around them. Decimals may be written with a point or a comma
 * ({@code 7.2} = {@code 7,2}); citation keys ({@code [@acsm2009]}), link targets and heading ids
 * are not text and are left out. Lists must keep their length (a dropped step is a dropped
 * dose), except a glossary term's other forms ({@code also}), which each language has its own.
 * A translation has the fields of its source, no more, no fewer (except {@code slug} and
 * {@code translated_from}, which only a translation has, and the review dates, which are its
 * own). The cases come from the files: a new language or a new page is covered without an edit.
 */
class TranslationNumbersTest {

    private static final Path CONTENT = TestSites.PROJECT.resolve("content");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** A folder of {@code content/} named by a language tag holds that language's translations. */
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");
    /** Fields a translation may have that its source has not, and fields that are a file's own. */
    private static final Set<String> OWN_FIELDS = Set.of("slug", "translated_from", "published", "reviewed");
    /** The reader-facing fields a translated {@code site.yaml} holds; its other settings are the default language's. */
    private static final Set<String> SITE_TEXT = Set.of("title", "description", "intro", "disclaimer", "get_help");
    private static final Pattern NOT_TEXT = Pattern.compile(
            "\\[@[^\\]]*\\]" // a citation: [@smith2018] or [@a; @b]
                    + "|\\]\\([^)]*\\)" // a link's target: [words](/exercises/clamshell/)
                    + "|\\{[#.][^}]*\\}"); // a heading's id or class: {#symptoms}
    private static final Pattern NUMBER = Pattern.compile("(?<![\\p{L}\\p{N}])\\p{N}+(?:[.,]\\p{N}+)?");

    /** Each translation file, as its path under {@code content/} ("es/exercises/clamshell.md"). */
    static Stream<String> translations() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(CONTENT)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                if (!LANGUAGE.matcher(dir.getFileName().toString()).matches()) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(dir)) {
                    files.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".md")
                                    || p.toString().endsWith(".yaml")).sorted()
                            .forEach(p -> found.add(CONTENT.relativize(p).toString().replace('\\', '/')));
                }
            }
        }
        return found.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("translations")
    void aTranslationHasTheNumbersOfItsSource(String translation) {
        String relative = translation.substring(translation.indexOf('/') + 1);
        Path source = CONTENT.resolve(relative);
        assertThat(source).as("content/%s translates content/%s, which does not exist: a translation keeps its "
                + "source's file name", translation, relative).isRegularFile();

        List<String> differences = differences("content/" + relative, read(source),
                "content/" + translation, read(CONTENT.resolve(translation)), relative.equals("site.yaml"));

        assertThat(differences).as("numbers that differ between content/%s and its source", translation).isEmpty();
    }

    /** The comparison can fail: a changed dose, a changed angle in a step and a dropped step are each found. */
    @Test
    void aChangedDoseAStepWithAnotherAngleAndAMissingFieldAreEachReported() {
        String source = """
                ---
                sets: 3
                per_side: true
                steps:
                  - Bend to about 45 degrees.
                  - Hold for 1 second [@powers2014].
                dose:
                  reps: "10-15"
                ---
                About 7.2% of teenagers [@smith2018]. See [the squat](/exercises/semi-squat/).
                """;
        String same = """
                ---
                slug: media-sentadilla
                sets: 3
                per_side: true
                steps:
                  - Dobla hasta unos 45 grados.
                  - Aguanta 1 segundo [@powers2014].
                dose:
                  reps: "10-15"
                ---
                Unos 7,2 % de los adolescentes [@smith2018]. Mira [la sentadilla](/exercises/semi-squat/).
                """;
        String changed = """
                ---
                sets: 2
                per_side: false
                steps:
                  - Dobla hasta unos 90 grados.
                dose:
                  reps: "10-20"
                ---
                Unos 7 % de los adolescentes [@smith2018].
                """;

        assertThat(differences("en.md", source, "es.md", same, false)).isEmpty();
        assertThat(String.join("\n", differences("en.md", source, "es.md", changed, false)))
                .contains("es.md: sets is 2, but en.md has 3")
                .contains("es.md: per_side is false, but en.md has true")
                .contains("es.md: steps has 1 item, but en.md has 2")
                .contains("es.md: steps[0] has the numbers [90], but en.md has [45]")
                .contains("es.md: dose.reps has the numbers [10, 20], but en.md has [10, 15]")
                .contains("es.md: the body has the numbers [7], but en.md has [7.2]");
        assertThat(differences("en.md", source, "es.md", source.replace("per_side: true\n", "per_side: true\nextra: 1\n"), false))
                .containsExactly("es.md: extra is not a field of en.md; a translation has its source's fields");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What differs in numbers between a source file and its translation, each as a sentence naming both files. */
    private static List<String> differences(String sourceName, String source, String translationName,
            String translation, boolean siteSettings) {
        List<String> out = new ArrayList<>();
        Compare compare = new Compare(sourceName, translationName, out);
        if (sourceName.endsWith(".md")) {
            String[] a = frontMatterAndBody(sourceName, source);
            String[] b = frontMatterAndBody(translationName, translation);
            compare.node("", tree(a[0]), tree(b[0]), false);
            compare.text("the body", a[1], b[1]);
        } else if (sourceName.endsWith("/people.yaml")) {
            compare.node("", peopleAsTranslated(tree(source), tree(translation)), tree(translation), false);
        } else {
            compare.node("", tree(source), tree(translation), siteSettings);
        }
        return out;
    }

    /**
     * What a translation of the people is held to: the people it translates, each with only the
     * words about them (role, bio, and a team's name); a person's name, credentials and the
     * organization flag are not translated, and a person left out keeps the source's words.
     */
    private static JsonNode peopleAsTranslated(JsonNode source, JsonNode translation) {
        var out = YAML.createObjectNode();
        for (Iterator<String> ids = source.fieldNames(); ids.hasNext(); ) {
            String id = ids.next();
            if (translation.has(id) && source.get(id).isObject()) {
                var words = YAML.createObjectNode();
                boolean team = source.get(id).path("organization").asBoolean(false);
                for (String field : team ? List.of("name", "role", "bio") : List.of("role", "bio")) {
                    if (source.get(id).has(field)) {
                        words.set(field, source.get(id).get(field));
                    }
                }
                out.set(id, words);
            }
        }
        return out;
    }

    private static String[] frontMatterAndBody(String name, String text) {
        String unix = text.replace("\r\n", "\n");
        assertThat(unix).as("%s starts with a front matter block", name).startsWith("---\n");
        int end = unix.indexOf("\n---\n", 3);
        assertThat(end).as("%s closes its front matter with ---", name).isPositive();
        return new String[] {unix.substring(4, end + 1), unix.substring(end + 5)};
    }

    private static JsonNode tree(String yaml) {
        try {
            return YAML.readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The numbers a text holds, in order: digits, with a decimal point or comma read as one. */
    static List<String> numbers(String text) {
        Matcher m = NUMBER.matcher(NOT_TEXT.matcher(text).replaceAll(" "));
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(new BigDecimal(m.group().replace(',', '.')).stripTrailingZeros().toPlainString());
        }
        return out;
    }

    /** Walks a source's tree and its translation's side by side, noting each difference in {@code out}. */
    private record Compare(String sourceName, String translationName, List<String> out) {

        void node(String path, JsonNode a, JsonNode b, boolean onlyTranslatedSettings) {
            if (a.isObject() && b.isObject()) {
                fields(path, a, b, onlyTranslatedSettings);
            } else if (a.isArray() && b.isArray() && path.endsWith(".also")) {
                text(path, join(a), join(b)); // a glossary term's other forms: each language has its own
            } else if (a.isArray() && b.isArray()) {
                if (a.size() != b.size()) {
                    out.add(translationName + ": " + path + " has " + items(b.size()) + ", but " + sourceName
                            + " has " + a.size());
                }
                for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                    node(path + "[" + i + "]", a.get(i), b.get(i), false);
                }
            } else if (a.isTextual() && b.isTextual()) {
                text(path, a.asText(), b.asText());
            } else if (a.isValueNode() && b.isValueNode() && !a.isTextual() && !b.isTextual()) {
                if (!a.equals(b)) {
                    out.add(translationName + ": " + path + " is " + b.asText() + ", but " + sourceName + " has "
                            + a.asText());
                }
            } else {
                out.add(translationName + ": " + path + " is " + b.getNodeType().toString().toLowerCase()
                        + ", but in " + sourceName + " it is " + a.getNodeType().toString().toLowerCase());
            }
        }

        private void fields(String path, JsonNode a, JsonNode b, boolean onlyTranslatedSettings) {
            String prefix = path.isEmpty() ? "" : path + ".";
            for (Iterator<String> names = a.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (path.isEmpty() && OWN_FIELDS.contains(name)
                        || onlyTranslatedSettings && !SITE_TEXT.contains(name)) {
                    continue;
                }
                if (!b.has(name)) {
                    out.add(translationName + ": " + prefix + name + " is missing; " + sourceName + " has it");
                } else {
                    node(prefix + name, a.get(name), b.get(name), false);
                }
            }
            for (Iterator<String> names = b.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!a.has(name) && !(path.isEmpty() && OWN_FIELDS.contains(name))) {
                    out.add(translationName + ": " + prefix + name + " is not a field of " + sourceName
                            + "; a translation has its source's fields");
                }
            }
        }

        void text(String what, String a, String b) {
            List<String> left = new ArrayList<>(numbers(a));
            List<String> right = new ArrayList<>(numbers(b));
            left.sort(null);
            right.sort(null);
            if (!left.equals(right)) {
                out.add(translationName + ": " + what + " has the numbers " + numbers(b) + ", but " + sourceName
                        + " has " + numbers(a));
            }
        }

        private static String join(JsonNode list) {
            List<String> texts = new ArrayList<>();
            list.forEach(n -> texts.add(n.asText()));
            return String.join(" ", texts);
        }

        private static String items(int n) {
            return n == 1 ? "1 item" : n + " items";
        }
    }

    /** An editor's note is not text of the page: its numbers are not compared with the other language's. */
    @Test
    void theNumbersInAnEditorsNoteAreNotCompared() {
        assertThat(TranslationNumbers.numbers("Hold for 5 seconds. <!-- was 10 in 2019 -->\n<!-- check\n3 -->"))
                .containsExactly(new BigDecimal("5"));
    }
}
