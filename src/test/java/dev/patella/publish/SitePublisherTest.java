package dev.patella.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.patella.TestSites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The publish package's own entry points: the order of the changes, and recovering from a stopped publish. */
class SitePublisherTest {

    private static final List<String> LAST = List.of("sitemap.xml", "robots.txt", "_headers", ".htaccess");

    @TempDir
    Path tmp;

    private Path project;
    private Path webroot;
    private final List<String> operations = new ArrayList<>();

    @BeforeEach
    void buildSite() {
        project = TestSites.project(tmp.resolve("p"));
        webroot = tmp.resolve("www");
        build();
    }

    @Test
    void firstPublishSendsAssetsThenPagesThenTheSitemapWithTheManifestFirstAndLast() throws IOException {
        publish(recording(folder()));

        List<String> writes = operations.stream().map(o -> o.substring("write ".length())).toList();
        assertThat(writes.get(0)).isEqualTo(RemoteManifest.NAME);
        assertThat(writes.get(writes.size() - 1)).isEqualTo(RemoteManifest.NAME);
        List<String> files = writes.subList(1, writes.size() - 1);
        int lastAsset = lastIndex(files, p -> !p.endsWith(".html") && !LAST.contains(p));
        int firstPage = firstIndex(files, p -> p.endsWith(".html"));
        int lastPage = lastIndex(files, p -> p.endsWith(".html"));
        int firstLast = firstIndex(files, LAST::contains);
        assertThat(files).contains("assets/" + stylesheet(), "index.html", "sitemap.xml");
        assertThat(lastAsset).isLessThan(firstPage);
        assertThat(lastPage).isLessThan(firstLast);
        assertThat(files.subList(firstLast, files.size())).containsExactlyInAnyOrderElementsOf(LAST);
    }

    @Test
    void newPagesGoBeforeChangedPagesAndDeletionsComeLast() throws IOException {
        page("old", "Old");
        build();
        publish(folder());
        Files.delete(project.resolve("content/pages/old.md"));
        page("new", "New");
        TestSites.write(project.resolve("content/pages/about.md"), "---\ntitle: About\nsummary: About this site.\n"
                + "---\nSee the [new page](/new/).\n");
        build();

        publish(recording(folder()));

        assertThat(operations).containsSubsequence("write new/index.html", "write about/index.html",
                "write sitemap.xml", "delete old/index.html", "write " + RemoteManifest.NAME);
        assertThat(operations.get(operations.size() - 2)).isEqualTo("delete old/index.html");
    }

    @Test
    void aPublishThatStopsPartWayIsCompletedByTheNextOne() throws IOException {
        Target failing = new Forwarding(folder()) {
            private int writes;

            @Override
            public void write(String path, byte[] content) throws IOException {
                if (++writes == 4) {
                    Files.writeString(webroot.resolve(".patella-tmp-left-by-a-killed-run"), "half");
                    throw new IOException("connection lost");
                }
                super.write(path, content);
            }
        };
        assertThatThrownBy(() -> publish(failing)).hasMessageContaining("stopped after 2 of")
                .hasMessageContaining("connection lost").hasMessageContaining("the next publish finishes the job");

        var result = publish(folder());

        Map<String, String> served = FilePublishTest.digests(webroot);
        served.remove(RemoteManifest.NAME);
        assertThat(served).isEqualTo(FilePublishTest.digests(project.resolve("site")));
        assertThat(result.uploaded()).isEqualTo(served.size()); // files marked as being sent are sent again
        assertThat(publish(folder())).isEqualTo(new SitePublisher.Result(0, 0, served.size(), 0));
    }

