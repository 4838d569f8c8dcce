package dev.patella.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patella.TestSites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Translation drift, through the command line: a two-language project (the minimal site and its
 * Spanish translation, {@code sites/two-languages-drift/}) is marked with {@code patella translated},
 * then its English files are edited, and {@code check} must name each stale translation, both
 * files, the lines and what changed; and nothing when only the layout changed.
 */
class TranslationDriftTest {

    private static final String SPANISH = "content/es/exercises/leg-lift.md";
    private static final String ENGLISH = "content/exercises/leg-lift.md";

    @TempDir
    Path tmp;
    private Path project;

    @BeforeEach
    void markedTwoLanguageProject() {
        project = TestSites.project(tmp.resolve("p"), "publishable", "two-languages-drift");
        var marked = TestSites.run("translated", "--all", "es", "--project", project.toString());
        assertThat(marked.exitCode()).as(marked.err()).isZero();
        assertThat(marked.out()).contains("Marked 4 translations in content/es/.");
    }

    @Test
    void aMarkedTranslationOfAnUnchangedSourceIsNotReported() {
        var check = check();
        assertThat(check.exitCode()).as(check.err()).isZero();
        assertThat(check.diagnostics()).as(check.err()).noneMatch(d -> d.contains(" translation."));
    }

    @Test
    void anEnglishDoseChangeMakesCheckReportTheSpanishPageWithBothPathsAndLines() throws IOException {
        edit(ENGLISH, "  sets: 3", "  sets: 4");

        var check = check();

        int stampLine = lineOf(SPANISH, "translated_from:");
        assertThat(check.exitCode()).as(check.err()).isZero();
        assertThat(check.diagnostics()).as(check.err())
                .containsExactly("warning translation.stale " + SPANISH + ":" + stampLine + ":1");
        assertThat(check.message("translation.stale"))
                .contains("the English source " + ENGLISH + " changed since this translation was made: dose ("
                        + ENGLISH + ":" + lineOf(ENGLISH, "dose:") + ":1).")
                .contains("run bin/patella translated " + SPANISH);
    }

    /**
     * A truth value means the same however it is written: per_side: yes in one language and true in
     * the other is no difference, and true written as On in the source is no change to translate.
     */
    @Test
    void aTruthValueWrittenAnotherWayIsNeitherADifferenceNorAChange() throws IOException {
        edit(SPANISH, "  per_side: true", "  per_side: yes");
        edit(ENGLISH, "  per_side: true", "  per_side: On");

        var check = check();

        assertThat(check.exitCode()).as(check.err()).isZero();
        assertThat(check.diagnostics()).as(check.err()).noneMatch(d -> d.contains(" translation."));
        edit(SPANISH, "  per_side: yes", "  per_side: off");
        assertThat(check().diagnostics()).as("a real difference")
                .contains("warning translation.numbers " + SPANISH + ":" + lineOf(SPANISH, "  per_side:") + ":13");
    }

    /**
     * A choice is read in any case, as a truth value is read however it is written: chain: Open and
     * phase: EARLY in the source are what chain: open and phase: early are in the translation, no
     * difference and no change to translate, and the translation can be marked; another choice still
     * is a difference.
     */
    @Test
    void aChoiceWrittenInCapitalsIsNeitherADifferenceNorAChange() throws IOException {
        String condition = "content/conditions/sore-knee.md";
        edit(ENGLISH, "chain: open", "chain: Open");
        edit(ENGLISH, "phase: early", "phase: EARLY");
        edit(condition, "  - phase: early", "  - phase: Early");

        var check = check();

        assertThat(check.exitCode()).as(check.err()).isZero();
        assertThat(check.diagnostics()).as(check.err()).noneMatch(d -> d.contains(" translation."));
        var marked = TestSites.run("translated", "--all", "es", "--project", project.toString());
        assertThat(marked.exitCode()).as(marked.err()).isZero();
        edit(SPANISH, "chain: open", "chain: closed");
        assertThat(check().diagnostics()).as("a real difference")
                .containsExactly("warning translation.numbers " + SPANISH + ":" + lineOf(SPANISH, "chain:") + ":8");
    }

