package dev.patella.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patella.TestSites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every editor mistake gets a located error, all of them in one run, exit code 1, no stack
 * trace, and the published site untouched. One tiny broken site per case under
 * {@code src/test/resources/sites/errors/}, each with the diagnostics it must produce in
 * {@code expected.txt}.
 */
class ContentErrorsTest {

    private static final Pattern DEFAULT_LANGUAGE = Pattern.compile("(?m)^language: *([A-Za-z-]+) *$");

    @TempDir
    Path tmp;

    static Stream<String> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(TestSites.FIXTURES.resolve("errors"))) {
            return dirs.map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    /**
     * Runs one fixture. Its {@code expected.txt} lists the diagnostics it must give, one per line
     * ({@code error schema.wrong-type content/site.yaml:3:8}); a line {@code $ check} runs that
     * command instead of {@code build}, a line {@code - content/people.yaml} deletes that file of
     * the minimal site first, and a line {@code > words} gives words the messages must contain.
     * Warnings are compared only when the fixture expects one. With an expected error the exit
     * code is 1 and the published site is untouched; without, it is 0.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @Timeout(value = 5, unit = TimeUnit.MINUTES) // only a hang detector: runaway templates must end
    void reportsEachMistakeAtItsPositionAndKeepsThePublishedSite(String name) throws IOException {
        // a site whose addresses are real, so that check reports only the fixture's mistake
        Path project = TestSites.project(tmp.resolve("p"), "publishable", "errors/" + name);
        var fixture = ErrorFixture.read(name);
        // a fixture with a translation (content/es/) or another default language (language: de) has the words
        // of its languages, so its only mistake is its own
        try (var folders = Files.list(project.resolve("content"))) {
            folders.map(f -> f.getFileName().toString()).filter(f -> f.matches("[a-z]{2}"))
                    .forEach(language -> TestSites.withMessages(project, language));
        }
        Matcher language = DEFAULT_LANGUAGE.matcher(Files.readString(project.resolve("content/site.yaml")));
        if (language.find()) {
            TestSites.withMessages(project, language.group(1));
        }
        for (String removed : fixture.removed()) {
            Files.delete(project.resolve(removed));
        }
        Path site = publishedSite(project);
        var before = TestSites.snapshot(site);

        List<String> args = new java.util.ArrayList<>(fixture.command());
        args.addAll(List.of("--project", project.toString()));
        var run = TestSites.run(args.toArray(String[]::new));

        boolean errors = fixture.diagnostics().stream().anyMatch(d -> d.startsWith("error "));
        boolean warnings = fixture.diagnostics().stream().anyMatch(d -> d.startsWith("warning "));
        assertThat(run.exitCode()).as(run.err()).isEqualTo(errors ? 1 : 0);
        assertThat(warnings ? run.diagnostics() : run.errors()).as(run.err())
                .containsExactlyInAnyOrderElementsOf(fixture.diagnostics());
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
        fixture.says().forEach(words -> assertThat(run.err()).as(run.err()).contains(words));
        if (errors) {
            assertThat(TestSites.snapshot(site)).containsExactlyInAnyOrderEntriesOf(before);
        }
    }

    /**
     * A word in curly quotes right before a colon is one mistake, the colon YAML reads as a new key:
     * not also a warning that the text is wrapped in curly quotes, whose fix would be another error.
     */
    @Test
    void aCurlyQuotedWordBeforeAColonIsOneError() {
        Path project = TestSites.project(tmp.resolve("p"));
        Path page = project.resolve("content/pages/about.md");
        TestSites.write(page, "---\ntitle: About\nsummary: \u201cBurn\u201d: what it means.\n---\nAbout us.\n");

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.diagnostics()).as(run.err()).containsExactly("error yaml.syntax content/pages/about.md:3:10");
        assertThat(run.err()).contains("put the whole text in straight quotes");
    }

    /** Every citation written outside square brackets is told in one run, not only a text's first. */
    @Test
    void everyCitationOutsideBracketsIsToldInOneRun() {
        Path project = TestSites.project(tmp.resolve("p"));
        TestSites.write(project.resolve("content/pages/about.md"), "---\ntitle: About\nsummary: About this site.\n"
                + "---\nKnee pain is common (@smith2018), and it often gets better (@smith2018).\n");

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.diagnostics()).as(run.err()).containsExactly("error cite.syntax content/pages/about.md:5:21",
                "error cite.syntax content/pages/about.md:5:60");
    }

    /** Broken YAML as editors write it; the parser's own words must not reach them. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
        "summary: About: this site.", "summary: [About this site.", "summary: \"About this site.",
        "summary: \"About\" this site.", "summary: @about", "summary: `about`", "summary: about\n- item",
        "summary:\n  - a\n  b: c", "summary: {a: b", "summary: \"a \\q b\"", "summary: a\nsummary2 b",
        "summary: a #b\n  c: d", "summary: [a, b]\n  - c", "summary:\n  - a\n - b", " summary: About."})
    void yamlMistakesAreExplainedInPlainWords(String yaml) {
        Path project = TestSites.project(tmp.resolve("p"));
        TestSites.write(project.resolve("content/pages/about.md"), "---\ntitle: About\n" + yaml + "\n---\nAbout us.\n");

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.errors()).as(run.err()).hasSize(1);
        assertThat(run.errors().get(0)).as(run.err()).startsWith("error yaml.syntax content/pages/about.md:");
        assertThat(run.message("yaml.syntax")).doesNotContain("<", "scalar", "mapping values", "block", "token",
                "stream", "(while");
    }

    /**
     * A [ or { left open is reported where it was opened, not where the parser gave up on it (the
     * next line's colon, or the end of the front matter), and says which line it ran into.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "title: [About\\nsummary: About us.|2:8|a list opened here with [ is not closed before line 3",
        "title: About\\nsummary: [About us.|3:10|a list opened here with [ is never closed",
        "title: {About\\nsummary: About us.|2:8|a group opened here with { is not closed before line 3",
        // a list written over two lines on purpose, with a mistake in its second line: that is where it is
        "title: About\\nother_names: [Us,\\n  \"Our\" team]|4:9|this list in [ ] has something unexpected in it"})
    void aBracketLeftOpenIsReportedWhereItOpened(String yaml, String at, String message) {
        Path project = TestSites.project(tmp.resolve("p"));
        TestSites.write(project.resolve("content/pages/about.md"), "---\n" + yaml.replace("\\n", "\n") + "\n---\nAbout us.\n");

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.errors()).as(run.err()).containsExactly("error yaml.syntax content/pages/about.md:" + at);
        assertThat(run.message("yaml.syntax")).startsWith(message);
    }

    /** So is one on the last line of a YAML file that has no line end after it. */
    @Test
    void aBracketLeftOpenOnAFilesLastLineIsReportedWhereItOpened() throws IOException {
        Path project = TestSites.project(tmp.resolve("p"));
        Path site = project.resolve("content/site.yaml");
        String text = Files.readString(site).strip();
        assertThat(text).endsWith("see_a_doctor: [Your knee swells.]");
        Files.writeString(site, text.substring(0, text.length() - 1)); // no ] and no line end

        var run = TestSites.run("build", "--project", project.toString());

        int line = (int) text.lines().count();
        assertThat(run.errors()).as(run.err()).containsExactly("error yaml.syntax content/site.yaml:" + line + ":17");
        assertThat(run.message("yaml.syntax")).startsWith("a list opened here with [ is never closed");
    }

    /**
     * A quote left open on the last line of the front matter, or of a YAML file, runs to the end
     * of it: the error is at the quote, on the editor's line, not at the closing --- or past the
     * file's last line (where the terminal and the preview's box have no line to show).
     */
    @Test
    void aQuoteLeftOpenOnTheLastLineIsReportedWhereItOpened() throws IOException {
        Path project = TestSites.project(tmp.resolve("p"));
        TestSites.write(project.resolve("content/pages/about.md"),
                "---\ntitle: About\nsummary: \"About this site.\n---\nAbout us.\n");
        Path site = project.resolve("content/site.yaml");
        String text = Files.readString(site).strip() + "\n";
        Files.writeString(site, text + "report_errors_to: \"mailto:errors@example.org\n");

        var run = TestSites.run("build", "--project", project.toString());

        int line = (int) text.lines().count() + 1;
        assertThat(run.errors()).as(run.err()).containsExactlyInAnyOrder(
                "error yaml.syntax content/pages/about.md:3:10", "error yaml.syntax content/site.yaml:" + line + ":19");
        assertThat(run.err()).contains("    3 | summary: \"About this site.");
    }

    /** The README's own example, in the shipped site: a wrong value inside the dose is one located error. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "sets: 3|sets: three", "sets: 3|sets: 0", "reps: \"10-15\"|reps: ten", "reps: \"10-15\"|reps: 15-10",
        "hold_seconds: 1|hold_seconds: 30-45", "hold_seconds: 1|hold_seconds: 601", "  per_side: true|"})
    void aWrongDoseInTheShippedSiteIsOneLocatedError(String line, String wrong) throws IOException {
        Path project = TestSites.shipped(tmp.resolve("shipped"));
        Path clamshell = project.resolve("content/exercises/clamshell.md");
        String text = Files.readString(clamshell);
        assertThat(text).contains(line);
        Files.writeString(clamshell, text.replace(line, wrong == null ? "" : wrong));

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.errors()).as(run.err()).singleElement().asString()
                .startsWith("error schema.").contains(" content/exercises/clamshell.md:");
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("internal error");
    }

    /**
     * A hold of 0 seconds means no hold, which an exercise says by leaving the line out: the message says so; a
     * required number at 0 (sets) is not told to be removed.
     */
    @Test
    void aZeroWhereAFieldMayBeLeftOutIsToldToLeaveItOut() throws IOException {
        Path project = TestSites.shipped(tmp.resolve("shipped"));
        Path clamshell = project.resolve("content/exercises/clamshell.md");
        String text = Files.readString(clamshell);
        Files.writeString(clamshell, text.replace("hold_seconds: 1", "hold_seconds: 0"));

        var hold = TestSites.run("build", "--project", project.toString());

        assertThat(hold.message("schema.invalid-value")).endsWith("but it is 0; for none, remove the line");
        Files.writeString(clamshell, text.replace("hold_seconds: 1", "hold_seconds: \"0\""));
        assertThat(TestSites.run("build", "--project", project.toString()).err()).contains("(for none, remove the line)");
        Files.writeString(clamshell, text.replace("sets: 3", "sets: 0"));
        assertThat(TestSites.run("build", "--project", project.toString()).message("schema.invalid-value"))
                .endsWith("but it is 0");
    }

    /** A file named over two lines (a block after >-) is reported where its name is, not at the >-. */
    @Test
    void aMissingIllustrationWrittenAsABlockIsReportedWhereItsNameIs() {
        Path project = TestSites.project(tmp.resolve("p"), "errors/missing-illustration");
        edit(project.resolve("content/exercises/leg-lift.md"),
                text -> text.replace("  src: /images/missing.svg", "  src: >-\n    /images/missing.svg"));

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.errors()).as(run.err()).containsExactly("error link.missing-file content/exercises/leg-lift.md:19:5");
    }

    /**
     * A reference's date written the right way but not on the calendar is said at the number that
     * is wrong, with why; a date of the wrong form is said at the whole value, with the form.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "[[2018, 13, 11]]|8:34|the month is 13, and months go from 1 to 12",
        "[[2018, 2, 30]]|8:37|February 2018 has 28 days",
        "[[2018, 4, 0]]|8:37|days start at 1",
        "[[0, 4]]|8:28|years start at 1",
        "[[2018, 1, 11, 5]]|8:26|must be written as {date-parts: [[2018, 1, 11]]}",
        "[[2018, 09, 31]]|8:38|September 2018 has 30 days"})
    void aReferenceDateThatIsNotOnTheCalendarIsSaidAtTheWrongNumber(String parts, String at, String message) {
        Path project = TestSites.project(tmp.resolve("p"));
        edit(project.resolve("content/sources.yaml"), text -> text.replace("[[2018]]", parts));

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.errors()).as(run.err()).containsExactly("error schema.invalid-value content/sources.yaml:" + at);
        assertThat(run.message("schema.invalid-value")).contains(message);
    }

    /**
     * A wrong value in site.yaml is reported with the site's other mistakes, not instead of them: the
     * setting stands in with its default, so the rest of the site is checked in the same run and
     * the stand-in causes no mistake of its own.
     */
    @ParameterizedTest(name = "{0} {1}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "build|review_interval_months: x|error schema.wrong-type content/site.yaml:13:25",
        "check|review_interval_months: x|error schema.wrong-type content/site.yaml:13:25",
        "build|reading_grade_max: 0|error schema.invalid-value content/site.yaml:13:20",
        "check|language: 12|error schema.invalid-value content/site.yaml:3:11",
        "check|base_url: knees|error schema.invalid-value content/site.yaml:5:11",
        "check|report_errors_to: nobody|error schema.invalid-value content/site.yaml:13:19",
        "build|languages: [en, en]|error language.duplicate content/site.yaml:13:17"})
    void aWrongSettingIsReportedWithTheOtherMistakesOfTheSite(String command, String setting, String expected)
            throws IOException {
        Path project = TestSites.project(tmp.resolve("p"), "publishable", "errors/cite-unknown-key");
        Path settings = project.resolve("content/site.yaml");
        String key = setting.substring(0, setting.indexOf(':'));
        // a setting the fixture has is replaced where it is written, another one is added at the end
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(settings));
        lines.replaceAll(line -> line.startsWith(key + ":") ? setting : line);
        if (!lines.contains(setting)) {
            lines.add(setting);
        }
        Files.write(settings, lines);
        Path site = publishedSite(project);
        var before = TestSites.snapshot(site);

        var run = TestSites.run(command, "--project", project.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.diagnostics()).as(run.err())
                .containsExactlyInAnyOrder(expected, "error cite.unknown-key content/pages/about.md:5:10");
        assertThat(TestSites.snapshot(site)).containsExactlyInAnyOrderEntriesOf(before);
    }

    /** The fresh-clone review's case: a wrong setting and two mistakes in pages of the shipped site. */
    @Test
    void aWrongSettingInTheShippedSiteHidesNoOtherMistake() throws IOException {
        Path project = TestSites.shipped(tmp.resolve("shipped"));
        Path settings = project.resolve("content/site.yaml");
        String text = Files.readString(settings);
        assertThat(text).contains("review_interval_months: 24");
        Files.writeString(settings, text.replace("review_interval_months: 24", "review_interval_months: x"));
        Path clamshell = project.resolve("content/exercises/clamshell.md");
        Files.writeString(clamshell, Files.readString(clamshell).replaceFirst("(?m)^author: .*$", "author: nobody"));

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.errors()).as(run.err()).hasSize(2)
                .anyMatch(d -> d.startsWith("error schema.wrong-type content/site.yaml:"))
                .anyMatch(d -> d.startsWith("error ref.unknown-person content/exercises/clamshell.md:"));
        assertThat(run.err()).doesNotContain("warning");
    }

    @Test
    void settingsThatCannotBeReadDoNotMakeTheLanguageFoldersStrays() {
        // the fixtures compare warnings only where they expect one: this one must give none
        Path project = TestSites.project(tmp.resolve("p"), "errors/settings-only-comments-translated");
        var run = TestSites.run("build", "--project", project.toString());
        assertThat(run.errors()).as(run.err()).singleElement().asString().startsWith("error file.empty");
        assertThat(run.err()).doesNotContain("warning");
    }

    /**
     * What the checks for run-together lists, dropped comments, misnamed folders and non-breaking
     * spaces look for also appears in good content: none of it may stop a build (each case here once
     * did, found in review).
     */
    @Test
    void goodContentThatLooksLikeThoseMistakesBuilds() throws IOException {
        Path project = TestSites.shipped(tmp.resolve("shipped"));
        Path clamshell = project.resolve("content/exercises/clamshell.md");
        String text = Files.readString(clamshell)
                .replace("  - Keep your body and hips still. Do not let them roll backward.\n",
                        "  - Keep your body and hips still, your top hip above the bottom one\n"
                                + "    -- do not let them roll backward.\n")
                .replace("  - Hold the top knee up for as long as your dose says.\n",
                        "  - Hold the top knee up while you count slowly from 1 to\n    5. Then lower it, counting 1 to\n"
                                + "    5. Keep it smooth.\n")
                .replaceFirst("(?m)^feel_it: .*$", "feel_it: \"Where:\u00a0the side of your hip, spot #1.\"   # as told")
                .replaceFirst("(?m)^chain: open$", "chain: open                        # open (foot moves freely)")
                .replace("  - Rest your head on your lower arm or a small pillow.\n",
                        "  - \u201CSlow\u201D is the word, and rest your head on your arm.\n"
                                + "  - \"\u201CHips still\u201D\"\n  - \u2018Knees together\u2019, then open.\n"
                                + "  - \u2018Slow\u2019 is the word our coach uses with all the runners\u2019\n");
        assertThat(text).contains("-- do not").contains("    5. Keep").contains("spot #1").contains("# open (foot")
                .contains("\u201CSlow\u201D is").contains("\"\u201CHips still\u201D\"");
        Files.writeString(clamshell, text);
        for (String folder : List.of("content/exercises.bak", "content/conditions-old", "content/es/images")) {
            Files.createDirectories(project.resolve(folder));
            Files.writeString(project.resolve(folder).resolve("old.md"), "kept by the editor");
        }

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.diagnostics()).as(run.err()).allMatch(d -> d.startsWith("warning content.unknown-file ")
                || d.startsWith("warning translation.stale content/es/exercises/clamshell.md")).hasSize(4);
        assertThat(Files.readString(project.resolve("site/exercises/clamshell/index.html")))
                .contains("do not let them roll backward.").contains("counting 1 to 5. Keep it smooth.")
                .contains("spot #1.").contains("\u201CSlow\u201D is the word").contains("<li>\u201CHips still\u201D</li>");
    }

    /**
     * A link or picture with a space in its address, which Markdown shows as text, is an error at its
     * bracket in every kind of Markdown: a translation's body, a plain page, a condition, an item of an
     * exercise's list in the front matter.
     */
    @Test
    void aSpaceInAnAddressIsReportedInEveryKindOfText() throws IOException {
        Path project = TestSites.shipped(tmp.resolve("shipped"));
        int translation = append(project.resolve("content/es/exercises/clamshell.md"),
                "Vea [la almeja](/es/exercises/clam shell/).");
        int page = append(project.resolve("content/pages/about.md"), "Read [the guide](/pages/pain guide/).");
        int condition = append(project.resolve("content/conditions/chondromalacia-patella.md"),
                "![A knee](/images/my knee.svg)");
        Path clamshell = project.resolve("content/exercises/clamshell.md");
        edit(clamshell, text -> text.replace("  - Rest your head on your lower arm or a small pillow.\n",
                "  - Rest your head on [a pillow](/pages/pillow guide/).\n"));
        int tip = Files.readAllLines(clamshell).indexOf("  - Rest your head on [a pillow](/pages/pillow guide/).") + 1;

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.errors()).as(run.err()).containsExactlyInAnyOrder(
                "error markdown.space-in-address content/es/exercises/clamshell.md:" + translation + ":5",
                "error markdown.space-in-address content/pages/about.md:" + page + ":6",
                "error markdown.space-in-address content/conditions/chondromalacia-patella.md:" + condition + ":1",
                "error markdown.space-in-address content/exercises/clamshell.md:" + tip + ":23");
        assertThat(tip).isPositive();
        assertThat(run.err()).doesNotContain("markdown.raw-html");
    }

    /** Links, pictures and text that look a little like an address with a space, and are not one, build. */
    @Test
    void textThatOnlyLooksLikeASpaceInAnAddressBuilds() throws IOException {
        Path project = TestSites.shipped(tmp.resolve("shipped"));
        append(project.resolve("content/pages/about.md"), String.join("\n",
                "See [the program](/conditions/chondromalacia-patella/ \"The whole program\") and "
                        + "![A clamshell](/images/clamshell.svg 'Clamshell').",
                "",
                "Write a link as `[the clamshell](/exercises/clamshell/)`, never `[the clamshell](/exercises/clam shell/)`.",
                "",
                "Tick the box [tick] (not a link), and keep \\[square brackets](as you wrote them)."));

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).doesNotContain("markdown.space-in-address");
        assertThat(Files.readString(project.resolve("site/about/index.html")))
                .contains("title=\"The whole program\"").contains("[tick] (not a link)")
                .contains("[square brackets](as you wrote them)");
    }

    /** Adds {@code line} to the end of {@code file}, after a blank line, and returns its line number. */
    private static int append(Path file, String line) throws IOException {
        String text = Files.readString(file);
        Files.writeString(file, text + (text.endsWith("\n") ? "" : "\n") + "\n" + line + "\n");
        return (int) (text + (text.endsWith("\n") ? "" : "\n")).chars().filter(c -> c == '\n').count() + 2;
    }

    /**
     * YAML's parser counts an emoji as one character, a Java string as two: the warnings that read a
     * value's text where the parser says it starts found nothing after one (the review's 💪).
     */
    /** A link to a glossary entry by its key is told the entry's id, which starts with "term-". */
    @Test
    void aLinkToAGlossaryEntryByItsKeyIsToldItsId() throws IOException {
        Path project = TestSites.shipped(tmp.resolve("shipped"));
        Path about = project.resolve("content/pages/about.md");
        Files.writeString(about, Files.readString(about) + "\nWhat is the [kneecap](/glossary/#kneecap)?\n");

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.message("link.broken-anchor")).contains("did you mean term-kneecap?");
        Files.writeString(about, Files.readString(about).replace("#kneecap", "#term-kneecap"));
        var fixed = TestSites.run("build", "--project", project.toString());
        assertThat(fixed.exitCode()).as(fixed.err()).isZero();
    }

    /**
     * A letter pasted as a letter and a combining accent ("e" and U+0301) is read as the one letter
     * it looks like: the page shows "é", and a glossary term written with it matches.
     */
    @Test
    void aLetterPastedWithACombiningAccentIsReadAsOneLetter() throws IOException {
        Path project = TestSites.shipped(tmp.resolve("shipped"));
        Path glossary = project.resolve("content/glossary.yaml");
        Files.writeString(glossary, Files.readString(glossary) + "\nretinaculum:\n  term: retináculo\n"
                + "  definition: A band of tissue that holds tendons in place.\n");
        Path about = project.resolve("content/pages/about.md");
        Files.writeString(about, Files.readString(about) + "\nThe retina\u0301culo holds it. Cafe\u0301 too.\n");

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).doesNotContain("glossary.unused-term");
        assertThat(TestSites.read(project.resolve("site/about/index.html"))).contains("Café too.")
                .containsPattern("<a class=\"term\" href=\"[./]*glossary/#term-retinaculum\">retináculo</a>")
                .doesNotContain("\u0301");
    }

    @Test
    void aValueIsReadAtItsPlaceAfterAnEmoji() throws IOException {
        Path project = TestSites.shipped(tmp.resolve("shipped"));
        Path clamshell = project.resolve("content/exercises/clamshell.md");
        Files.writeString(clamshell, Files.readString(clamshell).replaceFirst("(?m)^tips:\n",
                "tips:\n  - Go \uD83D\uDCAA slow.\n  - \u201CKeep it straight.\u201D\n  - Keep it straight #1 tip.\n"));

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.diagnostics()).as(run.err()).contains("warning yaml.curly-quotes content/exercises/clamshell.md:32:5",
                "warning yaml.comment-in-text content/exercises/clamshell.md:33:22");
    }

    static Stream<Arguments> curlyQuoteMistakes() {
        return Stream.of(
                curly("feel_it: \u201CWhere: the side of your hip.\u201D", "yaml.syntax", ": "),
                curly("feel_it: \u201CFront\u201D means the side: above the knee.", "yaml.syntax", "inside them: "),
                curly("feel_it: \u00ABDibujo: Patella\u00BB", "yaml.syntax", "inside them: "),
                curly("  - \u201CTip: keep your feet together.\u201D", "schema.wrong-type", "quotes: - "),
                curly("  - \u201CSlow\u201D: say it to yourself, and keep it \u201Cslow\u201D", "schema.wrong-type",
                        "quotes: - "),
                // an item with a colon that goes on over a second line: YAML reads that line as a key
                curly("  - \u201CSlow\u201D is the word: lift for three counts\n    and lower for three.", "yaml.syntax",
                        "quotes: - "),
                curly("  - Tip: keep your knee soft\n    all the way down.", "yaml.syntax", "quotes: - "),
                curly("  - \u2018Don't lock your knee.\u2019", "yaml.curly-quotes", "instead: "),
                curly("  - \u201CKeep your feet together.\u201D", "yaml.curly-quotes", "instead: "),
                curly("  - \u201CKeep your knee over your toes, and do not let it cave inward as you go down.\u201D",
                        "yaml.curly-quotes", "instead: "));
    }

    private static Arguments curly(String line, String code, String before) {
        return Arguments.of(line, code, before);
    }

    /**
     * Each message about curly quotes (or « », which YAML reads as letters too) shows the line as it
     * should be written; written so, the build has nothing more to say about it. Advice that could
     * not be followed (straight quotes around a word of the text, ' around a text holding an
     * apostrophe) made a line YAML cannot read, or published broken quotes.
     */
    @ParameterizedTest
    @MethodSource("curlyQuoteMistakes")
    void theFixACurlyQuoteMessageShowsWorksWhenTyped(String line, String code, String before) throws IOException {
        Path project = TestSites.shipped(tmp.resolve("shipped"));
        Path clamshell = project.resolve("content/exercises/clamshell.md");
        String text = Files.readString(clamshell);
        String key = line.startsWith("  - ") ? "  - " : line.substring(0, line.indexOf(' ') + 1);
        String mistaken = key.equals("  - ") ? text.replaceFirst("(?m)^tips:\\n", "tips:\n" + Matcher.quoteReplacement(line) + "\n")
                : text.replaceFirst("(?m)^feel_it: .*$", Matcher.quoteReplacement(line));
        Files.writeString(clamshell, mistaken);

        var run = TestSites.run("build", "--project", project.toString());
        String message = run.message(code);
        String fix = message.substring(message.lastIndexOf(before) + before.length()).replaceFirst(", or to show .*$", "");

        Files.writeString(clamshell, mistaken.replace(line, key + fix));
        var fixed = TestSites.run("build", "--project", project.toString());
        assertThat(fixed.exitCode()).as(line + "\n" + message + "\n" + fixed.err()).isZero();
        assertThat(fixed.diagnostics()).as(fixed.err()).allMatch(d -> d.startsWith("warning translation.stale "));
    }

    @Test
    void anEmptyTranslationIsOneErrorNotAListOfMissingFields() throws IOException {
        // the shipped glossary has sixteen terms: an empty translation of it gave one warning for each too
        Path project = TestSites.shipped(tmp.resolve("shipped"));
        Files.writeString(project.resolve("content/es/glossary.yaml"), "# to be translated\n");
        var run = TestSites.run("build", "--project", project.toString());
        assertThat(run.errors()).as(run.err()).singleElement().asString()
                .isEqualTo("error file.empty content/es/glossary.yaml:1:1");
        assertThat(run.err()).doesNotContain("warning");
    }

    @Test
    void unknownKeySuggestsTheClosestKnownKey() {
        Path project = TestSites.project(tmp.resolve("p"), "errors/unknown-key");
        var run = TestSites.run("build", "--project", project.toString());
        assertThat(run.message("schema.unknown-key")).contains("\"summery\"").contains("did you mean \"summary\"?");
        assertThat(run.err()).contains("    3 | summery: About this site.").contains("      | ^");
    }

    @Test
    void unknownExerciseNamesTheNearestExercise() {
        Path project = TestSites.project(tmp.resolve("p"), "errors/unknown-exercise", "errors/cite-unknown-key");
        var run = TestSites.run("build", "--project", project.toString());
        assertThat(run.message("ref.unknown-exercise")).contains("\"leg-lfit\"").contains("did you mean \"leg-lift\"?");
        assertThat(run.message("cite.unknown-key")).contains("\"smiht2018\"").contains("did you mean \"smith2018\"?");
    }

    /** A key with nothing after it is said to be empty, not to be "". */
    @Test
    void aKeyWithNothingAfterItIsCalledEmpty() {
        Path project = TestSites.project(tmp.resolve("p"));
        edit(project.resolve("content/exercises/leg-lift.md"),
                text -> text.replaceFirst("\n  sets: \\d+\n", "\n  sets:\n"));
        var run = TestSites.run("build", "--project", project.toString());
        assertThat(run.errors()).hasSize(1);
        assertThat(run.errors().get(0)).startsWith("error schema.wrong-type content/exercises/leg-lift.md:");
        assertThat(run.message("schema.wrong-type")).endsWith("but it is empty");
    }

    /**
     * Two mistakes in one group, a misspelt optional key and a missing required one, are two errors:
     * the misspelling is named by the key it is close to, not taken for the missing one renamed.
     */
    @Test
    void aMisspeltKeyBesideAMissingRequiredOneIsNamedByItsSpelling() {
        Path project = TestSites.project(tmp.resolve("p"));
        edit(project.resolve("content/exercises/leg-lift.md"),
                text -> text.replace("\nsummary: Lifts the leg.\n", "\ntipps: [Move slowly.]\n"));
        var run = TestSites.run("build", "--project", project.toString());
        assertThat(run.message("schema.unknown-key")).contains("\"tipps\"").contains("did you mean \"tips\"?");
        assertThat(run.message("schema.missing-key")).contains("\"summary\"");
    }

    /** A misspelt key in a source is its own error; the translation is not told to add the misspelling. */
    @Test
    void aMisspeltKeyInASourceIsNotAFieldToTranslate() {
        Path project = TestSites.project(tmp.resolve("p"), "two-languages");
        edit(project.resolve("content/exercises/leg-lift.md"), text -> text.replace("\nsummary:", "\nsummery:"));
        var run = TestSites.run("build", "--project", project.toString());
        assertThat(run.message("schema.unknown-key")).contains("\"summery\"");
        assertThat(run.err()).doesNotContain("no field \"summery\"");
    }

    /** A link in an English page that misses is not sent to a Spanish page spelt closer to it. */
    @Test
    void aBrokenLinksHintNamesAPageOfItsOwnLanguage() {
        Path project = TestSites.project(tmp.resolve("p"), "two-languages");
        edit(project.resolve("content/pages/about.md"),
                text -> text + "\nSee [the leg lift](/exercises/elevacion-de-piernas/).\n");
        var run = TestSites.run("build", "--project", project.toString());
        assertThat(run.message("link.broken")).contains("/exercises/elevacion-de-piernas/").doesNotContain("/es/");
    }

    @Test
    void aLinkToADraftSaysThePageIsADraftNotThatItDoesNotExist() {
        Path project = TestSites.project(tmp.resolve("p"), "errors/link-to-draft");
        var run = TestSites.run("build", "--project", project.toString());
        assertThat(run.message("link.broken")).contains("/plan/, a draft").contains("content/pages/plan.md")
                .doesNotContain("no such page");
    }

    @Test
    void templateErrorNamesTheContentFileThatWasRendering() {
        Path project = TestSites.project(tmp.resolve("p"), "errors/template-error");
        var run = TestSites.run("build", "--project", project.toString());
        assertThat(run.err()).contains("while rendering content/pages/about.md:1:1");
    }

    @Test
    void reportsInvalidUtf8AtTheBadByte() throws IOException {
        Path project = TestSites.project(tmp.resolve("p"));
        byte[] bytes = "---\ntitle: Ab\u00e9\nsummary: x\n---\nok\n".getBytes(StandardCharsets.UTF_8);
        byte[] broken = new byte[bytes.length];
        System.arraycopy(bytes, 0, broken, 0, bytes.length);
        int e = "---\ntitle: Ab".length();
        broken[e] = (byte) 0xFF; // first byte of "é" replaced by a byte UTF-8 never uses
        Files.write(project.resolve("content/pages/about.md"), broken);

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errors()).containsExactly("error file.not-utf8 content/pages/about.md:2:10");
    }

    @Test
    void reportsMistakesInSeveralFilesInOneRun() {
        Path project = TestSites.project(tmp.resolve("p"), "errors/unknown-key", "errors/wrong-type",
                "errors/yaml-tab");
        var run = TestSites.run("build", "--project", project.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errors()).hasSize(3)
                .anyMatch(d -> d.contains("content/pages/about.md"))
                .anyMatch(d -> d.contains("content/exercises/leg-lift.md"))
                .anyMatch(d -> d.contains("content/site.yaml"));
        assertThat(run.err()).contains("nothing was published");
    }

    @Test
    void byteOrderMarkAndWindowsLineEndingsSimplyWork() throws IOException {
        Path project = TestSites.project(tmp.resolve("p"));
        Path about = project.resolve("content/pages/about.md");
        String crlf = "\uFEFF" + Files.readString(about).replace("\n", "\r\n");
        Files.writeString(about, crlf);

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(TestSites.read(project.resolve("site/about/index.html"))).contains("<h1>About</h1>");
    }

    /** Builds the fixture once so there is a published site to protect, then returns it. */
    /** Changes one file of a project the way an editor would: read it, change its text, save it. */
    private static void edit(Path file, UnaryOperator<String> change) {
        TestSites.write(file, change.apply(TestSites.read(file)));
    }

    private static Path publishedSite(Path project) {
        Path site = project.resolve("site");
        TestSites.write(site.resolve("index.html"), "<!DOCTYPE html><title>previous</title>");
        TestSites.write(site.resolve("exercises/old/index.html"), "previous page");
        // the lock file every build leaves beside its folder: a build takes this site for one it wrote
        TestSites.write(site.resolveSibling(".site.lock"), "");
        return site;
    }
}
