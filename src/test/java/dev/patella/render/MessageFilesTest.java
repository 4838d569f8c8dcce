package dev.patella.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.MessagePattern;
import com.ibm.icu.text.PluralRules;
import com.ibm.icu.util.ULocale;
import dev.patella.TestSites;
import dev.patella.diag.Diagnostic;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateHTMLOutputModel;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.SimpleHash;
import freemarker.template.SimpleScalar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The words of the site: every language's file under {@code templates/messages/} has exactly the
 * keys of {@code en.properties}, and each of its messages parses with ICU, takes the same
 * arguments as the English one, and gives every plural argument the forms its language's plural
 * rules have. The cases are generated from the files, so a new language or key is checked as
 * soon as it is written.
 */
class MessageFilesTest {

    private static final Path DIR = TestSites.PROJECT.resolve("templates/messages");

    @TestFactory
    Stream<DynamicTest> everyLanguageHasExactlyTheKeysOfEnglish() {
        Map<String, String> english = read("en");
        return languages().stream().map(language -> DynamicTest.dynamicTest(language + ".properties", () ->
                assertThat(new TreeSet<>(read(language).keySet())).as("the keys of %s.properties", language)
                        .isEqualTo(new TreeSet<>(english.keySet()))));
    }

    @TestFactory
    Stream<DynamicTest> everyMessageParsesWithEnglishArgumentsAndItsLanguagesPluralForms() {
        Map<String, String> english = read("en");
        List<DynamicTest> tests = new ArrayList<>();
        for (String language : languages()) {
            var needed = PluralRules.forLocale(ULocale.forLanguageTag(language)).getKeywords();
            read(language).forEach((key, pattern) -> tests.add(DynamicTest.dynamicTest(language + ": " + key, () -> {
                Messages.compile(pattern, ULocale.forLanguageTag(language)); // throws when ICU cannot read it
                Shape shape = Shape.of(pattern);
                if (english.containsKey(key)) {
                    assertThat(shape.arguments()).as("the arguments of %s in %s", key, language)
                            .isEqualTo(Shape.of(english.get(key)).arguments());
                }
                shape.pluralForms().forEach(forms -> assertThat(forms)
                        .as("the plural forms of %s in %s (ICU's rules for %s have %s)", key, language, language,
                                needed).containsAll(needed));
            })));
        }
        return tests.stream();
    }

    @Test
    void theShippedTemplatesAndMessagesHaveNoProblemAndEveryKeyJavaReads() throws IOException {
        MessageFiles files = MessageFiles.load(TestSites.PROJECT.resolve("templates"), templates());
        assertThat(files.problems()).isEmpty();
        for (Messages words : files.byLanguage().values()) {
            assertThat(words.keys()).as(words.language()).containsAll(MessageFiles.USED_BY_JAVA);
        }
    }

    @Test
    void aKeyATemplateUsesThatAFileLacksIsAnErrorAtTheTemplateWithTheNearestKey() {
        MessageFiles files = MessageFiles.load(TestSites.PROJECT.resolve("templates"),
                Map.of("x.ftlh", "<ul>\n  <li>${msg(\"nav.hoem\")}</li>\n</ul>\n"));
        assertThat(files.problems()).hasSize(1);
        Diagnostic d = files.problems().get(0);
        assertThat(d.code()).isEqualTo("template.message");
        assertThat(d.at().file() + ":" + d.at().line() + ":" + d.at().column()).isEqualTo("templates/x.ftlh:2:14");
        assertThat(d.message()).contains("\"nav.hoem\"", "en.properties", "did you mean \"nav.home\"");
    }

    @Test
    void aMessageICUCannotReadAKeyGivenTwiceAndAMissingKeyJavaNeedsArePlaced(@TempDir Path tmp) throws IOException {
        Path messages = Files.createDirectories(tmp.resolve("messages"));
        Files.writeString(messages.resolve("en.properties"), "# a comment\nnav.home = Home\n"
                + "dose.hold = {seconds, plural, one {# second}}\nnav.home = Start\n", StandardCharsets.UTF_8);
        List<String> found = MessageFiles.load(tmp, Map.of()).problems().stream()
                .map(d -> d.at().line() + ":" + d.at().column() + " " + d.code()).toList();
        // the keys Java needs are lacking: one error at the file's last line, where it may have been cut short
        assertThat(found).containsExactlyInAnyOrder("4:1 template.message", "3:13 template.message",
                "4:1 template.message");
    }

