package dev.patella.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patella.TestSites;
import dev.patella.cite.ReferenceFormatter;
import dev.patella.config.BuildOptions;
import dev.patella.diag.Diagnostic;
import dev.patella.diag.Diagnostics;
import dev.patella.render.RenderCache;
import dev.patella.validate.EditorialChecks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A long-lived session rebuilds only what a change touches, and gives what a full build gives. */
class SiteSessionTest {

    @TempDir
    Path tmp;

    private Path project;
    private SiteSession session;

    @BeforeEach
    void buildOnce() {
        project = TestSites.project(tmp.resolve("p"), "two-conditions");
        session = newSession();
        var first = build(Changes.everything());
        assertThat(first.rendered()).hasSize(14);
    }

    @Test
    void editingAnExerciseBodyRendersOnlyItsOwnPage() {
        // the same words (a new word would also change the search index, and so the search page)
        edit("content/exercises/leg-lift.md", "Helps the", "Helps *the*");

        var build = build(changed("content/exercises/leg-lift.md"));

        // no other page shows the body, not even the printable programs
        assertThat(build.rendered()).containsExactly("/exercises/leg-lift/");
        assertThat(build.changed()).contains("exercises/leg-lift/index.html").doesNotContain("index.html",
                "exercises/side-step/index.html", "about/index.html");
    }

    @Test
    void editingAnExerciseStepRendersItsPageAndThePrintableProgramsAndTheHandoutMakerThatShowIt() {
        edit("content/exercises/leg-lift.md", "- Lift the leg.", "- Lift the leg!");

        var build = build(changed("content/exercises/leg-lift.md"));

        assertThat(build.rendered()).containsExactly("/conditions/sore-knee/program/", "/conditions/stiff-hip/program/",
                "/exercises/leg-lift/", "/handout/");
    }

    @Test
    void renamingAnExerciseAlsoRendersThePagesThatListIt() {
        edit("content/exercises/leg-lift.md", "title: Leg lift", "title: Straight leg lift");

        var build = build(changed("content/exercises/leg-lift.md"));

        assertThat(build.rendered()).containsExactly("/", "/conditions/sore-knee/", "/conditions/sore-knee/program/",
                "/conditions/stiff-hip/", "/conditions/stiff-hip/program/", "/exercises/", "/exercises/leg-lift/",
                "/handout/", "/search/");
    }

    @Test
    void editingATemplateRendersEveryPage() {
        edit("templates/exercise.ftlh", "<h2 id=\"steps\">", "<h2 id=\"steps\" class=\"edited\">");

        var build = build(changed("templates/exercise.ftlh"));

        assertThat(build.rendered()).hasSize(14);
        assertThat(build.changed()).contains("exercises/leg-lift/index.html", "exercises/side-step/index.html")
                .doesNotContain("about/index.html");
    }

    @Test
    void savingAFileWithoutChangesRendersNothing() {
        var build = build(changed("content/exercises/leg-lift.md"));

        assertThat(build.rendered()).isEmpty();
        assertThat(build.changed()).isEmpty();
    }

    @Test
    void anUnchangedBrokenFileIsStillReportedAfterAnotherFileChanges() {
        edit("content/pages/about.md", "summary:", "summery:");
        assertThat(codes(changed("content/pages/about.md"))).contains("schema.unknown-key");

        // the same words (a new word would also change the search index, and so the search page)
        edit("content/exercises/leg-lift.md", "Helps the", "Helps *the*");

        assertThat(codes(changed("content/exercises/leg-lift.md"))).contains("schema.unknown-key");
    }

    @Test
    void aSeriesOfEditsGivesTheSameFilesAsAFullBuild() {
        edit("content/exercises/leg-lift.md", "title: Leg lift", "title: Leg raise");
        build(changed("content/exercises/leg-lift.md"));
        edit("content/conditions/stiff-hip.md", "exercises: [side-step, leg-lift]", "exercises: [leg-lift, side-step]");
        build(changed("content/conditions/stiff-hip.md"));
        TestSites.write(project.resolve("content/pages/contact.md"), "---\ntitle: Contact\nsummary: How to reach us.\n"
                + "nav: true\n---\nWrite to us. See the [leg raise](/exercises/leg-lift/#steps).\n");
        var incremental = build(changed("content/pages/contact.md"));

        var full = newSession().build(Changes.everything(), new Diagnostics());

        assertThat(incremental.rendered()).hasSize(15);
        Map<String, byte[]> expected = full.files().generated();
        assertThat(incremental.files().generated().keySet()).isEqualTo(expected.keySet());
        expected.forEach((path, bytes) -> assertThat(new String(incremental.files().generated().get(path)))
                .as(path).isEqualTo(new String(bytes)));
    }

