package dev.patella;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages are pipeline stages with one-way imports: a stage may import only the stages
 * listed before it. Checked on the source, so a wrong import fails the build.
 */
class ArchitectureTest {

    /** The stages in pipeline order (see ARCHITECTURE.md). */
    static final List<String> STAGES = List.of("diag", "config", "model", "source", "index", "markdown", "cite",
            "render", "validate", "output", "build", "publish", "serve", "cli");

    private static final Path MAIN = TestSites.PROJECT.resolve("src/main/java/dev/patella");
    /** An import, a wildcard one too ({@code import dev.patella.render.*;} gives {@code dev.patella.render}). */
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+?)(?:\\.\\*)?;", Pattern.MULTILINE);
    /** A fully qualified name of a Patella type written in code, which uses a stage as surely as an import. */
    private static final Pattern QUALIFIED = Pattern.compile("\\bdev\\.patella\\.[a-z]+\\.[A-Z]\\w*");
    /** A type named with its package in code: {@code java.util.List}, {@code dev.patella.diag.Diagnostic}. */
    private static final Pattern FULLY_QUALIFIED = Pattern.compile(
            "\\b(?:java|javax|jdk|com|org|dev|io|de|picocli|freemarker)(?:\\.[a-z]\\w*)+\\.[A-Z]\\w*");
    private static final Pattern WILDCARD = Pattern.compile("^import (?:static )?[\\w.]+\\.\\*;", Pattern.MULTILINE);
    private static final Pattern CLOCK = Pattern.compile(
            "System\\.nanoTime|System\\.currentTimeMillis|\\.now\\(|Clock\\.system\\w*\\(|new Date\\(\\)");
    private static final Pattern DECLARATION = Pattern.compile("(?m)^[ \\t]*(?:import|package)\\s[^\\n]*");

    @Test
    void everyPackageIsAKnownStage() throws IOException {
        try (Stream<Path> dirs = Files.list(MAIN)) {
            assertThat(dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()))
                    .allMatch(STAGES::contains);
        }
    }

    @Test
    void stagesImportOnlyEarlierStages() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : sources()) {
            String stage = MAIN.relativize(file).getName(0).toString();
            for (String imported : imports(file)) {
                if (imported.startsWith("dev.patella.")) {
                    String target = imported.split("\\.")[2];
                    if (STAGES.indexOf(target) > STAGES.indexOf(stage)) {
                        violations.add(MAIN.relativize(file) + " imports " + imported);
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void modelAndConfigUseNoThirdPartyLibrary() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : sources()) {
            String stage = MAIN.relativize(file).getName(0).toString();
            if (List.of("diag", "config", "model").contains(stage)) {
                imports(file).stream().filter(i -> !i.startsWith("java.") && !i.startsWith("dev.patella."))
                        .forEach(i -> violations.add(MAIN.relativize(file) + " imports " + i));
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void engineLibrariesStayInTheirStage() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : sources()) {
            String stage = MAIN.relativize(file).getName(0).toString();
            for (String i : imports(file)) {
                if (i.startsWith("com.vladsch.flexmark") && !stage.equals("markdown")
                        || i.startsWith("freemarker") && !stage.equals("render")
                        || i.startsWith("com.fasterxml.jackson") && !List.of("source", "render", "publish").contains(stage)
                        || i.startsWith("org.apache.sshd") && !stage.equals("publish")
                        || i.startsWith("de.undercouch") && !stage.equals("cite")
                        || i.startsWith("picocli") && !stage.equals("cli")
                        || i.startsWith("io.methvin") && !stage.equals("serve")
                        || i.startsWith("com.sun.net.httpserver") && !stage.equals("serve")) {
                    violations.add(MAIN.relativize(file) + " imports " + i);
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void onlyTheCommandLineEndsTheProcess() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : sources()) {
            if (!MAIN.relativize(file).startsWith("cli") && Files.readString(file).contains("System.exit")) {
                violations.add(MAIN.relativize(file).toString());
            }
        }
        assertThat(violations).isEmpty();
    }

    /** Clocks are passed in from the command line, so that tests can fix them. */
    @Test
    void onlyTheCommandLineReadsAClock() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : sources()) {
            Matcher m = CLOCK.matcher(codeOnly(Files.readString(file)));
            if (!MAIN.relativize(file).startsWith("cli") && m.find()) {
                violations.add(MAIN.relativize(file) + ": " + m.group());
            }
        }
        assertThat(violations).isEmpty();
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> walk = Files.walk(MAIN)) {
            return walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    /** Every Java file, main and test. */
    private static List<Path> allSources() throws IOException {
        List<Path> out = new ArrayList<>();
        for (String root : List.of("src/main/java", "src/test/java")) {
            try (Stream<Path> walk = Files.walk(TestSites.PROJECT.resolve(root))) {
                walk.filter(p -> p.toString().endsWith(".java")).sorted().forEach(out::add);
            }
        }
        return out;
    }

    /** The site forbids {@code eval}; Playwright's {@code waitForFunction} polls with it (see {@code Chromium}). */
    @Test
    void browserTestsWaitFromJavaNotWithEval() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : allSources()) {
            if (codeOnly(Files.readString(file)).contains(".waitForFunction(")) {
                violations.add(TestSites.PROJECT.relativize(file).toString());
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void noWildcardImports() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : allSources()) {
            Matcher m = WILDCARD.matcher(Files.readString(file));
            while (m.find()) {
                violations.add(TestSites.PROJECT.relativize(file) + ": " + m.group());
            }
        }
        assertThat(violations).isEmpty();
    }

    /**
     * A type in {@code src/main} is named by its simple name and an import: {@code java.util.List<String>}
     * written in code hides what a file depends on. Comments, Javadoc and string literals may name
     * types in full.
     */
    @Test
    void noFullyQualifiedNamesInCode() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : sources()) {
            String text = Files.readString(file);
            Matcher m = FULLY_QUALIFIED.matcher(codeOnly(text));
            while (m.find()) {
                int line = (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
                violations.add(TestSites.PROJECT.relativize(file) + ":" + line + ": " + m.group()
                        + " (import it and use its simple name)");
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void theCheckForFullyQualifiedNamesSeesCodeButNotCommentsOrStrings() {
        String source = """
                package dev.patella.x;
                import java.util.List;
import java.util.Map;
import java.util.TreeMap;
                /** Returns a {@link java.util.Optional}. */
                class A {
                    // a java.util.Map would do
                    String s = "java.util.Set";
                    char c = '"';
                    java.util.Deque<String> d;
                }
                """;
        Matcher m = FULLY_QUALIFIED.matcher(codeOnly(source));
        assertThat(m.find()).isTrue();
        assertThat(m.group()).isEqualTo("java.util.Deque");
        assertThat(m.find()).isFalse();
    }

    /** Two types with one simple name are two things a reader must tell apart by their package. */
    @Test
    void noTwoTypesShareASimpleName() throws IOException {
        Map<String, List<String>> byName = new TreeMap<>();
        for (Path file : allSources()) {
            String name = file.getFileName().toString().replace(".java", "");
            byName.computeIfAbsent(name, n -> new ArrayList<>()).add(TestSites.PROJECT.relativize(file).toString());
        }
        assertThat(byName.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getValue))
                .as("types in src/main and src/test that share a simple name").isEmpty();
    }

    /**
     * The text with comments, string and character literals and the {@code import} and
     * {@code package} lines blanked out, newlines kept, so positions stay the same.
     */
    static String codeOnly(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int end = skipped(text, i);
            if (end == i) {
                out.append(text.charAt(i++));
            } else {
                text.substring(i, end).chars().forEach(c -> out.append(c == '\n' ? '\n' : ' '));
                i = end;
            }
        }
        return DECLARATION.matcher(out).replaceAll(m -> " ".repeat(m.group().length()));
    }

    /** Where a comment or literal that starts at {@code i} ends; {@code i} itself when none starts there. */
    private static int skipped(String text, int i) {
        if (text.startsWith("//", i)) {
            int end = text.indexOf('\n', i);
            return end < 0 ? text.length() : end;
        }
        if (text.startsWith("/*", i)) {
            int end = text.indexOf("*/", i + 2);
            return end < 0 ? text.length() : end + 2;
        }
        if (text.startsWith("\"\"\"", i)) {
            int end = text.indexOf("\"\"\"", i + 3);
            return end < 0 ? text.length() : end + 3;
        }
        char c = text.charAt(i);
        if (c == '"' || c == '\'') {
            int j = i + 1;
            while (j < text.length() && text.charAt(j) != c) {
                j += text.charAt(j) == '\\' ? 2 : 1;
            }
            return Math.min(j + 1, text.length());
        }
        return i;
    }

    /** What a file uses: its imports, and the Patella types it names in full in its code (not in comments). */
    private static List<String> imports(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        String text = Files.readString(file);
        Matcher m = IMPORT.matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        for (String line : text.split("\n")) {
            String code = line.strip();
            if (code.startsWith("import ") || code.startsWith("package ") || code.startsWith("*")
                    || code.startsWith("/*") || code.startsWith("//")) {
                continue;
            }
            Matcher q = QUALIFIED.matcher(code);
            while (q.find()) {
                out.add(q.group());
            }
        }
        return out;
    }
}
