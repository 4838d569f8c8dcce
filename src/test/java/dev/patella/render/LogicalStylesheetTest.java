package dev.patella.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patella.TestSites;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The shipped stylesheet says "start" and "end", not "left" and "right", so that a page written
 * right to left mirrors: a physical side would stay put and break the mirrored layout.
 */
class LogicalStylesheetTest {

    /** A property or value naming a physical side of the line. */
    private static final Pattern PHYSICAL = Pattern.compile(
            "(?<![\\w-])(?:(?:margin|padding|border|inset|scroll-margin|scroll-padding)-(?:left|right)[\\w-]*"
                    + "|left|right|border-(?:top|bottom)-(?:left|right)-radius)\\s*:"
                    + "|(?:text-align|float|clear)\\s*:\\s*(?:left|right)");
    /** A four-value margin, padding or border-radius whose left and right sides differ. */
    private static final Pattern FOUR_VALUES = Pattern.compile(
            "(?<![\\w-])(margin|padding|border-radius)\\s*:\\s*([^;}\\s]+)\\s+([^;}\\s]+)\\s+([^;}\\s]+)"
                    + "\\s+([^;}\\s]+)\\s*[;}]");

    @Test
    void theShippedStylesheetUsesOnlyLogicalSides() throws IOException {
        List<String> lines = Files.readAllLines(TestSites.PROJECT.resolve("templates/assets/style.css"));

        assertThat(lines).noneMatch(LogicalStylesheetTest::namesASide);
    }

    @Test
    void aPhysicalSideIsNoticed() {
        assertThat(List.of(".a { margin-left: 1rem; }", ".a { left: 0; }", "th { text-align: right; }",
                ".a { padding: 0 1rem 0 0; }", ".a { border-radius: 0 6px 6px 0; }", ".a { border-right: 0; }"))
                .allMatch(LogicalStylesheetTest::namesASide);
        assertThat(List.of(".a { margin-inline-start: 1rem; inset-inline-start: 0; text-align: start; }",
                ".a { padding: 0.25rem 1rem 0.25rem; margin: 0 auto; }", ".b { border-radius: 0 0 6px 6px; }",
                ".c { padding: 1px 2px 3px 2px; top: 0; }", ".d:hover { text-align: center; }"))
                .noneMatch(LogicalStylesheetTest::namesASide);
    }

    private static boolean namesASide(String line) {
        if (PHYSICAL.matcher(line).find()) {
            return true;
        }
        var m = FOUR_VALUES.matcher(line);
        while (m.find()) {
            boolean radius = m.group(1).equals("border-radius");
            // margin and padding: top right bottom left; border-radius: top-left top-right bottom-right bottom-left
            if (radius ? !m.group(2).equals(m.group(3)) || !m.group(4).equals(m.group(5))
                    : !m.group(3).equals(m.group(5))) {
                return true;
            }
        }
        return false;
    }
}