    @Test
    void optionalEquipmentAddedWhileServingReachesTheListFiltersHomeAndConditionPages() {
        edit("content/exercises/leg-lift.md", "equipment: []", "equipment: []\noptional_equipment: [yoga mat]");
        var incremental = build(changed("content/exercises/leg-lift.md"));

        var full = newSession().build(Changes.everything(), new Diagnostics());

        assertThat(new String(full.files().generated().get("exercises/index.html"))).contains("Yoga mat");
        assertThat(incremental.rendered()).contains("/", "/conditions/sore-knee/", "/exercises/",
                "/exercises/leg-lift/");
        assertSameFiles(incremental, full);
    }

    @Test
    void redrawingAnExercisesIllustrationAtAnotherSizeReachesItsPageWhileServing() {
        // the drawing's size is read from its file, which no record holds
        Path image = project.resolve("content/images/leg-lift.svg");
        TestSites.write(image, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 300 200\"></svg>\n");
        edit("content/exercises/leg-lift.md", "equipment: []", "equipment: []\nillustration:\n  src: /images/leg-lift.svg\n"
                + "  alt: A person lying on their back lifts one straight leg.\n  credit: Drawn for this test.\n");
        build(Changes.of(List.of(image, project.resolve("content/exercises/leg-lift.md"))));
        TestSites.write(image, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 480 320\"></svg>\n");

        var incremental = build(Changes.of(List.of(image)));

        assertThat(new String(incremental.files().generated().get("exercises/leg-lift/index.html")))
                .contains("width=\"480\" height=\"320\"");
        assertSameFiles(incremental, newSession().build(Changes.everything(), new Diagnostics()));
    }

    @Test
    void aPageReviewedLaterThanAllElseMovesTheSitesLastCheckedDateWhileServing() {
        edit("content/pages/about.md", "summary: About this site.", "summary: About this site.\nreviewed: 2026-03-04");

        var incremental = build(changed("content/pages/about.md"));

        assertThat(incremental.rendered()).contains("/", "/about/", "/exercises/", "/handout/");
        assertSameFiles(incremental, newSession().build(Changes.everything(), new Diagnostics()));
    }

    @Test
    void renamingThenDeletingAPageGivesWhatAFullBuildGives() throws Exception {
        // the session keeps the folders' listings between builds: a file event in a folder must list it again
        Path contact = project.resolve("content/pages/contact.md");
        TestSites.write(contact, "---\ntitle: Contact\nsummary: How to reach us.\n---\nWrite to us.\n");
        build(changed("content/pages/contact.md"));
        Path renamed = project.resolve("content/pages/reach-us.md");
        Files.move(contact, renamed);

        var afterRename = build(Changes.of(List.of(contact, renamed)));

        assertThat(afterRename.files().generated()).containsKey("reach-us/index.html").doesNotContainKey("contact/index.html");
        assertSameFiles(afterRename, newSession().build(Changes.everything(), new Diagnostics()));

        Files.delete(renamed);
        var afterDelete = build(changed("content/pages/reach-us.md"));

        assertThat(afterDelete.files().generated()).doesNotContainKey("reach-us/index.html");
        assertSameFiles(afterDelete, newSession().build(Changes.everything(), new Diagnostics()));
    }

    @Test
    void aNewFolderOfTranslationsWhileServingGivesWhatAFullBuildGives() {
        Path two = TestSites.project(tmp.resolve("two"), "two-languages");
        var options = new BuildOptions(two, two.resolve("site"), java.util.Optional.empty(), false, false,
                TestSites.TODAY);
        var live = new SiteSession(options, System::nanoTime);
        live.build(Changes.everything(), new Diagnostics());
        Path about = two.resolve("content/es/pages/about.md");
        TestSites.write(about, "---\ntitle: Acerca de\nsummary: Acerca de este sitio.\n---\nSobre nosotros.\n");

        // only the file is named, not the folder made for it
        var built = live.build(Changes.of(List.of(about)), new Diagnostics());

        assertThat(built.files().generated()).containsKey("es/about/index.html");
        assertSameFiles(built, new SiteSession(options, System::nanoTime).build(Changes.everything(), new Diagnostics()));
    }

    @Test
    void theSecondLanguagesReadingLevelsDoNotPushOutTheFirstLanguages() throws Exception {
        // enough pages that the kept levels are pruned at all (a few spare ones are always kept)
        Path two = TestSites.project(tmp.resolve("two"), "two-languages");
        for (int i = 1; i <= 150; i++) {
            TestSites.write(two.resolve("content/pages/note-" + i + ".md"), "---\ntitle: Note " + i
                    + "\nsummary: A short note.\n---\nRest the knee for a day. Then walk " + i + " steps.\n");
        }
        var editorial = new EditorialChecks();
        var options = new BuildOptions(two, two.resolve("site"), java.util.Optional.empty(), false, false,
                TestSites.TODAY);
        new SiteSession(options, System::nanoTime, ReferenceFormatter.ama(), new RenderCache(), editorial)
                .build(Changes.everything(), new Diagnostics());

        // one session measures each text once: the Spanish edition's check keeps the English pages' levels
        assertThat(editorial.levels().keySet().stream().map(texts -> texts.get(0).at().file()))
                .anyMatch(file -> file.endsWith("pages/note-150.md"))
                .anyMatch(file -> file.contains("es/conditions/"));
    }

