package dev.patella.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patella.TestSites;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What an editor meets on the shipped two-language site when an English page changes under its
 * Spanish translation: each mistake is told once, in the file to fix, with the fix that the
 * README's rules for translations call for.
 */
class TranslationEditorMistakesTest {

    private static final String CLAMSHELL = "content/exercises/clamshell.md";
    private static final String ES_CLAMSHELL = "content/es/exercises/clamshell.md";
    private static final String PROGRAM = "content/conditions/chondromalacia-patella.md";
    private static final String ES_PROGRAM = "content/es/conditions/chondromalacia-patella.md";

    @TempDir
    Path tmp;

    /** The English clamshell taken down: a draft, out of the English program and the English pages' links. */
    private Path clamshellWithdrawnInEnglish() {
        Path project = TestSites.shipped(tmp.resolve("p"));
        replace(project, CLAMSHELL, "draft: false", "draft: true");
        replace(project, PROGRAM, "side-lying-leg-raise, clamshell, hip", "side-lying-leg-raise, hip");
        replace(project, "content/exercises/straight-leg-raise.md", ", [clamshell](/exercises/clamshell/),", ",");
        replace(project, "content/exercises/side-lying-leg-raise.md", " It pairs well with the [clamshell]"
                + "(/exercises/clamshell/), which works the same hip muscle in a different way.", "");
        return project;
    }

