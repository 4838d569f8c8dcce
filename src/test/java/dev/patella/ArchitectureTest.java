package dev.patella;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    private static List<Path> sources() throws IOException {
        try (Stream<Path> walk = Files.walk(MAIN)) {
            return walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    @Test
    void noWildcardImports() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : sources()) {
            Matcher m = Pattern.compile("^import [\\w.]+\\.\\*;", Pattern.MULTILINE).matcher(Files.readString(file));
            while (m.find()) {
                violations.add(MAIN.relativize(file) + ": " + m.group());
            }
        }
        assertThat(violations).isEmpty();
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
