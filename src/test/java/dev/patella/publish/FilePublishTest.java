package dev.patella.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patella.TestSites;
import dev.patella.build.ProjectState;
import dev.patella.diag.ShellPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code patella publish --to file:///...}, through the command line as an editor runs it. */
class FilePublishTest {

    @TempDir
    Path tmp;

    private Path project;
    private Path webroot;

    @BeforeEach
    void buildSite() {
        project = TestSites.project(tmp.resolve("p"));
        webroot = tmp.resolve("www");
        build();
    }

    @Test
    void firstPublishUploadsEveryFileOfTheSite() {
        var run = publish();

        int files = TestSites.snapshot(site()).size();
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains(files + " uploaded, 0 deleted, 0 unchanged");
        assertThat(servedFiles()).isEqualTo(digests(site()));
        assertThat(webroot.resolve(".patella-manifest.json")).isRegularFile();
    }

    /**
     * A site still holding the shipped example addresses is published with a warning naming them,
     * dry run or not: readers' reports to mailto:errors@example.org would go nowhere. Real addresses
     * give none.
     */
    @Test
    void aSiteWithExampleAddressesIsPublishedWithAWarningNamingThem() throws IOException {
        project = TestSites.project(tmp.resolve("complete"), "complete");
        build();
        var dry = publish("--dry-run");
        var run = publish();

        for (var r : List.of(dry, run)) {
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.err()).contains("patella: warning: the site still links to example addresses, which lead "
                    + "nowhere: https://example.org/, mailto:errors@example.org").contains("bin/patella check");
        }

