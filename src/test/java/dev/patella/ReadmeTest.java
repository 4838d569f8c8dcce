package dev.patella;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's table of diagnostic codes lists every code Patella can report, with an example
 * and the error fixture that shows it.
 */
class ReadmeTest {

    private static final Pattern ROW =
            Pattern.compile("(?m)^\\| `([a-z0-9.-]+)`[^|]*\\| ([^|]+) \\| ([^|]+) \\| ([^|]+) \\|$");
    private static final Pattern FIXTURE = Pattern.compile("`([a-z0-9-]+)`");
    private static final Pattern TEST = Pattern.compile("\\(([A-Z][A-Za-z]+Test)\\)");

    @Test
    void everyDiagnosticCodeHasARowWithAnExampleAndItsFixture() throws IOException {
        Map<String, String> fixtureOf = new TreeMap<>();
        Matcher row = ROW.matcher(Files.readString(TestSites.PROJECT.resolve("README.md")));
        while (row.find()) {
            if (!row.group(2).isBlank() && !row.group(3).isBlank()) {
                fixtureOf.put(row.group(1), row.group(4).trim());
            }
        }
        Set<String> used = DiagnosticCodes.inSource();

        assertThat(used).hasSizeGreaterThan(30);
        assertThat(fixtureOf.keySet()).as("codes without a README row (code | meaning | example | fixture)")
                .containsAll(used);
        fixtureOf.forEach((code, cell) -> {
            Matcher fixture = FIXTURE.matcher(cell);
            Matcher test = TEST.matcher(cell);
            if (fixture.matches()) {
                Path expected = TestSites.FIXTURES.resolve("errors").resolve(fixture.group(1)).resolve("expected.txt");
                assertThat(expected).as("the fixture of %s", code).exists();
                assertThat(readString(expected)).as("errors/%s/expected.txt shows %s", fixture.group(1), code)
                        .containsPattern("(?m)^(error|warning) " + Pattern.quote(code) + " ");
            } else {
                assertThat(test.matches()).as("the fixture cell of %s: `fixture-name` or (SomeTest)", code).isTrue();
                assertThat(TestSites.PROJECT.resolve("src/test/java")).as("the test named for %s", code)
                        .isDirectoryRecursivelyContaining("glob:**/" + test.group(1) + ".java");
            }
        });
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