    @Test
    void progressIsReportedAfterEveryFileWithTheRunningTotals() throws IOException {
        List<String> reports = new ArrayList<>();
        var publisher = new SitePublisher((files, total, bytes, totalBytes) ->
                reports.add(files + "/" + total + " " + bytes + "/" + totalBytes));
        Plan plan;
        try (Target target = folder()) {
            plan = publisher.plan(project.resolve("site"), target, SitePublisher.Choices.defaults());
            publisher.publish(plan, target);
        }

        int n = plan.uploads().size();
        assertThat(reports).hasSize(n);
        assertThat(reports.get(0)).startsWith("1/" + n + " ");
        assertThat(reports.get(n - 1)).isEqualTo(n + "/" + n + " " + plan.uploadBytes() + "/" + plan.uploadBytes());
    }

    @Test
    void aFolderTargetNeverWritesReadsOrDeletesThroughALinkInsideIt() throws IOException {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("keep.html"), "not the site's");
        Files.createDirectories(webroot);
        Files.createSymbolicLink(webroot.resolve("sub"), outside);

        try (Target target = folder()) {
            assertThatThrownBy(() -> target.write("sub/new.html", new byte[] {1}))
                    .hasMessageContaining("is a symbolic link").hasMessageContaining("never follows links");
            assertThatThrownBy(() -> target.read("sub/keep.html")).hasMessageContaining("is a symbolic link");
            assertThatThrownBy(() -> target.delete("sub/keep.html")).hasMessageContaining("is a symbolic link");
            assertThat(target.list()).containsOnlyKeys("sub");
        }
        assertThat(TestSites.snapshot(outside)).containsOnlyKeys("keep.html");
    }

    private SitePublisher.Result publish(Target target) throws IOException {
        try (target) {
            var publisher = new SitePublisher(Progress.NONE);
            return publisher.publish(publisher.plan(project.resolve("site"), target, SitePublisher.Choices.defaults()), target);
        }
    }

    private Target folder() throws IOException {
        return Targets.open(new TargetAddress.Folder(webroot), SshOptions.forUser(tmp, Optional.empty(),
                Optional.empty(), Optional.empty()));
    }

    private Target recording(Target target) {
        return new Forwarding(target) {
            @Override
            public void write(String path, byte[] content) throws IOException {
                operations.add("write " + path);
                super.write(path, content);
            }

            @Override
            public void delete(String path) throws IOException {
                operations.add("delete " + path);
                super.delete(path);
            }
        };
    }

    private void build() {
        var run = TestSites.run("build", "--project", project.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    private void page(String slug, String title) {
        TestSites.write(project.resolve("content/pages/" + slug + ".md"), "---\ntitle: " + title
                + "\nsummary: A page.\n---\nText.\n");
    }

    private String stylesheet() throws IOException {
        try (var files = Files.list(project.resolve("site/assets"))) {
            return files.findFirst().orElseThrow().getFileName().toString();
        }
    }

    private static int firstIndex(List<String> list, java.util.function.Predicate<String> test) {
        for (int i = 0; i < list.size(); i++) {
            if (test.test(list.get(i))) {
                return i;
            }
        }
        throw new AssertionError("none in " + list);
    }

    private static int lastIndex(List<String> list, java.util.function.Predicate<String> test) {
        for (int i = list.size() - 1; i >= 0; i--) {
            if (test.test(list.get(i))) {
                return i;
            }
        }
        throw new AssertionError("none in " + list);
    }

    /** A target that passes every call on, for tests to watch or break. */
    private static class Forwarding implements Target {
        private final Target target;

        Forwarding(Target target) {
            this.target = target;
        }

        @Override
        public String describe() {
            return target.describe();
        }

        @Override
        public String folder() {
            return target.folder();
        }

        @Override
        public Map<String, Long> list() throws IOException {
            return target.list();
        }

        @Override
        public Optional<byte[]> read(String path) throws IOException {
            return target.read(path);
        }

        @Override
        public void write(String path, byte[] content) throws IOException {
            target.write(path, content);
        }

        @Override
        public void delete(String path) throws IOException {
            target.delete(path);
        }

        @Override
        public void close() throws IOException {
            target.close();
        }
    }
}