    /**
     * An English file with an error reads as something it is not (here a dose it cannot read):
     * that one error is reported, and its translations are not compared with it until it is fixed.
     */
    @Test
    void anEnglishFileWithAnErrorIsNotComparedWithItsTranslation() throws IOException {
        edit(ENGLISH, "  sets: 3", "  sets: three");

        var check = check();

        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.diagnostics()).as(check.err())
                .containsExactly("error schema.wrong-type " + ENGLISH + ":" + lineOf(ENGLISH, "  sets:") + ":9");
    }

    /**
     * A reviewer, a review date and the draft flag belong to each file: a translation is not told to
     * copy a clinician's review of the English words, nor warned for being a draft on its own.
     */
    @Test
    void aReviewerADueDateOrADraftOfOneLanguageIsNotAGapOrADifference() throws IOException {
        edit(ENGLISH, "reviewed: 2026-01-01", "reviewed: 2026-01-01\nreview_due: 2027-06-01");
        edit(SPANISH, "reviewed: 2026-01-01", "reviewed: 2026-01-01\ndraft: true");

        // with the drafts shown, so that the Spanish program's link to the draft stays good
        var check = TestSites.run("build", "--drafts", "--project", project.toString());

        assertThat(check.exitCode()).as(check.err()).isZero();
        assertThat(check.diagnostics()).as(check.err()).noneMatch(d -> d.contains(" translation."));
    }

    @Test
    void strictMakesAStaleTranslationAnErrorThatStopsTheBuild() throws IOException {
        edit(ENGLISH, "  sets: 3", "  sets: 4");

        var build = TestSites.run("build", "--project", project.toString());
        var strict = TestSites.run("build", "--strict", "--project", project.toString(), "--output",
                tmp.resolve("strict-site").toString());
        var check = TestSites.run("check", "--strict", "--project", project.toString());

        assertThat(build.exitCode()).as(build.err()).isZero();
        assertThat(build.diagnostics()).containsExactly("warning translation.stale " + SPANISH + ":"
                + lineOf(SPANISH, "translated_from:") + ":1");
        assertThat(strict.exitCode()).as(strict.err()).isEqualTo(1);
        assertThat(strict.errors()).containsExactly("error translation.stale " + SPANISH + ":"
                + lineOf(SPANISH, "translated_from:") + ":1");
        assertThat(tmp.resolve("strict-site")).doesNotExist();
        assertThat(check.exitCode()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}: {1} -> {3}")
    @CsvSource(delimiter = '|', value = {
        "content/exercises/leg-lift.md|  - Lift the leg.|  - Lift the leg slowly.|steps",
        "content/exercises/leg-lift.md|position: Lie down.|position: Lie on your back.|steps",
        "content/exercises/leg-lift.md|  reps: 10-15|  reps: 8-12|dose",
        "content/exercises/leg-lift.md|  per_side: true|  per_side: true\\nstop_if: [Sharp pain.]|warnings",
        "content/exercises/leg-lift.md|Helps the|It helps the|text",
        "content/exercises/leg-lift.md|summary: Lifts the leg.|summary: Lifts one leg.|other",
        "content/conditions/sore-knee.md|    title: Early|    title: First|program",
        "content/conditions/sore-knee.md|symptoms: [Pain]|symptoms: [Pain, Swelling]|other",
        "content/pages/about.md|About us.|About the team.|text",
        "content/site.yaml|intro: Welcome to a tiny test site.|intro: Welcome to a small test site.|intro",
        "content/site.yaml|  stop_if: [Sharp pain.]|  stop_if: [Sharp pain., Swelling.]|get_help"})
    void eachChangeIsNamedByThePartItChanged(String file, String from, String to, String part) throws IOException {
        edit(file, from, to.replace("\\n", "\n"));

        var check = check();

        String spanish = file.replace("content/", "content/es/");
        assertThat(check.diagnostics()).as(check.err()).contains("warning translation.stale " + spanish + ":"
                + lineOf(spanish, "translated_from:") + ":1");
        // the other part hashes the fields no part names together: the message lists them, the changed one too
        String listed = part.equals("other") ? "[^()]*\\b" + from.substring(0, from.indexOf(':')).trim() + "\\b[^()]*, from "
                : "";
        assertThat(check.message("translation.stale")).containsPattern(Pattern.quote("changed since this translation was made: "
                + part + " (") + listed + Pattern.quote(file + ":"));
    }

    @Test
    void reWrappingReorderingQuotingAndCommentsAreNotDrift() throws IOException {
        String text = Files.readString(project.resolve(ENGLISH));
        String moved = text.replace("title: Leg lift\nsummary: Lifts the leg.\n",
                        "# the exercise's name and what it does\nsummary: \"Lifts   the leg.\"\ntitle: 'Leg lift'\n")
                .replace("steps:\n  - Lift the leg.\n", "steps: [Lift the leg.]\n")
                .replace("Helps the [sore knee]", "Helps\nthe   [sore knee]")
                .replace("reviewed: 2026-01-01", "reviewed: 2026-02-01");
        assertThat(moved).isNotEqualTo(text);
        Files.writeString(project.resolve(ENGLISH), moved);

        var check = check();

        assertThat(check.diagnostics()).as(check.err()).noneMatch(d -> d.contains(" translation."));
    }

    /**
     * An editor's note is never shown to readers, so adding one, changing it or taking it out is no
     * change to translate, in the text below the front matter as in a field.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a note on a line of its own above the text|Helps the|<!-- ask Dr Smith -->~Helps the",
        "a note inside a sentence of the text|Helps the|Helps <!-- which knee? -->the",
        "a note at the end of the summary|summary: Lifts the leg.|summary: Lifts the leg. <!-- ask Dr Smith -->",
        "a note at the end of a step|  - Lift the leg.|  - Lift the leg. <!-- how high? -->"})
    void aNoteAddedChangedOrTakenOutIsNotDrift(String name, String from, String to) throws IOException {
        String noted = to.replace('~', '\n');
        edit(ENGLISH, from, noted);
        assertThat(check().diagnostics()).as("added").noneMatch(d -> d.contains(" translation."));

        edit(ENGLISH, noted, noted.replace("<!-- ", "<!-- TODO: "));
        assertThat(check().diagnostics()).as("changed").noneMatch(d -> d.contains(" translation."));

        edit(ENGLISH, noted.replace("<!-- ", "<!-- TODO: "), from);
        assertThat(check().diagnostics()).as("taken out").noneMatch(d -> d.contains(" translation."));
    }

    @Test
    void aNewParagraphIsDriftButANewLineInsideOneIsNot() throws IOException {
        edit("content/pages/about.md", "About us.", "About\nus.");
        assertThat(check().diagnostics()).noneMatch(d -> d.contains(" translation."));

        edit("content/pages/about.md", "About\nus.", "About\n\nus.");
        assertThat(check().diagnostics()).contains("warning translation.stale content/es/pages/about.md:"
                + lineOf("content/es/pages/about.md", "translated_from:") + ":1");
    }

    @Test
    void aTranslationNeverMarkedIsReportedWithTheCommandToRun() throws IOException {
        Path page = project.resolve("content/es/pages/about.md");
        Files.writeString(page, Files.readString(page).replaceAll("translated_from: .*\n", ""));

        var check = check();

        assertThat(check.diagnostics()).containsExactly("warning translation.unmarked content/es/pages/about.md:1:1");
        assertThat(check.message("translation.unmarked")).contains("content/pages/about.md")
                .contains("run bin/patella translated content/es/pages/about.md");
    }

    @Test
    void aStampTypedByHandIsReportedAtItsLine() throws IOException {
        Path page = project.resolve("content/es/pages/about.md");
        Files.writeString(page, Files.readString(page).replaceAll("translated_from: .*\n",
                "translated_from: up to date\n"));

        var check = check();

        assertThat(check.diagnostics()).containsExactly("warning translation.unmarked content/es/pages/about.md:"
                + lineOf("content/es/pages/about.md", "translated_from:") + ":1");
        assertThat(check.message("translation.unmarked")).contains("never by hand");
    }

    @Test
    void aFieldTheSourceGainedIsReportedMissingWithTheSourceLine() throws IOException {
        edit(ENGLISH, "  per_side: true", "  per_side: true\n  hold_seconds: 5");

        var check = check();

        assertThat(check.diagnostics()).as(check.err()).containsExactlyInAnyOrder(
                "warning translation.stale " + SPANISH + ":" + lineOf(SPANISH, "translated_from:") + ":1",
                "warning translation.missing-field " + SPANISH + ":" + lineOf(SPANISH, "dose:") + ":1");
        assertThat(check.message("translation.missing-field")).contains("\"dose.hold_seconds\"")
                .contains(ENGLISH + ":" + lineOf(ENGLISH, "  hold_seconds:") + ":3");
    }

    @Test
    void aSiteInOneLanguageIsNotChecked() throws IOException {
        edit("content/site.yaml", "languages: [en, es]\n", "");
        edit(ENGLISH, "  sets: 3", "  sets: 4");

        var check = check();

        assertThat(check.diagnostics()).as(check.err()).noneMatch(d -> d.contains(" translation."));
    }

    @Test
    void theShippedSiteHasNoDrift() {
        Path shipped = TestSites.shipped(tmp.resolve("shipped"));

        var check = TestSites.run("check", "--project", shipped.toString());

        assertThat(check.diagnostics()).as(check.err()).noneMatch(d -> d.contains(" translation."));
    }

    /** A Spanish page whose own numbers are wrong, with its English source unchanged: one mistake at a time. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
            "another dose in a number field|  sets: 3|  sets: 2|  sets: 2",
            "another dose in a text field|  reps: 10-15|  reps: 10-12|  reps: 10-12",
            "a step more than the source|  - Levanta la pierna.|  - Levanta la pierna.~  - Bájala.|steps:",
            "a step with a number of its own|  - Levanta la pierna.|  - Levanta la pierna 2 veces.|  - Levanta",
            "another phase of the program|phase: early|phase: later|phase:",
            "another kind of exercise|chain: open|chain: closed|chain:",
            "another side|  per_side: true|  per_side: false|  per_side:"})
    void aTranslationWhoseNumbersAreNotItsSourcesIsReportedAtItsLineAndCannotBeMarked(String name, String from,
            String to, String reportedLine) throws IOException {
        edit(SPANISH, from, to.replace("~", "\n")); // ~ is a line break

        var check = check();

        int line = lineOf(SPANISH, reportedLine) + (reportedLine.equals("steps:") ? 1 : 0); // a list: its first item
        assertThat(check.exitCode()).as(check.err()).isZero();
        assertThat(check.diagnostics()).as(check.err()).singleElement().asString()
                .startsWith("warning translation.numbers " + SPANISH + ":" + line + ":");
        assertThat(check.message("translation.numbers")).contains("in the source; the English source " + ENGLISH
                + " has it at " + ENGLISH + ":");
        var marked = TestSites.run("translated", SPANISH, "--project", project.toString());
        assertThat(marked.exitCode()).as(marked.err()).isEqualTo(1);
        assertThat(marked.err()).contains("[translation.numbers]");
    }

    /**
     * The people: a translation gives only a person's role and bio, and a team's name, so only a
     * change to those makes it stale, not a person's new name; a translated person lacking the bio the
     * English one gained is missing a field, a person the translation leaves out is not.
     */
    @Test
    void translatedPeopleAreStaleWhenARoleOrBioOrATeamsNameChangesNotAPersonsName() throws IOException {
        String people = "content/es/people.yaml";
        edit("content/people.yaml", "  role: Writer\n", "  role: Writer\nana:\n  name: Ana Ruiz\n  role: Illustrator\n"
                + "team:\n  name: Editorial team\n  role: Editors\n  organization: true\n");
        TestSites.write(project.resolve(people), "ed:\n  role: Redactor\nteam:\n  name: Equipo editorial\n"
                + "  role: Editores\n");
        var marked = TestSites.run("translated", people, "--project", project.toString());
        assertThat(marked.exitCode()).as(marked.err()).isZero();
        assertThat(check().diagnostics()).as("marked").noneMatch(d -> d.contains(" translation."));

        edit("content/people.yaml", "name: Ed Itor", "name: Edward Itor");
        assertThat(check().diagnostics()).as("a new name").noneMatch(d -> d.contains(" translation."));

        edit("content/people.yaml", "name: Editorial team", "name: Editorial board");
        var renamed = check();
        assertThat(renamed.diagnostics()).as(renamed.err())
                .containsExactly("warning translation.stale " + people + ":" + lineOf(people, "translated_from:") + ":1");
        assertThat(renamed.message("translation.stale")).contains("changed since this translation was made: team "
                + "(content/people.yaml:" + lineOf("content/people.yaml", "team:") + ":1)");
        assertThat(TestSites.run("translated", people, "--project", project.toString()).exitCode()).isZero();

        edit("content/people.yaml", "role: Writer", "role: Lead writer");
        var stale = check();
        assertThat(stale.diagnostics()).as(stale.err())
                .containsExactly("warning translation.stale " + people + ":" + lineOf(people, "translated_from:") + ":1");
        assertThat(stale.message("translation.stale")).contains("changed since this translation was made: ed "
                + "(content/people.yaml:1:1)");

        edit("content/people.yaml", "role: Lead writer", "role: Lead writer\n  bio: Writes the pages.");
        var missing = check();
        assertThat(missing.diagnostics()).as(missing.err())
                .contains("warning translation.missing-field " + people + ":" + lineOf(people, "ed:") + ":1");
        assertThat(missing.message("translation.missing-field")).contains("\"ed.bio\"");
    }

    /**
     * A mistake the translation's own reader refuses (a required field left out or empty, an exercise that does
     * not exist) is told once, by that error, and not again as a gap or a number that differs from the source.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
            "a required field left out|" + SPANISH + "|summary: Levanta la pierna.~|''|title:|error schema.missing-key",
            "four required fields left out, one error|" + SPANISH + "|feel_it: La parte delantera del muslo.~equipment: []~"
                    + "chain: open~phase: early~|''|title:|error schema.missing-key",
            "a required field left empty|" + SPANISH + "|summary: Levanta la pierna.|summary:|summary:|error schema.missing-key",
            "a required dose left out|" + SPANISH + "|  sets: 3~|''|dose:|error schema.missing-key",
            "a required dose left empty|" + SPANISH + "|  sets: 3|  sets:|  sets:|error schema.wrong-type",
            "an exercise misspelt in a program|content/es/conditions/sore-knee.md|[leg-lift]|[leg-lif]|    exercises:"
                    + "|error ref.unknown-exercise"})
    void aMistakeTheTranslationsReaderRefusesIsToldOnceByItsError(String name, String file, String from, String to,
            String reportedLine, String reported) throws IOException {
        edit(file, from.replace("~", "\n"), to); // ~ is a line break

        var check = check();

        assertThat(check.exitCode()).as(check.err()).isEqualTo(1);
        assertThat(check.diagnostics()).as(check.err()).singleElement().asString()
                .startsWith(reported + " " + file + ":" + lineOf(file, reportedLine) + ":");
    }

    /**
     * A sentence a translation still gives in English, word for word, is named at its place with the English
     * line, and the file cannot be marked translated; a name or term both languages share is not a sentence.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a field left in English|position: Túmbate boca arriba.|position: Lie down on your back.|position:|"
                    + "\"position\" is still the English text, word for word (\"Lie down on your back.\", " + ENGLISH,
            "a paragraph left in English|Ayuda con la [rodilla dolorida](/conditions/sore-knee/).|Helps the [sore knee]"
                    + "(/conditions/sore-knee/).|Helps|This paragraph is still the English text",
            "a muscle's name the languages share|  primary: [cuádriceps]|  primary: [quadriceps]||"})
    void aSentenceLeftInEnglishIsNamedAtItsPlace(String name, String from, String to, String reportedLine,
            String says) throws IOException {
        edit(ENGLISH, "position: Lie down.", "position: Lie down on your back.");
        edit(SPANISH, "position: Túmbate boca arriba.", "position: Túmbate boca arriba, sin prisa.");
        assertThat(TestSites.run("translated", SPANISH, "--project", project.toString()).exitCode()).isZero();
        edit(SPANISH, from.startsWith("position:") ? "position: Túmbate boca arriba, sin prisa." : from, to);

        var check = check();

        assertThat(check.exitCode()).as(check.err()).isZero();
        if (reportedLine == null) {
            assertThat(check.diagnostics()).as(check.err()).isEmpty();
            return;
        }
        assertThat(check.diagnostics()).as(check.err()).singleElement().asString()
                .startsWith("warning translation.same-text " + SPANISH + ":" + lineOf(SPANISH, reportedLine) + ":");
        assertThat(check.message("translation.same-text")).contains(says);
        var marked = TestSites.run("translated", SPANISH, "--project", project.toString());
        assertThat(marked.exitCode()).as(marked.err()).isEqualTo(1);
        assertThat(marked.err()).contains("[translation.same-text]");
    }

    /** A variant of the source's language (British English of English) may keep a sentence word for word. */
    @Test
    void aVariantOfTheSourcesLanguageIsNotAskedToTranslateItsSentences() {
        var folders = new TranslationFolders("en", java.util.List.of("en-GB", "es"));
        assertThat(folders.otherLanguage("content/en-GB/exercises/leg-lift.md")).isFalse();
        assertThat(folders.otherLanguage("content/es/exercises/leg-lift.md")).isTrue();
    }

    /** The program of a translated condition puts its exercises in the phases of its source's. */
    @Test
    void aTranslatedProgramPhaseThatIsNotItsSourcesIsReportedAtItsLine() throws IOException {
        String condition = "content/es/conditions/sore-knee.md";
        edit(condition, "  - phase: early", "  - phase: later");

        var check = check();

        assertThat(check.exitCode()).as(check.err()).isZero();
        assertThat(check.diagnostics()).as(check.err()).singleElement().asString()
                .startsWith("warning translation.numbers " + condition + ":" + lineOf(condition, "  - phase:") + ":");
        assertThat(check.message("translation.numbers")).contains("program item 1.phase is later here, but early in "
                + "the source");
    }

    /** The numbers a text holds are named in the order it gives them, not sorted as words ("8-12" is 8, 12). */
    @Test
    void theNumbersOfAWrongRangeAreNamedInTheirOrder() throws IOException {
        edit(SPANISH, "  reps: 10-15", "  reps: 8-12");

        var check = check();

        assertThat(check.message("translation.numbers")).contains("dose.reps has the numbers 8, 12 here, but 10, 15 "
                + "in the source");
    }

    /**
     * A translated glossary keeps the English ids. One that is misspelt ({@code kneee:}) or
     * translated ({@code Rodilla:}) is one error at that id, naming the English id it stands for (the
     * closest in spelling, else the only term not translated), and nothing else: not the
     * {@code see_also} lines that name the English id rightly, nor the English term as missing.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "kneee|did you mean \"knee\"?",
        "Rodilla|did you mean \"knee\", the one term of content/glossary.yaml that this file does not translate yet?"})
    void aTranslatedGlossaryIdTheEnglishGlossaryLacksIsOneErrorThatNamesTheEnglishId(String id, String advice)
            throws IOException {
        Files.writeString(project.resolve("content/glossary.yaml"), """
                thigh:
                  term: thigh
                  definition: The top part of the leg.
                  see_also: [knee]
                knee:
                  term: knee
                  also: [knees]
                  definition: The joint in the middle of the leg.
                """);
        Files.writeString(project.resolve("content/es/glossary.yaml"), """
                thigh:
                  term: muslo
                  definition: La parte de arriba de la pierna.
                  see_also: [knee]
                knee:
                  term: rodilla
                  also: [rodillas]
                  definition: La articulación del medio de la pierna.
                """);
        var marked = TestSites.run("translated", "content/es/glossary.yaml", "--project", project.toString());
        assertThat(marked.exitCode()).as(marked.err()).isZero();
        assertThat(check().diagnostics()).as("the glossaries as written").isEmpty();
        edit("content/es/glossary.yaml", "\nknee:", "\n" + id + ":");

        var check = check();

        assertThat(check.diagnostics()).as(check.err())
                .containsExactly("error translation.no-source content/es/glossary.yaml:" + lineOf("content/es/glossary.yaml", id + ":") + ":1");
        assertThat(check.message("translation.no-source"))
                .startsWith("content/glossary.yaml has no term \"" + id + "\"").contains(advice);
    }

    private TestSites.Run check() {
        return TestSites.run("check", "--project", project.toString());
    }

    private void edit(String file, String from, String to) throws IOException {
        Path path = project.resolve(file);
        String text = Files.readString(path);
        assertThat(text).contains(from);
        Files.writeString(path, text.replace(from, to));
    }

    private int lineOf(String file, String start) throws IOException {
        var lines = Files.readAllLines(project.resolve(file));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(start)) {
                return i + 1;
            }
        }
        throw new AssertionError(start + " is not in " + file);
    }
}
