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

        String stylesheet = fingerprintedStylesheet(site);
        String headers = TestSites.read(site.resolve("_headers"));

        assertThat(headers).contains("/" + stylesheet + "\n  Cache-Control: public, max-age=31536000, immutable\n");
        assertThat(headers.lines().filter(l -> l.startsWith("/"))).containsExactly("/" + stylesheet);
    }

    @Test
    void htaccessWiresTheNotFoundPageUnderTheBasePathAndRevalidatesPages() throws IOException {
        Path site = build("https://example.org/knee/");

        String stylesheet = fingerprintedStylesheet(site);
        String name = stylesheet.substring("assets/".length()).replace(".", "\\.");
        String htaccess = TestSites.read(site.resolve(".htaccess"));

        assertThat(htaccess).contains("ErrorDocument 404 /knee/404.html\n")
                .contains("  Header set Cache-Control \"no-cache\"\n")
                .contains("<FilesMatch \"^(" + name + ")$\">\n    Header set Cache-Control \"public, max-age=31536000, immutable\"");
        assertThat(htaccess.indexOf("\"no-cache\"")).isLessThan(htaccess.indexOf("immutable"));
    }

    private Path build(String baseUrl) {
        Path project = TestSites.project(tmp.resolve("p"));
        var run = TestSites.run("build", "--project", project.toString(), "--base-url", baseUrl);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return project.resolve("site");
    }

    private static String fingerprintedStylesheet(Path site) throws IOException {
        try (Stream<Path> files = Files.list(site.resolve("assets"))) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            assertThat(names).singleElement().asString().matches("style\\.[0-9a-f]{10}\\.css");
            return "assets/" + names.get(0);
        }
    }
}