    private static void assertSameFiles(SiteBuild incremental, SiteBuild full) {
        Map<String, byte[]> expected = full.files().generated();
        assertThat(incremental.files().generated().keySet()).isEqualTo(expected.keySet());
        expected.forEach((path, bytes) -> assertThat(new String(incremental.files().generated().get(path)))
                .as(path).isEqualTo(new String(bytes)));
    }

    @Test
    void aBodyEditOfAPageExerciseOrConditionIsHandedOutAheadWithTheBytesTheBuildEndsWith() {
        project = TestSites.shipped(tmp.resolve("shipped")); // two languages, a glossary, citations
        session = newSession();
        assertThat(handedOut(Changes.everything())).as("nothing on a first build").isEmpty();
        String added = "\n\nAn added paragraph cites [@gasnick], names the [clamshell](/exercises/clamshell/) and "
                + "says knee cap pain.\n";
        Map<String, String> pageOf = Map.of("content/pages/about.md", "about/index.html",
                "content/exercises/clamshell.md", "exercises/clamshell/index.html",
                "content/conditions/chondromalacia-patella.md", "conditions/chondromalacia-patella/index.html");
        for (String file : pageOf.keySet()) {
            Path path = project.resolve(file);
            String before = TestSites.read(path);
            TestSites.write(path, before + added);

            var handed = handedOut(Changes.of(List.of(path)));

            assertThat(handed).as(file + ": ahead of loading, then once rendered").hasSize(2);
            String url = pageOf.get(file);
            assertThat(handed.get(0)).as(file + ", ahead").containsOnlyKeys(url);
            assertThat(new String(handed.get(0).get(url), StandardCharsets.UTF_8)).contains("An added paragraph");
            TestSites.write(path, before);
            assertThat(handedOut(Changes.of(List.of(path)))).as(file + " put back").hasSize(2);
        }
        // a save through a temporary file renamed over the page (sed -i): the file gone is no page
        edit("content/pages/about.md", "in plain words.", "in plain words, saved by sed.");
        assertThat(handedOut(Changes.of(List.of(project.resolve("content/pages/about.md"),
                project.resolve("content/pages/sedX1b2c3"))))).as("a save through a temporary file").hasSize(2);
        edit("content/pages/about.md", "in plain words, saved by sed.", "in plain words.");
        handedOut(changed("content/pages/about.md"));
        // a stylesheet changed: every page names its new fingerprint, which only the whole build serves
        edit("templates/assets/style.css", "body", "body,\nmain");
        assertThat(handedOut(changed("templates/assets/style.css"))).as("nothing before the whole build").isEmpty();
        // what other pages may show changed: nothing ahead, only what the build renders
        edit("content/pages/about.md", "title: About this site", "title: About us");
        assertThat(handedOut(changed("content/pages/about.md"))).hasSize(1);
        edit("content/pages/about.md", "title: About us", "title: About this site");
        handedOut(changed("content/pages/about.md"));
        // after a build with an error, nothing is shown ahead of the build that says whether it is gone
        edit("content/exercises/clamshell.md", "[@gasnick].", "[@no-such-source].");
        handedOut(changed("content/exercises/clamshell.md"));
        edit("content/exercises/clamshell.md", "[@no-such-source].", "[@gasnick]. Again.");
        assertThat(handedOut(changed("content/exercises/clamshell.md"))).hasSize(1);
    }

    /**
     * Builds after {@code changes}, checks that every page handed out before the build ended has
     * the bytes it ended with, and gives each handful of pages handed out, in order.
     */
    private List<Map<String, byte[]>> handedOut(Changes changes) {
        List<Map<String, byte[]>> handed = new ArrayList<>();
        var build = session.build(changes, new Diagnostics(), handed::add);
        for (Map<String, byte[]> pages : handed) {
            pages.forEach((path, bytes) -> assertThat(new String(bytes, StandardCharsets.UTF_8)).as(path)
                    .isEqualTo(new String(build.files().generated().get(path), StandardCharsets.UTF_8)));
        }
        return handed;
    }

    private SiteSession newSession() {
        return new SiteSession(new BuildOptions(project, project.resolve("site"), java.util.Optional.empty(), false, false,
                TestSites.TODAY), System::nanoTime);
    }

    private SiteBuild build(Changes changes) {
        var diagnostics = new Diagnostics();
        var build = session.build(changes, diagnostics);
        return build;
    }

    private List<String> codes(Changes changes) {
        var diagnostics = new Diagnostics();
        session.build(changes, diagnostics);
        return diagnostics.sorted().stream().map(Diagnostic::code).toList();
    }

    private Changes changed(String file) {
        return Changes.of(List.of(project.resolve(file)));
    }

    private void edit(String file, String from, String to) {
        Path path = project.resolve(file);
        String text = TestSites.read(path);
        assertThat(text).contains(from);
        TestSites.write(path, text.replace(from, to));
    }
}