    @Test
    void aSpanishFileCutShortIsOneErrorAtItsLastLineNamingTheFirstKeyItLost(@TempDir Path tmp) {
        Path project = TestSites.shipped(tmp.resolve("p"));
        assertThat(TestSites.run("build", "--project", project.toString()).exitCode()).isZero();
        Path spanish = project.resolve("templates/messages/es.properties");
        List<String> lines = TestSites.read(spanish).lines().toList();
        int kept = lines.size() * 2 / 3;
        while (!isMessage(lines.get(kept - 1))) {
            kept--;
        }
        TestSites.write(spanish, String.join("\n", lines.subList(0, kept)) + "\n");
        String firstLost = TestSites.read(project.resolve("templates/messages/en.properties")).lines()
                .filter(MessageFilesTest::isMessage).map(l -> l.split(" = ")[0])
                .filter(k -> !("\n" + TestSites.read(spanish)).contains("\n" + k + " = ")).findFirst().orElseThrow();
        Map<String, byte[]> before = TestSites.snapshot(project.resolve("site"));

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.errors()).containsExactly("error template.message templates/messages/es.properties:" + kept + ":1");
        assertThat(run.err()).doesNotContain("internal error", "Exception")
                .contains("lacks ", ": " + firstLost + ", ", "copy them from en.properties");
        assertThat(TestSites.snapshot(project.resolve("site"))).as("site/ untouched").containsExactlyInAnyOrderEntriesOf(before);
    }

    /**
     * In a site of one language, a file cut short lacks keys no other file has: more than a few of them are
     * one error at the file, not a "did you mean" at each template that uses one.
     */
    @Test
    void manyKeysNoFileHasAreOneErrorAtTheFileNotOneAtEachUse(@TempDir Path tmp) throws IOException {
        Path messages = Files.createDirectories(tmp.resolve("messages"));
        var english = new StringBuilder();
        MessageFiles.USED_BY_JAVA.forEach(key -> english.append(key).append(" = x\n"));
        Files.writeString(messages.resolve("en.properties"), english + "sheet.week = Week\n", StandardCharsets.UTF_8);
        String template = "${msg(\"sheet.week\")} ${msg(\"sheet.start\")} ${msg(\"sheet.feel\")} "
                + "${msg(\"sheet.stop\")} ${msg(\"sheet.ticks\")}\n";

        List<Diagnostic> problems = MessageFiles.load(tmp, Map.of("x.ftlh", template)).problems();

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).at().file()).isEqualTo("templates/messages/en.properties");
        assertThat(problems.get(0).message()).contains("lacks 4 messages the pages need: sheet.feel, sheet.start, "
                + "sheet.stop, sheet.ticks").doesNotContain("did you mean");
    }

    /** With two files, a key neither has is the template's (misspelt, or new): told at each use, not at the files. */
    @Test
    void keysNoneOfSeveralFilesHasAreToldAtTheTemplates(@TempDir Path tmp) throws IOException {
        Path messages = Files.createDirectories(tmp.resolve("messages"));
        var words = new StringBuilder();
        MessageFiles.USED_BY_JAVA.forEach(key -> words.append(key).append(" = x\n"));
        Files.writeString(messages.resolve("en.properties"), words, StandardCharsets.UTF_8);
        Files.writeString(messages.resolve("es.properties"), words, StandardCharsets.UTF_8);
        String template = "${msg(\"a.one\")} ${msg(\"a.two\")} ${msg(\"a.three\")} ${msg(\"a.four\")}\n";

        List<Diagnostic> problems = MessageFiles.load(tmp, Map.of("x.ftlh", template)).problems();

        assertThat(problems).hasSize(4).allMatch(d -> d.at().file().equals("templates/x.ftlh"));
    }

    private static boolean isMessage(String line) {
        return !line.startsWith("#") && line.contains(" = ");
    }

    @Test
    void englishWordsFollowEnglishRulesAndSpanishWordsSpanishOnes() throws IOException {
        MessageFiles files = MessageFiles.load(TestSites.PROJECT.resolve("templates"), Map.of());
        Messages en = files.find("en-GB").orElseThrow();
        assertThat(en.format("dose.short", Map.of("sets", 1, "reps", "10", "hold", 0, "side", "false")))
                .isEqualTo("1 set of 10");
        assertThat(en.format("dose.short", Map.of("sets", 3, "reps", "10–15", "hold", 1, "side", "true")))
                .isEqualTo("3 sets of 10–15, hold 1 second, each side");
        assertThat(en.date(LocalDate.of(2026, 12, 2))).as("British English").isEqualTo("2 December 2026");
        assertThat(files.find("en").orElseThrow().date(LocalDate.of(2026, 12, 2))).as("English, as the AMA style's "
                + "reference lists write it").isEqualTo("December 2, 2026");
        files.find("es").ifPresent(es -> {
            assertThat(es.date(LocalDate.of(2026, 12, 2))).isEqualTo("2 de diciembre de 2026");
            assertThat(es.format("dose.hold", Map.of("seconds", 1))).contains("1 segundo").doesNotContain("segundos");
            assertThat(es.format("dose.hold", Map.of("seconds", 5))).contains("5 segundos");
        });
    }

    @Test
    void pagesInALanguageWithoutAFileShowTheEnglishWordsWithAWarning(@TempDir Path tmp) throws IOException {
        Path project = TestSites.project(tmp.resolve("p"));
        Path settings = project.resolve("content/site.yaml");
        Files.writeString(settings, Files.readString(settings).replace("language: en", "language: fr"));
        var run = TestSites.run("build", "--project", project.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("templates/messages/fr.properties:1:1: warning: there is no "
                + "templates/messages/fr.properties, so the pages in fr show the English words");
        assertThat(TestSites.read(project.resolve("site/exercises/index.html"))).containsPattern("<html lang=\"fr\"[ >]")
                .contains("Show only exercises that match");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aScriptGetsACountedMessageOncePerPluralFormItsLanguageCountsWith() throws Exception {
        var polish = new Messages("pl", Map.of("files", "{n, plural, one {# plik} few {# pliki} many {# plików} "
                + "other {# pliku}} w {where}"));
        var forms = (List<Map<String, Object>>) polish.forms().exec(List.of(new SimpleScalar("files"),
                new SimpleScalar("n"), new SimpleHash(Map.of("where", "{w}"), new DefaultObjectWrapperBuilder(
                        Configuration.VERSION_2_3_34).build())));
        Map<String, String> byCategory = new LinkedHashMap<>();
        for (Map<String, Object> f : forms) {
            byCategory.put((String) f.get("category"),
                    HTMLOutputFormat.INSTANCE.getMarkupString((TemplateHTMLOutputModel) f.get("text")));
        }
        // whole numbers are never "other" in Polish, so a script counting things never needs that form
        assertThat(byCategory).containsExactly(Map.entry("one", "{n} plik w {w}"), Map.entry("few", "{n} pliki w {w}"),
                Map.entry("many", "{n} plików w {w}"));
    }

    /** A message's argument names, and the forms of each of its plural arguments. */
    private record Shape(TreeSet<String> arguments, List<TreeSet<String>> pluralForms) {

        static Shape of(String pattern) {
            MessagePattern p = new MessagePattern(pattern);
            TreeSet<String> names = new TreeSet<>();
            List<TreeSet<String>> plurals = new ArrayList<>();
            for (int i = 0; i < p.countParts(); i++) {
                MessagePattern.Part part = p.getPart(i);
                if (part.getType() == MessagePattern.Part.Type.ARG_NAME) {
                    names.add(p.getSubstring(part));
                }
                if (part.getType() == MessagePattern.Part.Type.ARG_START
                        && part.getArgType() == MessagePattern.ArgType.PLURAL) {
                    TreeSet<String> forms = new TreeSet<>();
                    int limit = p.getLimitPartIndex(i);
                    for (int j = i + 1; j < limit; j++) {
                        MessagePattern.Part q = p.getPart(j);
                        if (q.getType() == MessagePattern.Part.Type.ARG_SELECTOR
                                && !p.getSubstring(q).startsWith("=")) {
                            forms.add(p.getSubstring(q));
                        } else if (q.getType() == MessagePattern.Part.Type.MSG_START) {
                            j = p.getLimitPartIndex(j); // an inner plural has its own forms, checked on its own
                        }
                    }
                    plurals.add(forms);
                }
            }
            return new Shape(names, plurals);
        }
    }

    private static List<String> languages() {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".properties"))
                    .map(n -> n.substring(0, n.length() - ".properties".length())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file's keys and patterns, in file order (comments and blank lines left out). */
    private static Map<String, String> read(String language) {
        Map<String, String> out = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(DIR.resolve(language + ".properties"), StandardCharsets.UTF_8)) {
                if (!line.isBlank() && !line.strip().startsWith("#")) {
                    int equals = line.indexOf('=');
                    out.put(line.substring(0, equals).strip(), line.substring(equals + 1).strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static Map<String, String> templates() throws IOException {
        Map<String, String> out = new TreeMap<>();
        Path dir = TestSites.PROJECT.resolve("templates");
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".ftlh")).toList()) {
                out.put(f.getFileName().toString(), Files.readString(f));
            }
        }
        return out;
    }
}
