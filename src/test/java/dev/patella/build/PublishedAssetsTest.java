package dev.patella.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patella.TestSites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build of the shipped site publishes our own stylesheet and scripts without their comments,
 * under names that carry the hash of the bytes published, and the vendored library as it is.
 */
class PublishedAssetsTest {

    /** Strings and comments of CSS, for a check independent of the build's own reader (no url(…) tricks here). */
    private static final Pattern CSS_STRING_OR_COMMENT =
            Pattern.compile("\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\\\n])*'|/\\*.*?\\*/", Pattern.DOTALL);

    /** A rule with comment marks in its strings, added to the shipped stylesheet. */
    private static final String CSS_CASE = """
            /* a comment that goes */
            .check::before { content: "/* kept */"; }
            .check::after { content: '// and */ kept'; } /* a comment after a rule */
            """;

    /** A script of our own with comment marks in its strings, template literal and regular expression. */
    private static final String SCRIPT = """
            /* Patella: a check. */
            (function () {
              // a note for the people who keep it
              var a = "http://example.org/*not a comment*/";
              var b = 'it\\'s // text';
              var c = `two /* lines
              of */ text // and ${a /* gone */}`;
              var d = /\\/\\*|\\/\\//.test(a) ? 4 / 2 : 0; // a regular expression, then division
              return [a, b, c, d];
            })();
            """;

    @TempDir
    Path tmp;

    @Test
    void ourStylesheetAndScriptsArePublishedWithoutCommentsUnderTheHashOfWhatIsPublished() throws Exception {
        Path project = TestSites.shipped(tmp.resolve("p"));
        Path assets = project.resolve("templates/assets");
        Files.writeString(assets.resolve("style.css"), CSS_CASE, StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        Files.writeString(assets.resolve("check.js"), SCRIPT);

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        Path site = project.resolve("site");
        String source = Files.readString(assets.resolve("style.css"));
        Path stylesheet = onlyOne(site.resolve("assets"), "style\\.[0-9a-f]{10}\\.css");
        String published = Files.readString(stylesheet);

        assertThat(withoutStrings(published)).as("no comment is left").doesNotContain("/*").doesNotContain("*/");
        assertThat(published).as("no blank line is left").doesNotContainPattern("\n[ \t]*\n");
        assertThat(normalised(published)).as("every rule, as the source has it without its comments")
                .isEqualTo(normalised(withoutComments(source)));
        assertThat(published.chars().filter(c -> c == '{').count()).as("rules").isGreaterThan(100)
                .isEqualTo(withoutComments(source).chars().filter(c -> c == '{').count());
        assertThat(published).contains(".check::before { content: \"/* kept */\"; }\n"
                + ".check::after { content: '// and */ kept'; }\n");
        assertThat(published.length()).as("a quarter of the stylesheet is comments").isLessThan(source.length() * 9 / 10);

        String script = Files.readString(onlyOne(site.resolve("assets"), "check\\.[0-9a-f]{10}\\.js"));
        assertThat(script).isEqualTo("""
                (function () {
                  var a = "http://example.org/*not a comment*/";
                  var b = 'it\\'s // text';
                  var c = `two /* lines
                  of */ text // and ${a }`;
                  var d = /\\/\\*|\\/\\//.test(a) ? 4 / 2 : 0;
                  return [a, b, c, d];
                })();
                """);
        for (String name : List.of("search", "filter", "program", "handout")) {
            String own = Files.readString(onlyOne(site.resolve("assets"), name + "\\.[0-9a-f]{10}\\.js"));
            assertThat(own).as(name + ".js").doesNotContain("Patella:").doesNotContainPattern("(?m)^\\s*//");
        }

        Path library = onlyOne(site.resolve("assets"), "uqr\\.[0-9a-f]{10}\\.js");
        assertThat(Files.readAllBytes(library)).as("the vendored library, as shipped")
                .isEqualTo(Files.readAllBytes(assets.resolve("uqr.js")));
        assertThat(site.resolve("assets/uqr-LICENSE.txt")).hasSameBinaryContentAs(assets.resolve("uqr-LICENSE.txt"));

        String headers = Files.readString(site.resolve("_headers"));
        try (Stream<Path> files = Files.list(site.resolve("assets"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".css") || f.toString().endsWith(".js")).toList()) {
                String name = file.getFileName().toString();
                assertThat(name).as("the name carries the hash of the bytes published")
                        .contains("." + hash(Files.readAllBytes(file)) + ".");
                assertThat(headers).as("the hosting files cache it for ever").contains("/assets/" + name);
            }
        }
        assertThat(Files.readString(site.resolve("index.html")))
                .contains("href=\"./assets/" + stylesheet.getFileName() + "\"");
    }

    private static Path onlyOne(Path folder, String regex) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> found = files.filter(f -> f.getFileName().toString().matches(regex)).toList();
            assertThat(found).as(regex).hasSize(1);
            return found.get(0);
        }
    }

    private static String withoutStrings(String css) {
        return CSS_STRING_OR_COMMENT.matcher(css).replaceAll(m -> m.group().startsWith("/*") ? "/*" : "\"\"");
    }

    private static String withoutComments(String css) {
        return CSS_STRING_OR_COMMENT.matcher(css)
                .replaceAll(m -> Matcher.quoteReplacement(m.group().startsWith("/*") ? "" : m.group()));
    }

    /** Runs of spaces and line breaks as one space: the comments' lines and spaces are not rules. */
    private static String normalised(String css) {
        return css.replaceAll("\\s+", " ").strip();
    }

    private static String hash(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 5);
    }
}
