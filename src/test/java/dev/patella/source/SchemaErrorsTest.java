package dev.patella.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patella.TestSites;
import dev.patella.diag.Diagnostics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every field of every content file, given each kind of wrong value alone in an otherwise valid
 * site, gives exit code 1, exactly one error, on that field's line, no stack trace, and leaves the
 * published site as it was.
 *
 * <p>The cases are not listed by hand: the readers themselves say which fields they read, with
 * what kind of value and whether it is required ({@link FieldLog}), while reading the
 * {@code complete} fixture, which sets every field. A field added to a reader is tested as soon
 * as the fixture has it, and {@link #theCompleteFixtureSetsEveryFieldTheReadersKnow} fails until it does.
 */
class SchemaErrorsTest {

    /** The content files of the fixture, each with the reader that reads it. */
    private static final List<String> FILES = List.of("content/site.yaml", "content/people.yaml",
            "content/sources.yaml", "content/glossary.yaml", "content/conditions/sore-knee.md", "content/exercises/leg-lift.md",
            "content/pages/about.md");

    @TempDir
    static Path tmp;

    /**
     * One wrong value for one field: the file's new text, the line the one error must be on, and
     * words its message must contain ("" for any).
     */
    record Case(String name, String file, String text, int line, String says) {

        Case(String name, String file, String text, int line) {
            this(name, file, text, line, "");
        }
    }

    @Test
    void theCompleteFixtureSetsEveryFieldTheReadersKnow() throws IOException {
        Path project = TestSites.project(tmp.resolve("fixture-check"), "complete");
        var diagnostics = new Diagnostics();
        for (String file : FILES) {
            // a field of list items is set when one item sets it
            Map<String, Boolean> set = new java.util.TreeMap<>();
            for (FieldLog.Field field : schema(project, file, diagnostics)) {
                set.merge(field.name().replaceAll("\\.\\d+\\.", ".*."), field.keyAt().isPresent(), Boolean::logicalOr);
            }
            set.forEach((name, present) -> assertThat(present).as("%s: add \"%s\" to "
                    + "src/test/resources/sites/complete/%s so that it is tested", file, name, file).isTrue());
        }
        assertThat(diagnostics.sorted()).as("the complete fixture must be valid").isEmpty();
        assertThat(TestSites.run("build", "--project", project.toString()).exitCode()).isZero();
    }

    @Test
    void readersNeverUnwrapAValueThatMightBeMissing() throws IOException {
        try (Stream<Path> files = Files.list(TestSites.PROJECT.resolve("src/main/java/dev/patella/source"))) {
            for (Path file : files.toList()) {
                assertThat(Files.readString(file)).as(file.toString()).doesNotContain(".orElseThrow(");
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> eachWrongValueAloneGivesOneErrorAtItsLine() throws IOException {
        Path project = TestSites.project(tmp.resolve("p"), "complete");
        List<Case> cases = new ArrayList<>();
        for (String file : FILES) {
            String text = Files.readString(project.resolve(file));
            List<FieldLog.Field> fields = schema(project, file, new Diagnostics());
            for (FieldLog.Field field : fields) {
                field.keyAt().ifPresent(at -> cases.addAll(cases(file, text, field, fields)));
            }
        }
        assertThat(cases).hasSizeGreaterThan(250);
        Path site = project.resolve("site");
        publish(site);
        Map<String, byte[]> before = TestSites.snapshot(site);
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            Path file = project.resolve(c.file());
            String original = Files.readString(file);
            Files.writeString(file, c.text());
            try {
                var run = TestSites.run("build", "--project", project.toString());
                String detail = c.name() + "\n" + run.err();
                assertThat(run.exitCode()).as(detail).isEqualTo(1);
                assertThat(run.errors()).as(detail).hasSize(1);
                assertThat(run.errors().get(0)).as(detail)
                        .matches("error [a-z.-]+ " + Pattern.quote(c.file() + ":" + c.line()) + ":\\d+");
                assertThat(run.err()).as(detail).contains(c.says());
                assertThat(run.err()).as(detail).doesNotContain("Exception").doesNotContain("\tat ");
                assertThat(TestSites.snapshot(site)).as(detail).containsExactlyInAnyOrderEntriesOf(before);
            } finally {
                Files.writeString(file, original);
                publish(site); // a case that wrongly built must not fail all the cases after it
            }
        }));
    }

    /** Puts a "previously published" site in place, the same every time. */
    private static void publish(Path site) throws IOException {
        if (Files.exists(site)) {
            try (Stream<Path> walk = Files.walk(site)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        TestSites.write(site.resolve("index.html"), "<!DOCTYPE html><title>previous</title>");
        TestSites.write(site.resolve("exercises/old/index.html"), "previous page");
        // the lock file every build leaves beside its folder: a build takes this site for one it wrote
        TestSites.write(site.resolveSibling(".site.lock"), "");
    }

    /** The fields the reader of {@code file} asks for while reading it. */
    private static List<FieldLog.Field> schema(Path project, String file, Diagnostics diagnostics) {
        var log = FieldLog.recording();
        byte[] bytes = read(project.resolve(file));
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        if (file.endsWith(".yaml")) {
            BiFunction<YNode, Diagnostics, ?> reader = switch (file) {
                case "content/site.yaml" -> (root, d) -> SiteConfigReader.read(root, d, log);
                case "content/people.yaml" -> (root, d) -> PeopleReader.read(root, d, log);
                case "content/glossary.yaml" -> (root, d) -> GlossaryReader.read(root, d, log);
                default -> (root, d) -> ReferencesReader.read(root, "en", d, log);
            };
            new YamlReader().read(text, file, 1, diagnostics).ifPresent(root -> reader.apply(root, diagnostics));
        } else {
            String stem = Path.of(file).getFileName().toString().replace(".md", "");
            new ContentLoader().document(bytes, file, stem, diagnostics).ifPresent(doc -> {
                if (file.contains("/conditions/")) {
                    new ConditionReader(24).read(doc, diagnostics, log);
                } else if (file.contains("/exercises/")) {
                    new ExerciseReader(24).read(doc, diagnostics, log);
                } else {
                    PageReader.read(doc, diagnostics, log);
                }
            });
        }
        return log.fields();
    }

    /** Each wrong value that fits the field's kind; when it is required, also missing, empty and misspelt. */
    private static List<Case> cases(String file, String text, FieldLog.Field field, List<FieldLog.Field> fields) {
        List<String> values = new ArrayList<>();
        switch (field.kind()) {
            case TEXT -> values.add("[a list, of two]");
            case NUMBER -> values.addAll(List.of("three", "2.5", Integer.toString(field.min() - 1),
                    Integer.toString(field.max() + 1), "[1]"));
            case RANGE -> values.addAll(List.of("ten", "15-10", "0", "1-" + (field.max() + 1), "{a: 1}"));
            case TRUTH -> values.addAll(List.of("maybe", "3", "[true]", "\"true\""));
            case DATE -> values.addAll(List.of("1 January 2026", "2026-02-30", "[2026-01-01]"));
            case CHOICE -> values.addAll(List.of("sideways", "[early]", "{a: b}"));
            case LIST -> values.addAll(List.of("{a: mapping}", "[[a list in a list]]", "[an item, \"\"]", "7", "no"));
            case ADDRESSES -> values.addAll(List.of("{a: mapping}", "[[a list in a list]]", "[/old-page/, \"\"]",
                    "[../old-page/]", "[https://other.test/old-page/]", "[/old-page/?a=1]", "[Old Page]"));
            case MAPPING -> values.addAll(List.of("some text", "[a, list]"));
            case MAPPINGS -> values.addAll(List.of("some text", "{a: mapping}", "[not a mapping]"));
            case OTHER -> values.add("{a: mapping}");
        }
        if (field.required()) {
            values.add("");
            if (field.kind() == FieldLog.Kind.TEXT) {
                values.add("\"  \"");
            }
        }
        if (field.nonEmpty()) {
            values.add("[]");
        }
        Edit edit = new Edit(text, field);
        List<Case> out = new ArrayList<>();
        String name = file + " " + field.name();
        String key = field.path().get(field.path().size() - 1);
        for (String value : values) {
            // a list given no value is told how to write its items, or "key: []" when it may be empty, not
            // that an item is empty
            String says = value.startsWith("\"") && field.kind() == FieldLog.Kind.TRUTH
                    ? "remove the quotes: " + key + ": true" // a truth value in quotes is a text
                    : !value.isEmpty() || field.kind() != FieldLog.Kind.LIST ? ""
                    : field.nonEmpty() ? "each starting with \"- \"" : "write \"" + key + ": []\"";
            out.add(new Case(name + ": " + (value.isEmpty() ? "(empty)" : value), file, edit.value(value), edit.line(),
                    says));
        }
        if (field.required()) {
            // a misspelt required key is one error, not also a missing key
            // "language" with an s is the "languages" setting: misspell such a key by its last letter instead
            String misspelt = text.contains("\n" + key + "s:") ? key.substring(0, key.length() - 1) : key + "s";
            out.add(new Case(name + ": misspelt key", file, edit.key(misspelt), edit.line()));
            out.add(new Case(name + ": missing", file, edit.remove(), edit.missingLine(field.mappingAt().line())));
        }
        return out;
    }

    /**
     * Changes one field in a file's text, line by line: its value is the key's line and every
     * following line indented deeper than the key.
     */
    private static final class Edit {
        private final List<String> lines;
        private final int first;
        private final int end;
        private final String prefix;
        private final String key;

        Edit(String text, FieldLog.Field field) {
            this.lines = text.lines().toList();
            var at = field.keyAt().orElseThrow();
            this.first = at.line() - 1;
            this.prefix = lines.get(first).substring(0, at.column() - 1);
            this.key = field.path().get(field.path().size() - 1);
            assertThat(lines.get(first).substring(at.column() - 1)).startsWith(key + ":");
            int e = first + 1;
            while (e < lines.size() && (lines.get(e).isBlank() || indent(lines.get(e)) > at.column() - 1)) {
                e++;
            }
            this.end = e;
        }

        int line() {
            return first + 1;
        }

        /** Where a missing key is reported: the mapping's line, or the next line for a list item's first key. */
        int missingLine(int mappingLine) {
            return isListItemStart() ? first + 2 : mappingLine;
        }

        String value(String value) {
            return splice(List.of(prefix + key + ":" + (value.isEmpty() ? "" : " " + value)));
        }

        String key(String misspelt) {
            List<String> block = new ArrayList<>(lines.subList(first, end));
            block.set(0, prefix + misspelt + lines.get(first).substring(prefix.length() + key.length()));
            return splice(block);
        }

        String remove() {
            return splice(isListItemStart() ? List.of(prefix.stripTrailing()) : List.of());
        }

        private boolean isListItemStart() {
            return prefix.stripTrailing().endsWith("-");
        }

        private String splice(List<String> replacement) {
            List<String> out = new ArrayList<>(lines.subList(0, first));
            out.addAll(replacement);
            out.addAll(lines.subList(end, lines.size()));
            return String.join("\n", out) + "\n";
        }

        private static int indent(String line) {
            int i = 0;
            while (i < line.length() && line.charAt(i) == ' ') {
                i++;
            }
            return i;
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
