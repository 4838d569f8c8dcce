package dev.patella.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patella.TestSites;
import dev.patella.source.QuickHash;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Builds after the first write only what changed, and stop at once when nothing did. */
class IncrementalBuildTest {

    @TempDir
    Path tmp;

    @Test
    void unchangedProjectBuildsAtOnceWritesNothingAndRepeatsItsWarnings() {
        Path project = TestSites.project(tmp.resolve("p"), "overdue");
        var first = TestSites.run("build", "--project", project.toString());
        assertThat(first.out()).contains("changed)").doesNotContain("none changed");
        var before = TestSites.snapshot(project.resolve("site"));

        var second = TestSites.run("build", "--project", project.toString());

        assertThat(second.exitCode()).isZero();
        assertThat(second.out()).contains("none changed");
        assertThat(second.diagnostics()).isEqualTo(first.diagnostics()).isNotEmpty();
        assertThat(TestSites.snapshot(project.resolve("site"))).containsExactlyInAnyOrderEntriesOf(before);
    }

    @Test
    void oneChangedPageWritesOnlyTheFilesThatChanged() throws Exception {
        Path project = builtThenAboutEdited("About *us*.");
        Path about = project.resolve("content/pages/about.md");
        TestSites.run("build", "--project", project.toString()); // the first site becomes the back buffer
        // the same words each time: a new word would also change the search index and the search page
        Files.writeString(about, Files.readString(about).replace("About *us*.", "About **us**."));

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("\\(\\d+ files, [12] changed\\)");
        assertThat(TestSites.read(project.resolve("site/about/index.html"))).contains("About <strong>us</strong>.");
    }

    @Test
    void anEditUndoneIsCountedAsAChangeToTheSiteItReplaces() throws Exception {
        Path project = built();
        Path about = project.resolve("content/pages/about.md");
        String original = Files.readString(about);
        Files.writeString(about, original.replace("About us.", "About *us*."));
        var edited = TestSites.run("build", "--project", project.toString());
        assertThat(edited.out()).doesNotContain("none changed");
        Files.writeString(about, original); // back as it was: the twin .site.back/ already holds this site

        var undone = TestSites.run("build", "--project", project.toString());

        assertThat(undone.exitCode()).as(undone.err()).isZero();
        assertThat(TestSites.read(project.resolve("site/about/index.html"))).contains("About us.")
                .doesNotContain("<em>us</em>");
        assertThat(undone.out()).containsPattern("\\(\\d+ files, [12] changed\\)");
    }