    @Test
    void aTranslationOfADraftIsADraftSoTheTranslatedProgramAndLinksToItAreTold() {
        Path project = clamshellWithdrawnInEnglish();
        Path site = project.resolve("site");

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.errors()).as(run.err()).containsExactlyInAnyOrder(
                "error ref.draft-exercise " + ES_PROGRAM + ":30:59",
                "error link.broken content/es/exercises/side-lying-leg-raise.md:63:278",
                "error link.broken content/es/exercises/straight-leg-raise.md:60:221");
        assertThat(run.message("ref.draft-exercise")).contains("\"draft: true\" in " + CLAMSHELL + ", which "
                + ES_CLAMSHELL + " translates");
        assertThat(run.message("link.broken")).contains("a draft (\"draft: true\" in " + CLAMSHELL + ")");
        assertThat(site).doesNotExist();
    }

    @Test
    void aTranslationOfADraftIsPublishedOnlyWithDrafts() {
        Path project = clamshellWithdrawnInEnglish();
        replace(project, ES_PROGRAM, "side-lying-leg-raise, clamshell, hip", "side-lying-leg-raise, hip");
        replace(project, "content/es/exercises/straight-leg-raise.md", ", [la almeja](/exercises/clamshell/)", "");
        replace(project, "content/es/exercises/side-lying-leg-raise.md", " Combina bien con [la almeja]"
                + "(/exercises/clamshell/), que trabaja el mismo músculo de la cadera de otra forma.", "");

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
        assertThat(project.resolve("site/es/exercises/clamshell")).doesNotExist();
        assertThat(project.resolve("site/exercises/clamshell")).doesNotExist();
        assertThat(TestSites.read(project.resolve("site/es/exercises/index.html"))).doesNotContain("clamshell");

        var drafts = TestSites.run("build", "--drafts", "--project", project.toString());

        assertThat(drafts.exitCode()).as(drafts.err()).isEqualTo(0);
        assertThat(project.resolve("site/es/exercises/clamshell/index.html")).exists();
    }

    @Test
    void aLanguageFolderLeftOutOfLanguagesIsAnErrorNotASilentlyDroppedEdition() {
        Path project = TestSites.shipped(tmp.resolve("p"));
        replace(project, "content/site.yaml", "languages: [en, es]\n", "");
        // a folder of the editor's own, and one named as a language that holds no translation, stay warnings
        TestSites.write(project.resolve("content/notes/todo.md"), "Ask about the dose.\n");
        TestSites.write(project.resolve("content/fr/todo.txt"), "Later.\n");

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.diagnostics()).as(run.err()).containsExactlyInAnyOrder(
                "error language.not-listed content/es:1:1",
                "warning content.unknown-file content/notes:1:1",
                "warning content.unknown-file content/fr:1:1");
        assertThat(run.message("language.not-listed")).contains("add es to languages: in content/site.yaml "
                + "(languages: [en, es]), or remove the folder");
        assertThat(project.resolve("site")).doesNotExist();
    }

    /** The Spanish semi squat keeps the English one's old addresses: a clash there is the English one, told once. */
    @Test
    void anOldAddressThatClashesInEveryLanguageIsToldOnceNamingTheDefaultLanguagesPage() {
        Path project = TestSites.shipped(tmp.resolve("p"));
        replace(project, "content/exercises/semi-squat.md", "draft: false\n", "draft: false\nmoved_from: [/about/]\n");

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.errors()).as(run.err()).containsExactly("error moved.clash content/exercises/semi-squat.md:63:14");
        assertThat(run.message("moved.clash")).startsWith("the old address /about/ is the address of "
                + "content/pages/about.md,");
    }

    /** An old address free in English but taken by a translation at a slug of its own is told, naming it. */
    @Test
    void anOldAddressThatClashesOnlyInATranslationIsToldNamingTheTranslation() {
        Path project = TestSites.shipped(tmp.resolve("p"));
        replace(project, "content/exercises/semi-squat.md", "draft: false\n", "draft: false\nmoved_from: [almeja]\n");
        replace(project, ES_CLAMSHELL, "draft: false\n", "draft: false\nslug: almeja\n");

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.errors()).as(run.err()).containsExactly("error moved.clash content/exercises/semi-squat.md:63:14");
        assertThat(run.message("moved.clash")).startsWith("the old address /exercises/almeja/ is the address of "
                + ES_CLAMSHELL + ",");
    }

    /** A mistake in a source is told by its error alone: not also as a change the translation should follow. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[@gasnick].|[@gasnik].|error cite.unknown-key " + CLAMSHELL + ":59:260",
        "src: /images/clamshell.svg|src: /images/clamshel.svg|error link.missing-file " + CLAMSHELL + ":46:8"})
    void aSourceWithAnErrorIsNotCalledChangedUnderItsTranslation(String from, String to, String error) {
        Path project = TestSites.shipped(tmp.resolve("p"));
        replace(project, CLAMSHELL, from, to);

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.diagnostics()).as(run.err()).containsExactly(error);
    }

    @Test
    void aTranslationIsNotMarkedWhileItsSourceHasErrors() {
        Path project = TestSites.shipped(tmp.resolve("p"));
        replace(project, CLAMSHELL, "[@gasnick].", "[@gasnik].");
        String before = TestSites.read(project.resolve(ES_CLAMSHELL));

        var run = TestSites.run("translated", ES_CLAMSHELL, "--project", project.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).contains(ES_CLAMSHELL + " was not marked: its source " + CLAMSHELL + " has 1 error")
                .contains("there is no source \"gasnik\"").doesNotContain("Exception");
        assertThat(TestSites.read(project.resolve(ES_CLAMSHELL))).isEqualTo(before);
    }

    @Test
    void markingTheEnglishFileByMistakeIsToldTheTranslationsFile() {
        Path project = TestSites.shipped(tmp.resolve("p"));

        var run = TestSites.run("translated", CLAMSHELL, "--project", project.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains(CLAMSHELL + " is not a translation but the English source: name the "
                + "translation's file, " + ES_CLAMSHELL).doesNotContain("not one of the site's other languages");
    }

    /**
     * After "slug: clam" in the English clamshell, the Spanish program is told where its slug comes from,
     * the Spanish links the address a translation writes (the English one), and the links moved_from.
     */
    @Test
    void aSlugRenameTellsTranslationsTheSourcesSlugAndTheLinksMovedFrom() {
        Path project = TestSites.shipped(tmp.resolve("p"));
        replace(project, CLAMSHELL, "draft: false\n", "draft: false\nslug: clam\n");

        var run = TestSites.run("build", "--project", project.toString());

        String esProgram = message(run, "ref.unknown-exercise", ES_PROGRAM);
        assertThat(esProgram).contains(ES_CLAMSHELL + " has no \"slug:\" of its own and inherits the slug \"clam\" from "
                + CLAMSHELL).contains("write \"clam\" here").doesNotContain(ES_CLAMSHELL + " has the slug");
        assertThat(message(run, "ref.unknown-exercise", PROGRAM)).contains("write \"clam\" here")
                .contains("\"moved_from: [clamshell]\" to " + CLAMSHELL);
        String esLink = message(run, "link.broken", "content/es/exercises/straight-leg-raise.md");
        assertThat(esLink).contains("link to /exercises/clam/ instead").doesNotContain("/es/exercises/clam/")
                .contains("\"moved_from: [clamshell]\" in " + CLAMSHELL);
        assertThat(message(run, "link.broken", "content/exercises/straight-leg-raise.md"))
                .contains("link to /exercises/clam/ instead").contains("\"moved_from: [clamshell]\" in " + CLAMSHELL);
    }

    /** A broken link in a translation is offered the address a translation writes, not its own edition's. */
    @Test
    void aBrokenLinkInATranslationIsOfferedTheSourcesAddress() {
        Path project = TestSites.shipped(tmp.resolve("p"));
        replace(project, ES_CLAMSHELL, "draft: false\n", "draft: false\nslug: almeja\n");
        replace(project, "content/es/exercises/straight-leg-raise.md", "[la almeja](/exercises/clamshell/)",
                "[la almeja](/exercises/clamshel/)");

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.errors()).as(run.err()).containsExactly(
                "error link.broken content/es/exercises/straight-leg-raise.md:60:221");
        // the address as the file writes it, then as its page shows it
        assertThat(run.message("link.broken")).startsWith("the link points at /exercises/clamshel/ "
                + "(/es/exercises/clamshel/ on this page), but the site has no such page")
                .endsWith("did you mean /exercises/clamshell/?");
    }

    /** The message of the diagnostic with this code in this file. */
    private static String message(TestSites.Run run, String code, String file) {
        return run.err().lines().filter(l -> l.startsWith(file + ":") && l.endsWith("[" + code + "]")).findFirst()
                .orElseThrow(() -> new AssertionError("no " + code + " in " + file + ":\n" + run.err()));
    }

    static void replace(Path project, String file, String from, String to) {
        Path path = project.resolve(file);
        String text = TestSites.read(path);
        assertThat(text).as(file).contains(from);
        TestSites.write(path, text.replace(from, to));
    }
}