        Path settings = project.resolve("content/site.yaml");
        TestSites.write(settings, TestSites.read(settings).replace("https://example.org/", "https://knees.org.uk/")
                .replace("mailto:errors@example.org", "mailto:errors@knees.org.uk"));
        build();
        var real = publish("--base-url", "https://knees.org.uk/");
        assertThat(real.exitCode()).as(real.err()).isZero();
        assertThat(real.err()).doesNotContain("example");
    }

    @Test
    void aLanguageAddedIsPublishedAndItsRemovalDeletesItsPages() throws IOException {
        publish();
        project = TestSites.withMessages(TestSites.project(project, "complete", "two-languages"), "es");
        build();

        var run = publish();

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(servedFiles()).isEqualTo(digests(site()));
        assertThat(TestSites.read(webroot.resolve("es/exercises/elevacion-de-pierna/index.html")))
                .contains("<html lang=\"es\"");
        deleteTree(project.resolve("content/es"));
        Path settings = project.resolve("content/site.yaml");
        TestSites.write(settings, TestSites.read(settings).replace("languages: [en, es]\n", ""));
        // the source only the Spanish condition cited goes with it
        TestSites.write(project.resolve("content/sources.yaml"),
                TestSites.read(TestSites.FIXTURES.resolve("complete/content/sources.yaml")));
        build();

        assertThat(publish().exitCode()).isZero();
        assertThat(webroot.resolve("es")).doesNotExist();
        assertThat(servedFiles()).isEqualTo(digests(site()));
    }

    @Test
    void secondPublishOfTheSameSiteHasNothingToPublish() {
        publish();
        var before = digests(webroot);

        var dry = publish("--dry-run");
        var run = publish();

        for (var r : List.of(dry, run)) { // a dry run says the same, not "0 to upload, 0 to delete"
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.out()).startsWith("Nothing to publish");
        }
        assertThat(digests(webroot)).isEqualTo(before);
    }

    /**
     * A file saved after the last build began (edited since, or read by a build that was stopped)
     * is not in the site: publishing says so, names it, and publishes the build as it is.
     */
    @Test
    void aFileSavedAfterTheLastBuildIsNamedAndTheBuildIsPublishedAsItIs() {
        TestSites.write(project.resolve("content/pages/about.md"), "---\ntitle: About\nsummary: About this site.\n---\n"
                + "Words saved after the build.\n");

        var run = publish();

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("content/pages/about.md was saved after the last build of " + site()
                + " began, so the site being published does not have that change; to publish it, run bin/patella "
                + "build first");
        assertThat(TestSites.read(webroot.resolve("about/index.html"))).doesNotContain("saved after the build");

        build();
        var again = publish();

        assertThat(again.err()).doesNotContain("saved after the last build");
        assertThat(TestSites.read(webroot.resolve("about/index.html"))).contains("saved after the build");
    }

    @Test
    void changedPageIsTheOnlyFileUploaded() {
        publish();
        // the same words (so the search index, which lists each page's words, stays as it was), in bold
        TestSites.write(project.resolve("content/pages/about.md"), "---\ntitle: About\nsummary: About this site.\n---\n"
                + "About **us**.\n");
        build();

        var run = publish();

        int files = TestSites.snapshot(site()).size();
        assertThat(run.out()).contains("1 uploaded, 0 deleted, " + (files - 1) + " unchanged");
        assertThat(TestSites.read(webroot.resolve("about/index.html"))).contains("<strong>us</strong>");
    }

    @Test
    void removedPageIsDeletedWithItsFolder() {
        addPage("extra");
        build();
        publish();
        assertThat(webroot.resolve("extra/index.html")).isRegularFile();
        var published = digests(site());
        removePage("extra");
        build();

        var run = publish();

        // the page goes, and so do the sitemap and search entries that listed it; the publisher is told
        // that its address will lead nowhere (printed handouts carry pages' addresses)
        assertThat(run.out()).contains(changed(published, digests(site())) + " uploaded, "
                + removed(published, digests(site())) + " deleted");
        assertThat(run.err()).contains("patella: warning: a published page goes from the site: /extra/. Links to it "
                + "from other sites, bookmarks and addresses printed on handouts will lead to \"page not found\". "
                + "If a page was only renamed (slug: or its file's name), keep its old address: add it to the renamed "
                + "page's moved_from: list (moved_from: [/extra/])");
        assertThat(webroot.resolve("extra")).doesNotExist();
        assertThat(servedFiles()).isEqualTo(digests(site()));
    }

    /** A page renamed with its old address kept (moved_from): the address stays, as a page that sends readers on. */
    @Test
    void aRenamedPageWhoseOldAddressIsKeptGoesNowhere() {
        addPage("extra");
        build();
        publish();
        removePage("extra");
        TestSites.write(project.resolve("content/pages/more.md"), "---\ntitle: Extra\nsummary: An extra page."
                + "\nmoved_from: [/extra/]\n---\nExtra.\n");
        build();

        var run = publish();

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).doesNotContain("goes from the site");
        assertThat(TestSites.read(webroot.resolve("extra/index.html"))).contains("url=../more/");
        assertThat(TestSites.read(webroot.resolve(".htaccess"))).contains("RedirectMatch 301 \"^/extra(/|/index\\.html)?$\"");
        assertThat(servedFiles()).isEqualTo(digests(site()));
    }

    @Test
    void removedPageIsKeptWithNoDeleteAndDeletedByTheNextPublish() {
        addPage("extra");
        build();
        publish();
        var published = digests(site());
        removePage("extra");
        build();
        int removed = removed(published, digests(site()));

        var kept = publish("--no-delete");
        assertThat(kept.out()).contains(changed(published, digests(site())) + " uploaded, 0 deleted")
                .contains(removed + " kept");
        assertThat(kept.err()).as("a page kept is still there").doesNotContain("goes from the site");
        assertThat(webroot.resolve("extra/index.html")).isRegularFile();

        var later = publish();
        assertThat(later.out()).contains("0 uploaded, " + removed + " deleted");
        assertThat(webroot.resolve("extra")).doesNotExist();
    }

    @Test
    void dryRunListsTheChangesAndChangesNothing() {
        addPage("extra");
        build();
        publish();
        var published = digests(site());
        removePage("extra");
        TestSites.write(project.resolve("content/pages/about.md"), "---\ntitle: About\nsummary: About this site.\n---\n"
                + "Changed.\n");
        build();
        var before = digests(webroot);

        var run = publish("--dry-run");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("a published page goes from the site: /extra/.");
        assertThat(run.out()).contains("  upload  about/index.html (changed)").contains("  delete  extra/index.html")
                .contains(changed(published, digests(site())) + " to upload")
                .contains(removed(published, digests(site())) + " to delete");
        assertThat(digests(webroot)).isEqualTo(before);
    }

    @Test
    void dryRunToANewFolderDoesNotCreateIt() {
        var run = publish("--dry-run");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("  upload  index.html (new)");
        assertThat(webroot).doesNotExist();
    }

    @Test
    void refusesWhenTheSiteWasNeverBuilt() {
        Path unbuilt = TestSites.project(tmp.resolve("unbuilt"));

        var run = TestSites.run("publish", "--project", unbuilt.toString(), "--to", webroot.toUri().toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("patella: there is no built site in").contains("patella build");
        assertThat(webroot).doesNotExist();
    }

    @Test
    void refusesWhenTheLastBuildFailed() {
        TestSites.write(project.resolve("content/pages/about.md"), "---\ntitle: [About\n---\nBroken.\n");
        var failed = TestSites.run("build", "--project", project.toString());
        assertThat(failed.exitCode()).isEqualTo(1);

        var run = publish();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("patella: the last build failed with 1 error").doesNotContain("\tat ");
        assertThat(webroot).doesNotExist();
    }

    /** Drafts are not published: a site built with them is refused until it is built without. */
    @Test
    void refusesASiteBuiltWithDrafts() {
        build("--drafts");

        var run = publish();

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).startsWith("patella: the last build showed drafts (build --drafts)")
                .contains("run bin/patella build, then publish").doesNotContain("\tat ");
        assertThat(webroot).doesNotExist();
        build();
        assertThat(publish().exitCode()).isZero();
    }

    /**
     * A publish that starts while a build replaces the site (its lock held, the site moved aside as
     * between the swap's renames) waits for it, says so, and sends the site the build left.
     */
    @Test
    void waitsForTheBuildInProgress() throws Exception {
        Path lockFile = project.resolve(".site.lock");
        Path aside = project.resolve(".site.old-test");
        TestSites.Run[] result = new TestSites.Run[1];
        Thread publishing;
        try (var channel = java.nio.channels.FileChannel.open(lockFile, java.nio.file.StandardOpenOption.WRITE);
             var lock = channel.lock()) {
            Files.move(site(), aside);
            publishing = new Thread(() -> result[0] = publish());
            publishing.start();
            // until it waits for the lock (or, without waiting, has failed on the missing site)
            while (publishing.getState() != Thread.State.TIMED_WAITING && publishing.isAlive()) {
                Thread.onSpinWait();
            }
            Files.move(aside, site());
        }
        publishing.join();

        assertThat(result[0].exitCode()).as(result[0].err()).isZero();
        assertThat(result[0].err()).contains("patella: waiting for the build in progress");
        assertThat(servedFiles()).isEqualTo(digests(site()));
    }

    /**
     * Each output folder has its own last build: one that failed into site/ keeps it from being
     * published even after a build into another folder succeeded, and one that failed into another
     * folder does not hold back a site/ that its own build made.
     */
    @Test
    void theLastBuildThatCountsIsTheOneIntoTheFolderPublished() {
        Path about = project.resolve("content/pages/about.md");
        String good = TestSites.read(about);
        Path other = tmp.resolve("other-output");
        TestSites.write(about, "---\ntitle: [About\n---\nBroken.\n");
        assertThat(TestSites.run("build", "--project", project.toString()).exitCode()).isEqualTo(1);
        TestSites.write(about, good);
        build("--output", other.toString());

        var stale = publish();

        assertThat(stale.exitCode()).isEqualTo(1);
        assertThat(stale.err()).startsWith("patella: the last build failed with 1 error");
        assertThat(webroot).doesNotExist();

        build();
        TestSites.write(about, "---\ntitle: [About\n---\nBroken.\n");
        assertThat(TestSites.run("build", "--project", project.toString(), "--output", other.toString()).exitCode())
                .isEqualTo(1);

        var current = publish();

        assertThat(current.exitCode()).as(current.err()).isZero();
        assertThat(servedFiles()).isEqualTo(digests(site()));
    }

    /** A build through a link to the project and a publish without it find the same record of the last build. */
    @Test
    void aFailedBuildThroughALinkToTheProjectStillStopsThePublish() throws IOException {
        Path link = Files.createSymbolicLink(tmp.resolve("link"), project);
        TestSites.write(project.resolve("content/pages/about.md"), "---\ntitle: [About\n---\nBroken.\n");
        assertThat(TestSites.run("build", "--project", link.toString()).exitCode()).isEqualTo(1);

        var run = publish();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("patella: the last build failed with 1 error");
    }

    /**
     * A record of the last build from before each folder had its own (it named no folder) stops the
     * publish of site/ until site/ itself is built again, not only until a build into another folder.
     */
    @Test
    void aRecordOfAFailedBuildFromBeforeStopsThePublishUntilSiteIsBuilt() throws IOException {
        Path record = project.resolve(".patella/last-build");
        List<String> lines = Files.readAllLines(record);
        // the header line ProjectState writes stays; the lines under it become those of the older form
        String header = lines.get(0);
        Files.delete(record);
        new ProjectState(project).write(ProjectState.Note.LAST_BUILD,
                List.of("result=failed", "errors=1"));
        assertThat(Files.readAllLines(record).get(0)).isEqualTo(header);
        assertThat(publish().err()).startsWith("patella: the last build failed with 1 error");
        build("--output", tmp.resolve("other").toString());
        assertThat(publish().err()).as("a build into another folder").startsWith("patella: the last build failed");

        build();

        assertThat(publish().exitCode()).isZero();
    }

    /**
     * A folder of the site that becomes a file (or a file that becomes a folder) is published: the
     * files in the way go first, so the next publish need not finish a job that could never be done.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"true, --delete", "false, --delete", "true, --no-delete",
            "false, --no-delete"})
    void aFolderThatBecomesAFileAndBackIsPublished(boolean toAFile, String deleting) throws IOException {
        Path copy = tmp.resolve("copy");
        TestSites.copyTree(site(), copy);
        Path folder = copy.resolve("about");
        if (!toAFile) { // start from the file, then make it the folder again
            deleteTree(folder);
            Files.writeString(folder, "a file");
        }
        assertThat(publish("--site", copy.toString()).exitCode()).isZero();
        if (toAFile) {
            deleteTree(folder);
            Files.writeString(folder, "a file");
        } else {
            Files.delete(folder);
            TestSites.copyTree(site().resolve("about"), folder);
        }

        var run = publish("--site", copy.toString(), deleting);

        assertThat(run.exitCode()).as(run.err()).isZero();
        if (deleting.equals("--delete")) {
            assertThat(servedFiles()).isEqualTo(digests(copy));
        } else { // what is in the way goes even so: the site needs the place
            assertThat(servedFiles()).containsAllEntriesOf(digests(copy));
        }
    }

    /** A target under a file is named by that file, with what to do, never by a temporary file of the publish. */
    /**
     * A mistyped address is not made: publish makes the target folder itself when it is not there, as rsync
     * does, but not the folders above it. A dry run says so too, and nothing is created.
     */
    @Test
    void refusesATargetWhoseParentFolderDoesNotExist() {
        Path deep = tmp.resolve("pub/no/such/deep");

        for (var run : List.of(publishTo(deep.toUri().toString(), "--dry-run"), publishTo(deep.toUri().toString()))) {
            assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
            assertThat(run.err()).isEqualTo("patella: the folder " + deep.getParent() + " does not exist, so nothing was "
                    + "published to " + deep.toUri() + ": publish makes the last folder of the address (deep) when it "
                    + "is not there, never the folders above it, so that a mistyped address makes nothing. Check the "
                    + "address; if it is right, create the folder first (mkdir -p " + ShellPath.quoted(deep.getParent())
                    + ") and publish again\n");
        }
        assertThat(tmp.resolve("pub")).doesNotExist();
    }

    @Test
    void aTargetUnderAFileSaysWhichFileIsInTheWay() {
        Path file = tmp.resolve("afile");
        TestSites.write(file, "not a folder");

        var run = publishTo(file.resolve("knee").toUri().toString());

        assertThat(run.exitCode()).as(run.err()).isNotZero();
        assertThat(run.err()).contains("rename or remove the file that is in the way (" + ShellPath.quoted(file) + ")")
                .doesNotContain(".patella-tmp").doesNotContain("\tat ");
    }

    /**
     * A site folder changed since its build (a file added by hand, a page edited) is not published:
     * the file would be sent, then taken for Patella's own and deleted from the host next time.
     */
    @ParameterizedTest
    @ValueSource(strings = {"google1234.html", "index.html", "about/index.html"})
    void refusesASiteChangedSinceItsBuild(String name) throws IOException {
        Path file = site().resolve(name);
        if (name.startsWith("about/")) { // an edit that keeps the size: a letter for another
            String page = Files.readString(file);
            int at = page.indexOf("<main");
            Files.writeString(file, page.substring(0, at) + "<mainX" + page.substring(at + "<mainX".length()));
        } else {
            Files.writeString(file, Files.exists(file) ? Files.readString(file) + "<!-- edited -->" : "verification");
        }

        var run = publish();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains(name).contains("was changed since the last build, so nothing was published")
                .contains("run bin/patella build").doesNotContain("\tat ");
        assertThat(webroot).doesNotExist();

        build();
        assertThat(publish().exitCode()).as("built again, it is published").isZero();
    }

    @Test
    void refusesATargetHoldingFilesPatellaDidNotPublish() {
        TestSites.write(webroot.resolve("wp-config.php"), "<?php // someone else's site");

        var run = publish();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("already holds 1 file that Patella did not publish (such as wp-config.php)")
                .contains("--yes");
        assertThat(TestSites.snapshot(webroot)).containsOnlyKeys("wp-config.php");
    }

    @Test
    void publishesToATargetHoldingOtherFilesWithYesAndKeepsThem() {
        TestSites.write(webroot.resolve("google1234.html"), "google-site-verification");

        var run = publish("--yes");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(TestSites.read(webroot.resolve("google1234.html"))).isEqualTo("google-site-verification");
        assertThat(webroot.resolve("index.html")).isRegularFile();
        assertThat(publish().out()).startsWith("Nothing to publish"); // now it is Patella's: no --yes needed
    }

    /**
     * A folder on the target where the site has a file is named before anything is sent, with or
     * without other files there: the publish stopped part way at it, naming its parent folder, and
     * again on every publish after.
     */
    @ParameterizedTest
    @ValueSource(strings = {"about/index.html", "index.html"})
    void aFolderWhereTheSiteHasAFileIsNamedBeforeAnythingIsSent(String path) throws IOException {
        Files.createDirectories(webroot.resolve(path));
        var alone = publish();
        TestSites.write(webroot.resolve("notes.txt"), "the host's");
        var withOthers = publish();
        var withYes = publish("--yes");

        for (var run : List.of(alone, withOthers, withYes)) {
            assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
            assertThat(run.err()).contains("holds a folder " + path + " where the site has a file of that name, so "
                    + "nothing was published").doesNotContain("add --yes").doesNotContain("\tat ");
        }
        assertThat(TestSites.snapshot(webroot)).containsOnlyKeys("notes.txt");
    }

    /**
     * A file of the host's where the site has one of the same name is never replaced, with --yes or
     * without; without, the message says so at once (it advised --yes, which then refused too).
     */
    @ParameterizedTest
    @CsvSource({"index.html,--yes", "index.html,--delete", ".htaccess,--delete"})
    void yesNeverReplacesAFileOfTheSiteThatPatellaDidNotPublish(String name, String option) {
        TestSites.write(webroot.resolve(name), "the host's own");
        TestSites.write(webroot.resolve("google1234.html"), "google-site-verification");

        var run = publish(option);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("holds " + name + ", which Patella did not publish, where the site has a file "
                        + "of the same name")
                .contains("never replaces a file it did not publish, not even with --yes").doesNotContain("\tat ")
                .doesNotContain("add --yes");
        assertThat(TestSites.snapshot(webroot)).containsOnlyKeys(name, "google1234.html");
        assertThat(TestSites.read(webroot.resolve(name))).isEqualTo("the host's own");
        // a host's .htaccess may send visitors to https://: the message says how to keep its rules
        assertThat(run.err().contains("keep them by putting them in the server's settings"))
                .isEqualTo(name.equals(".htaccess"));
    }

    @Test
    void theManifestRecordsTheBaseUrlTheSiteWasBuiltFor() {
        var run = publish();

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(TestSites.read(webroot.resolve(".patella-manifest.json")))
                .contains("\"base_url\" : \"https://example.org/\"");
    }

    /** The pages that go are named as readers know them: under the base path the site is published at. */
    @Test
    void thePagesThatGoAreNamedByTheirAddressesUnderTheBasePath() {
        addPage("extra");
        build("--base-url", "https://x.org/knee/");
        webroot = withParent(tmp.resolve("www/knee"));
        assertThat(publish().exitCode()).isZero();
        removePage("extra");
        build("--base-url", "https://x.org/knee/");

        var run = publish("--dry-run");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("a published page goes from the site: /knee/extra/.");
    }

    @Test
    void dryRunSaysWhichBaseUrlTheTargetWouldRecord() {
        publish();
        build("--base-url", "https://x.org/knee/");

        var run = publish("--dry-run", "--base-url", "https://x.org/knee/");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("  record  base URL https://x.org/knee/ (was https://example.org/)");
        assertThat(TestSites.read(webroot.resolve(".patella-manifest.json"))).doesNotContain("x.org");
    }

    @Test
    void refusesASiteBuiltForAnotherAddressThanTheTargetRecords() {
        publish();
        var before = digests(webroot);
        build("--base-url", "https://x.org/knee/");

        var run = publish();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("holds the site built for https://example.org/, but this site was built for "
                + "https://x.org/knee/").contains("--base-url https://x.org/knee/").doesNotContain("\tat ");
        assertThat(digests(webroot)).isEqualTo(before);
    }

    @Test
    void aMovedSiteIsPublishedWhenItsNewBaseUrlIsConfirmed() {
        publish();
        build("--base-url", "https://x.org/knee/");

        var run = publish("--base-url", "https://x.org/knee");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(servedFiles()).isEqualTo(digests(site()));
        assertThat(TestSites.read(webroot.resolve(".patella-manifest.json"))).contains("https://x.org/knee/");
        assertThat(publish().out()).startsWith("Nothing to publish"); // recorded: no need to confirm again
    }

    @Test
    void refusesASiteBuiltForASubfolderToAFolderTheHostMayServeAtItsRoot() {
        build("--base-url", "https://x.org/knee/");

        var run = publish();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("built for https://x.org/knee/").contains("not a folder named knee")
                .contains("--base-url https://x.org/knee/");
        assertThat(webroot).doesNotExist();
    }

    @Test
    void aSiteBuiltForASubfolderGoesToAFolderOfThatNameWithoutConfirmation() {
        build("--base-url", "https://x.org/knee/");
        webroot = withParent(tmp.resolve("www/knee"));

        var run = publish();

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(servedFiles()).isEqualTo(digests(site()));
    }

    @Test
    void aSiteBuiltForAFolderNamedWithASpaceGoesToThatFolderNotToOneNamedWithTheCode() {
        build("--base-url", "https://x.org/rodilla%20x/");
        webroot = withParent(tmp.resolve("www/rodilla%20x"));

        var refused = publish();

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("from a folder at /rodilla x/").contains("is not a folder named rodilla x");
        assertThat(webroot).doesNotExist();

        webroot = tmp.resolve("www/rodilla x");
        var run = publish();

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(servedFiles()).isEqualTo(digests(site()));
    }

    @Test
    void aSiteBuiltForTwoFoldersDeepNeedsATargetWhosePathEndsInBoth() {
        build("--base-url", "https://x.org/a/knee/");
        webroot = withParent(tmp.resolve("fx/knee"));

        var refused = publish();

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("is not a folder whose path ends in a/knee")
                .doesNotContain("not a folder named");
        webroot = withParent(tmp.resolve("a/knee"));
        var run = publish();

        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @Test
    void aTargetWithASpaceIsToldToWriteItAsPercentTwentyWhichWorks() {
        String to = "file://" + withParent(tmp.resolve("with space/www"));

        var run = publishTo(to);

        String written = to.replace(" ", "%20");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("patella: --to '" + to + "' holds a space")
                .contains("write --to " + written + "\n");
        var again = publishTo(written);

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(tmp.resolve("with space/www/index.html")).isRegularFile();
    }

    @Test
    void refusesABaseUrlThatIsNotTheOneTheSiteWasBuiltFor() {
        var run = publish("--base-url", "https://x.org/knee/");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("--base-url https://x.org/knee/ does not match the site, which was built for "
                + "https://example.org/");
        assertThat(webroot).doesNotExist();
    }

    @Test
    void aFolderLinkInsideTheTargetIsNeverFollowed() throws IOException {
        publish();
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        deleteTree(webroot.resolve("about"));
        Files.createSymbolicLink(webroot.resolve("about"), outside);

        var run = publish();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("holds about, which Patella did not publish, where the site has a folder");
        assertThat(TestSites.snapshot(outside)).isEmpty();
    }

    @ParameterizedTest(name = "--to <project>/{0}")
    @ValueSource(strings = {"", "templates", "content", "content/images", "src/main", "notes/www"})
    void refusesATargetInsideTheProject(String folder) {
        Path inside = project.resolve(folder);

        var run = publishTo(inside.toUri().toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("is inside the project");
        assertThat(inside.resolve("index.html")).doesNotExist();
    }

    @Test
    void refusesATargetInsideTheProjectReachedThroughALink() throws IOException {
        Path link = Files.createSymbolicLink(tmp.resolve("shortcut"), project.resolve("templates"));

        var run = publishTo(link.toUri().toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("is inside the project");
    }

    /**
     * A file or folder no build writes is not sent to a host: a hidden one (a repository's settings
     * with its token, a folder's listing), one named as publishing's own files there, or one whose
     * name is no safe address. The publish says which (or the folder it is in, that the build did not
     * write: {@code images/} here) and what to do, and sends nothing.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {".git/config|.git", ".DS_Store|.DS_Store",
            "about/.notes|about/.notes", ".patella-manifest.json|.patella-manifest.json",
            "images/.patella-tmp-keep|images", "a\\b.html|a\\b.html"})
    void aFileNoBuildWritesIsNotPublishedAndSaysSo(String added, String named) {
        TestSites.write(site().resolve(added), "not from a build");
        Path file = site().resolve(named);

        var dry = publish("--dry-run");
        var run = publish();

        for (var r : List.of(dry, run)) {
            assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
            assertThat(r.err()).contains(file + " ")
                    .contains("so nothing was published").contains("run bin/patella build").doesNotContain("\tat ");
        }
        assertThat(webroot).doesNotExist();
        build();
        assertThat(publish().exitCode()).as("a build replaces site/ whole").isZero();
    }

    @Test
    void refusesATargetWithAManifestItCannotRead() {
        publish();
        TestSites.write(webroot.resolve(".patella-manifest.json"), "{\"generator\":\"patella\",\"format\":1,"
                + "\"files\":{\"../../etc/passwd\":\"x\"}}");

        var run = publish();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("cannot read").contains("--yes");

        // with --yes the site's own files there count as someone else's: the message says why, and what to do
        var yes = publish("--yes");
        assertThat(yes.exitCode()).as(yes.err()).isEqualTo(1);
        assertThat(yes.err()).contains(".patella-manifest.json that Patella cannot read")
                .contains("empty it and publish again").doesNotContain("which Patella did not publish");
    }

    @Test
    void commandLineMistakesExitWithTwo() {
        assertThat(TestSites.run("publish", "--project", project.toString()).exitCode()).isEqualTo(2);
        var ftp = publishTo("ftp://example.org/www");
        assertThat(ftp.exitCode()).isEqualTo(2);
        assertThat(ftp.err()).contains("file:// or sftp://");
        var password = publishTo("sftp://ed:secret@example.org/var/www");
        assertThat(password.exitCode()).isEqualTo(2);
        assertThat(password.err()).contains("must not hold a password").doesNotContain("secret");
        for (String port : new String[] {"99999", "65536", "0", "99999999999", "-1", "+22", "ssh"}) {
            var outOfRange = publishTo("sftp://ed@example.org:" + port + "/var/www");
            assertThat(outOfRange.exitCode()).as(outOfRange.err()).isEqualTo(2);
            assertThat(outOfRange.err()).contains("names port " + port + ", but a port is").contains("1 to 65535")
                    .doesNotContain("\tat ");
        }
        assertThat(publishTo("file://relative/path").exitCode()).isEqualTo(2);
        for (String extra : new String[] {"?x=1", "#top"}) {
            var withMore = publishTo(webroot.toUri() + extra);
            assertThat(withMore.exitCode()).as(withMore.err()).isEqualTo(2);
            assertThat(withMore.err()).contains("part, which a folder's address has not");
        }
        assertThat(publishTo(site().toUri().toString()).exitCode()).isEqualTo(2);
        var help = TestSites.run("publish", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--to").contains("--dry-run").contains("--[no-]delete").contains("--yes")
                .contains("--identity").contains("--known-hosts");
    }

    private TestSites.Run publish(String... extra) {
        return publishTo(webroot.toUri().toString(), extra);
    }

    private TestSites.Run publishTo(String to, String... extra) {
        String[] args = new String[4 + extra.length];
        args[0] = "publish";
        args[1] = "--project";
        args[2] = project.toString();
        args[3] = "--to=" + to;
        System.arraycopy(extra, 0, args, 4, extra.length);
        return TestSites.run(args);
    }

    private void build(String... extra) {
        String[] args = new String[3 + extra.length];
        args[0] = "build";
        args[1] = "--project";
        args[2] = project.toString();
        System.arraycopy(extra, 0, args, 3, extra.length);
        var run = TestSites.run(args);
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    private void addPage(String slug) {
        TestSites.write(project.resolve("content/pages/" + slug + ".md"), "---\ntitle: Extra\nsummary: An extra page."
                + "\n---\nExtra.\n");
    }

    private void removePage(String slug) {
        try {
            Files.delete(project.resolve("content/pages/" + slug + ".md"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** {@code target}, with the folder above it made: publishing makes only the target folder itself. */
    private static Path withParent(Path target) {
        try {
            Files.createDirectories(target.getParent());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return target;
    }

    private Path site() {
        return project.resolve("site");
    }

    /** The web root's files, without Patella's manifest. */
    /** How many files of {@code after} are new or differ from {@code before}. */
    private static int changed(Map<String, String> before, Map<String, String> after) {
        return (int) after.entrySet().stream().filter(e -> !e.getValue().equals(before.get(e.getKey()))).count();
    }

    /** How many files of {@code before} are gone from {@code after}. */
    private static int removed(Map<String, String> before, Map<String, String> after) {
        return (int) before.keySet().stream().filter(k -> !after.containsKey(k)).count();
    }

    private Map<String, String> servedFiles() {
        Map<String, String> files = digests(webroot);
        files.remove(".patella-manifest.json");
        return files;
    }

    /** Every file under {@code root} with the SHA-256 of its bytes, so differences read well. */
    static Map<String, String> digests(Path root) {
        Map<String, String> files = new TreeMap<>();
        TestSites.snapshot(root).forEach((path, bytes) -> files.put(path, LocalSite.sha256(bytes)));
        return files;
    }
}
