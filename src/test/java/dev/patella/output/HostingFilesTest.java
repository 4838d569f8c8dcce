package dev.patella.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patella.TestSites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every build writes the hosts' settings files, matching the assets it fingerprinted. */
class HostingFilesTest {

    @TempDir
    Path tmp;

    @Test
    void headersFileMakesEachFingerprintedAssetImmutable() throws IOException {
        Path site = build("https://example.org/");

        List<String> hashed = fingerprinted(site);
        String headers = TestSites.read(site.resolve("_headers"));

        assertThat(hashed).anyMatch(p -> p.matches("assets/style\\.[0-9a-f]{10}\\.css"));
        for (String asset : hashed) {
            assertThat(headers).contains("/" + asset + "\n  Cache-Control: public, max-age=31536000, immutable\n");
        }
        assertThat(headers.lines().filter(l -> l.startsWith("/")))
                .containsExactlyInAnyOrderElementsOf(hashed.stream().map(p -> "/" + p).toList());
    }

    @Test
    void htaccessWiresTheNotFoundPageUnderTheBasePathAndRevalidatesPages() throws IOException {
        Path site = build("https://example.org/knee/");

        String names = String.join("|", fingerprinted(site).stream()
                .map(p -> p.substring("assets/".length()).replace(".", "\\.")).toList());
        String htaccess = TestSites.read(site.resolve(".htaccess"));

        assertThat(htaccess).contains("ErrorDocument 404 /knee/404.html\n")
                .contains("  Header set Cache-Control \"no-cache\"\n")
                .contains("<FilesMatch \"^(" + names + ")$\">\n    Header set Cache-Control \"public, max-age=31536000, immutable\"");
        assertThat(htaccess.indexOf("\"no-cache\"")).isLessThan(htaccess.indexOf("immutable"));
    }

    private Path build(String baseUrl) {
        Path project = TestSites.project(tmp.resolve("p"));
        var run = TestSites.run("build", "--project", project.toString(), "--base-url", baseUrl);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return project.resolve("site");
    }

    /** The site's files whose names carry a content hash, as site paths, sorted. */
    private static List<String> fingerprinted(Path site) throws IOException {
        try (Stream<Path> files = Files.list(site.resolve("assets"))) {
            return files.map(p -> "assets/" + p.getFileName()).filter(p -> p.matches(".*\\.[0-9a-f]{10}\\.[a-z]+"))
                    .sorted().toList();
        }
    }
}
