package dev.patella.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patella.TestSites;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A tab typed to indent a line of YAML (instead of spaces) is told as {@code yaml.tab} at the tab,
 * on the first run, wherever the line is in its group and whatever the file: the first, a middle
 * or the last key of a group, a list item, a tab after spaces, in a page's front matter or in a
 * .yaml file. Its advice, followed word for word, puts the line back as it was, and the site builds. (Before, a tab on a
 * middle or last key was blamed on a good line next to it, whose "fix" broke that line.)
 */
class TabIndentTest {

    @TempDir
    Path tmp;

    private static final String SQUAT = "content/exercises/semi-squat.md";

    /** Where the tab goes: the file, the start of the shipped line, and what that start becomes. */
    static Stream<Arguments> tabs() {
        List<Arguments> cases = new ArrayList<>();
        // a page's front matter
        cases.add(Arguments.of("front matter, first key of a group", SQUAT, "  sets: 3", "\tsets: 3"));
        cases.add(Arguments.of("front matter, middle key of a group", SQUAT, "  reps: ", "\treps: "));
        cases.add(Arguments.of("front matter, last key of a group", SQUAT, "  frequency: ", "\tfrequency: "));
        cases.add(Arguments.of("front matter, last of two keys", SQUAT, "  secondary: ", "\tsecondary: "));
        cases.add(Arguments.of("front matter, tab after spaces", SQUAT, "  reps: ", "  \treps: "));
        cases.add(Arguments.of("front matter, tab after a list item's dash", SQUAT, "  - Push ", "  -\tPush "));
        cases.add(Arguments.of("front matter, list item indented by a tab", SQUAT, "  - Bend ", "\t- Bend "));
        // .yaml files
        cases.add(Arguments.of("yaml, first key of a group", "content/people.yaml", "  name: ", "\tname: "));
        cases.add(Arguments.of("yaml, middle key of a group", "content/people.yaml", "  role: ", "\trole: "));
        cases.add(Arguments.of("yaml, last key of a group", "content/site.yaml", "  url: ", "\turl: "));
        cases.add(Arguments.of("yaml, tab after spaces", "content/people.yaml", "  role: ", " \trole: "));
        cases.add(Arguments.of("yaml, key of a list item's group", "content/sources.yaml", "    title: ",
                "\ttitle: "));
        cases.add(Arguments.of("yaml, tab after a list item's dash", "content/sources.yaml", "  - id: ", "  -\tid: "));
        return cases.stream();
    }

    private static final Pattern ADVICE = Pattern.compile("replace the tab with (\\d+|one) spaces?|delete the tab");

    @ParameterizedTest(name = "{0}")
    @MethodSource("tabs")
    void tabIsToldAtTheTabAndItsAdvicePutsTheLineRight(String name, String file, String shipped, String typed) {
        tabbed(file, shipped, typed);
    }

    /**
     * A tab before a key that follows a group's last key: it may belong to the group or stand with the key below
     * it, further left, and the tab hides which, so both are said; the second, followed, builds.
     */
    @Test
    void aTabAfterAGroupsLastKeyIsToldBothColumns() {
        Path project = TestSites.shipped(tmp.resolve("p"));
        Path site = project.resolve("content/site.yaml");
        String text = TestSites.read(site);
        TestSites.write(site, text.replace("\nreview_interval_months: ", "\n\treview_interval_months: "));

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.diagnostics()).as(run.err()).containsExactly("error yaml.tab content/site.yaml:10:1");
        assertThat(run.message("yaml.tab")).endsWith("replace the tab with 2 spaces, so that \"review_interval_months:\" "
                + "starts in the same column as \"url:\" on line 9; or, if \"review_interval_months:\" is not part of "
                + "that group, delete the tab, so that it starts in the same column as \"report_errors_to:\" on line 11");
        TestSites.write(site, text);
        assertThat(TestSites.run("build", "--project", project.toString()).exitCode()).isZero();
    }

    /** The advice followed word for word on one case: the site then builds, with nothing to say. */
    @Test
    void siteBuildsOnceTheAdviceIsFollowed() {
        Path project = tabbed(SQUAT, "  reps: ", "\treps: ");
        var run = TestSites.run("build", "--project", project.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.diagnostics()).as(run.err()).isEmpty();
    }

    /**
     * A copy of the shipped site where the first line of {@code file} starting with {@code shipped}
     * starts with {@code typed} instead; built, it must give one error, yaml.tab at the tab; its
     * advice, followed, must give back the shipped line. Returns the project, mended.
     */
    private Path tabbed(String file, String shipped, String typed) {
        Path project = TestSites.shipped(tmp.resolve("p"));
        Path path = project.resolve(file);
        String[] lines = TestSites.read(path).split("\n", -1);
        int at = -1;
        for (int i = 0; i < lines.length && at < 0; i++) {
            at = lines[i].startsWith(shipped) ? i : -1;
        }
        assertThat(at).as("a line of %s starting with \"%s\"", file, shipped).isNotNegative();
        String good = lines[at];
        lines[at] = typed + good.substring(shipped.length());
        TestSites.write(path, String.join("\n", lines));

        var run = TestSites.run("build", "--project", project.toString());
        assertThat(run.diagnostics()).as(run.err()).containsExactly(
                "error yaml.tab " + file + ":" + (at + 1) + ":" + (typed.indexOf('\t') + 1));

        // the excerpt shows the tab, and the caret stands under it
        String[] rows = run.err().split("\n");
        int row = 0;
        while (row < rows.length && !rows[row].matches(" *" + (at + 1) + " \\| .*")) {
            row++;
        }
        assertThat(row).as(run.err()).isLessThan(rows.length - 1);
        String shown = rows[row].substring(rows[row].indexOf(" | ") + 3);
        int caret = rows[row + 1].indexOf('^') - rows[row + 1].indexOf(" | ") - 3;
        assertThat(shown.charAt(caret)).as(run.err()).isEqualTo('\u2192');

        // the advice, word for word: the tab replaced by the spaces it says, or deleted
        String message = run.message("yaml.tab");
        Matcher advice = ADVICE.matcher(message);
        assertThat(advice.find()).as(message).isTrue();
        String spaces = advice.group(1) == null ? "" : " ".repeat(advice.group(1).equals("one") ? 1
                : Integer.parseInt(advice.group(1)));
        lines[at] = lines[at].replaceFirst("\t", spaces);
        assertThat(lines[at]).as(message).isEqualTo(good);
        TestSites.write(path, String.join("\n", lines));
        return project;
    }
}
