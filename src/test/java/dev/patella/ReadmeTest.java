package dev.patella;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The README's table of diagnostic codes lists every code Patella can report, with an example. */
class ReadmeTest {

    /** The first word of every code: the kinds of problem. */
    private static final List<String> KINDS = List.of("file", "frontmatter", "yaml", "schema", "slug", "ref", "cite",
            "link", "markdown", "path", "content", "template", "html", "image", "exercise");
    private static final Pattern CODE = Pattern.compile("\"((?:" + String.join("|", KINDS) + ")\\.[a-z0-9-]+)\"");
    private static final Pattern ROW = Pattern.compile("(?m)^\\| `([a-z0-9.-]+)`[^|]*\\| ([^|]+) \\| ([^|]+) \\|$");

    @Test
    void everyDiagnosticCodeHasARowWithAnExample() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> walk = Files.walk(TestSites.PROJECT.resolve("src/main/java"))) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = CODE.matcher(Files.readString(file));
                while (m.find()) {
                    if (!m.group(1).matches(".*\\.(ftlh|md|yaml|css|html)")) { // file names, not codes
                        used.add(m.group(1));
                    }
                }
            }
        }
        Set<String> documented = new TreeSet<>();
        Matcher row = ROW.matcher(Files.readString(TestSites.PROJECT.resolve("README.md")));
        while (row.find()) {
            if (!row.group(2).isBlank() && !row.group(3).isBlank()) {
                documented.add(row.group(1));
            }
        }

        assertThat(used).hasSizeGreaterThan(30);
        assertThat(documented).containsAll(used);
    }
}