    @Test
    void siteChangedByHandIsRebuiltAndASeriesOfBuildsMatchesAFreshOne() throws Exception {
        Path project = built();
        TestSites.write(project.resolve("content/pages/extra.md"), "---\ntitle: Extra\nsummary: More.\n---\nMore.\n");
        TestSites.run("build", "--project", project.toString());
        Files.delete(project.resolve("content/pages/extra.md"));
        TestSites.run("build", "--project", project.toString());
        Files.delete(project.resolve("site/about/index.html")); // someone tidies site/ by hand

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.out()).doesNotContain("none changed");
        assertThat(run.err()).contains("about/index.html is a file the last build wrote, and is gone");
        assertThat(sameAsAFreshBuild(project)).contains("about/index.html").doesNotContain("extra/index.html");
    }

    /**
     * A build replaces site/ whole, so a change made there by hand is undone: the build says which
     * file differed and where the folder as it was went, once.
     */
    @Test
    void aFileOfSiteChangedByHandIsNamedAndTheFolderAsItWasKeptUntilTheNextBuild() throws Exception {
        Path project = built();
        Path about = project.resolve("site/about/index.html");
        String built = Files.readString(about);
        Files.writeString(about, "changed by hand");

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        Path site = project.toAbsolutePath().normalize().resolve("site");
        assertThat(run.err()).contains("patella: warning: " + site.resolve("about/index.html")
                        + " is not the size the last build wrote: " + site + " was changed since the last build, "
                        + "outside Patella.")
                .contains("make lasting changes in content/ or templates/")
                .contains("The folder as it was is in " + site.resolveSibling(".site.back") + " until the next build "
                        + "that changes the site.");
        assertThat(run.out()).as("the summary counts it").contains(" with 1 warning");
        assertThat(Files.readString(about)).isEqualTo(built);
        assertThat(Files.readString(project.resolve(".site.back/about/index.html"))).isEqualTo("changed by hand");
        var next = TestSites.run("build", "--project", project.toString());
        assertThat(next.err()).doesNotContain("outside Patella");
        assertThat(next.out()).doesNotContain("warning");
    }

    /**
     * A folder of site/ removed, or replaced by a file, is named itself, not the first of the
     * folders it held (exercises/leg-lift/).
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aFolderOfSiteRemovedByHandIsNamed(boolean replacedByAFile) throws Exception {
        Path project = built();
        Path exercises = project.resolve("site/exercises");
        assertThat(exercises.resolve("leg-lift/index.html")).exists();
        try (Stream<Path> all = Files.walk(exercises)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        if (replacedByAFile) {
            Files.writeString(exercises, "a file");
        }

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("patella: warning: " + exercises.toAbsolutePath().normalize()
                + (replacedByAFile ? " is no longer a folder: " : " is a folder the last build wrote, and is gone: "));
        assertThat(exercises.resolve("leg-lift/index.html")).exists();
    }

    /**
     * A build trusts a folder of site/ whose time is the one the last build saw, and settled before
     * it was seen, without reading its list of files: a file put into it later changes that time.
     */
    @Test
    void aFilePutIntoSiteByHandLongAfterTheLastBuildIsFoundAndRemoved() throws Exception {
        Path project = builtWithFolderTimesFrom(HOUR_AGO);
        assertThat(Files.getLastModifiedTime(project.resolve("site/sources"))).isEqualTo(HOUR_AGO);
        assertThat(manifest(project)).contains("folder " + HOUR_AGO.to(TimeUnit.NANOSECONDS) + " sources");

        Files.writeString(project.resolve("site/sources/extra.html"), "put here by hand");
        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("sources/extra.html is a file the last build did not write");
        assertThat(sameAsAFreshBuild(project)).contains("sources/index.html").doesNotContain("sources/extra.html");
    }

    /**
     * A folder's time recorded within 2 seconds of being seen is not trusted: a file system whose
     * clock counts in seconds can give a folder that gets a file in that second the same time.
     */
    @Test
    void aFilePutIntoSiteByHandIsFoundWhenItsFolderTimeIsTheOneSeenSecondsBefore() throws Exception {
        Path project = builtThenAboutEdited("About *us*.");
        TestSites.run("build", "--project", project.toString());
        editAbout(project, "About **us**.");
        // the back buffer, which this build brings up to date and publishes, got a file a moment ago
        FileTime moment = FileTime.from(Instant.now());
        Files.setLastModifiedTime(project.resolve(".site.back/sources"), moment);
        TestSites.run("build", "--project", project.toString());
        Path sources = project.resolve("site/sources");
        assertThat(Files.getLastModifiedTime(sources)).isEqualTo(moment);
        assertThat(manifest(project)).contains("folder " + moment.to(TimeUnit.NANOSECONDS) + " sources");

        Files.writeString(sources.resolve("extra.html"), "put here by hand");
        Files.setLastModifiedTime(sources, moment); // in the same tick of a coarse clock
        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(sameAsAFreshBuild(project)).contains("sources/index.html").doesNotContain("sources/extra.html");
    }

    /**
     * A manifest changed by hand to name a file outside its folder is not trusted: the file there
     * is never taken for one of the site's (nor removed as one no longer wanted).
     */
    @Test
    void aManifestNamingAFileOutsideItsFolderIsNotTrusted() throws Exception {
        Path project = builtWithFolderTimesFrom(HOUR_AGO);
        Path victim = Files.writeString(project.resolve("victim.txt"), "keep");
        Files.setLastModifiedTime(project, HOUR_AGO); // the project's folder, with a time as trusted as the site's
        Files.writeString(project.resolve(".site.back.manifest"), "0123abcd 4 ../victim.txt\nfolder "
                + HOUR_AGO.to(TimeUnit.NANOSECONDS) + " ..\n", StandardOpenOption.APPEND);
        editAbout(project, "About us.");

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(victim).hasContent("keep");
        assertThat(sameAsAFreshBuild(project)).contains("about/index.html");
    }

    private static final FileTime HOUR_AGO = FileTime.from(Instant.now().minus(Duration.ofHours(1)));

    /** A copy of the minimal site, built once. */
    private Path built() {
        Path project = TestSites.project(tmp.resolve("p"));
        TestSites.run("build", "--project", project.toString());
        return project;
    }

    /**
     * The minimal site built three times, its folders' times set to {@code time} before the last
     * build (as if the builds were then), which sees them and records them as settled; the project.
     */
    private Path builtWithFolderTimesFrom(FileTime time) throws IOException {
        Path project = builtThenAboutEdited("About *us*.");
        TestSites.run("build", "--project", project.toString());
        setFolderTimes(project.resolve("site"), time);
        setFolderTimes(project.resolve(".site.back"), time);
        editAbout(project, "About **us**.");
        TestSites.run("build", "--project", project.toString());
        return project;
    }

    /** The lines of the manifest beside site/; its folders' times follow its files' hashes. */
    private static List<String> manifest(Path project) throws IOException {
        return Files.readAllLines(project.resolve(".site.manifest"), StandardCharsets.UTF_8);
    }

    private static void setFolderTimes(Path root, FileTime time) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path path : all.filter(Files::isDirectory).toList()) {
                Files.setLastModifiedTime(path, time);
            }
        }
    }

    private static void editAbout(Path project, String edited) throws IOException {
        Path about = project.resolve("content/pages/about.md");
        Files.writeString(about, Files.readString(about).replaceAll("About \\**us\\**\\.", edited));
    }

    /** Asserts that the project's site/ holds what a fresh build of it writes, byte for byte; its files' paths. */
    private Set<String> sameAsAFreshBuild(Path project) {
        TestSites.run("build", "--project", project.toString(), "--output", tmp.resolve("fresh").toString());
        var built = TestSites.snapshot(project.resolve("site"));
        var fresh = TestSites.snapshot(tmp.resolve("fresh"));
        assertThat(built.keySet()).isEqualTo(fresh.keySet());
        built.forEach((path, bytes) -> assertThat(bytes).as(path).isEqualTo(fresh.get(path)));
        return built.keySet();
    }

    @Test
    void changedReferenceIsFormattedAgainNotTakenFromTheCache() throws Exception {
        Path project = built();
        assertThat(project.resolve(".patella/references")).isRegularFile();
        Path sources = project.resolve("content/sources.yaml");
        Files.writeString(sources, Files.readString(sources).replace("title: A study", "title: A better study"));

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(TestSites.read(project.resolve("site/sources/index.html"))).contains("A better study")
                .doesNotContain("A study.");
    }

    @Test
    void damagedReferencesNoteIsIgnoredAndTheReferencesFormattedAgain() throws Exception {
        Path project = built();
        Path note = project.resolve(".patella/references");
        byte[] bytes = Files.readAllBytes(note);
        int at = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("A study");
        assertThat(at).as("a formatted reference in the note").isPositive();
        byte[] damage = "A stuXy".getBytes(StandardCharsets.US_ASCII); // printable, the same length
        System.arraycopy(damage, 0, bytes, at, damage.length);
        Files.write(note, bytes);
        // an edit elsewhere, so that the build does not stop at once as nothing changed
        Path about = project.resolve("content/pages/about.md");
        Files.writeString(about, Files.readString(about).replace("About us.", "About *us*."));

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        Path clean = TestSites.project(tmp.resolve("clean")); // the same input, never built
        Files.writeString(clean.resolve("content/pages/about.md"), Files.readString(about));
        TestSites.run("build", "--project", clean.toString(), "--output", tmp.resolve("fresh").toString());
        assertThat(TestSites.read(tmp.resolve("fresh/sources/index.html"))).contains("A study");
        var built = TestSites.snapshot(project.resolve("site"));
        var fresh = TestSites.snapshot(tmp.resolve("fresh"));
        assertThat(built.keySet()).isEqualTo(fresh.keySet()).contains("sources/index.html");
        built.forEach((path, bytesBuilt) -> assertThat(new String(bytesBuilt, StandardCharsets.UTF_8)).as(path)
                .isEqualTo(new String(fresh.get(path), StandardCharsets.UTF_8)));
    }

    @Test
    void theManifestBesideTheSiteGivesEveryFileTheHashOfItsBytesAfterARebuild() throws Exception {
        // a new word: the search index, named by its hash, and the pages that name it change too
        Path project = builtThenAboutEdited("About us, physiotherapists.");

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        var site = TestSites.snapshot(project.resolve("site"));
        // (after the files' lines, those of the folders' times: see theSiteIsCheckedAgainstItsManifest...)
        var lines = Files.readAllLines(project.resolve(".site.manifest"), StandardCharsets.UTF_8).stream()
                .filter(line -> !line.startsWith("folder ") && !line.startsWith("seen ")).toList();
        assertThat(lines).hasSameSizeAs(site.keySet()).anyMatch(l -> l.matches(".* assets/search-index\\.\\w+\\.json"));
        for (String line : lines) {
            String[] parts = line.split(" ", 3);
            byte[] bytes = site.get(parts[2]);
            assertThat(bytes).as(parts[2]).isNotNull();
            assertThat(parts[0]).as(parts[2])
                    .isEqualTo(QuickHash.hexOf(bytes));
        }
    }

    /** The minimal site built once, then its about page's "About us." changed to {@code edited}; the project. */
    private Path builtThenAboutEdited(String edited) throws IOException {
        Path project = built();
        Path about = project.resolve("content/pages/about.md");
        Files.writeString(about, Files.readString(about).replace("About us.", edited));
        return project;
    }
}
