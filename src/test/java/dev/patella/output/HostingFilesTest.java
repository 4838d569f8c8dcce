package dev.patella.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patella.TestSites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
        assertThat(headers.lines().filter(l -> l.startsWith("/") && !l.equals("/*")))
                .containsExactlyInAnyOrderElementsOf(hashed.stream().map(p -> "/" + p).toList());
    }

    @Test
    void headersFileSendsTheDevServersSecurityHeadersWithEveryFile() {
        Path site = build("https://example.org/");

        String headers = TestSites.read(site.resolve("_headers"));

        // the catch-all rule holds the security headers and nothing else (hosts merge every matching rule)
        String all = headers.substring(headers.indexOf("\n/*\n") + 4, headers.indexOf("\n\n", headers.indexOf("\n/*\n")));
        assertThat(all.lines()).containsExactly(
                "  Content-Security-Policy: default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
                        + "font-src 'self'; connect-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'; "
                        + "form-action 'self'; frame-ancestors 'none'",
                "  X-Content-Type-Options: nosniff",
                "  Referrer-Policy: no-referrer",
                "  X-Frame-Options: DENY",
                "  Cross-Origin-Opener-Policy: same-origin",
                "  Cross-Origin-Resource-Policy: same-origin",
                "  Permissions-Policy: camera=(), microphone=(), geolocation=(), payment=(), usb=()");
        assertThat(SecurityHeaders.CONTENT_SECURITY_POLICY).isEqualTo(all.lines().findFirst().orElseThrow()
                .substring("  Content-Security-Policy: ".length()));
    }

    @Test
    void htaccessSendsTheSecurityHeadersOnEveryResponseErrorsIncluded() {
        Path site = build("https://example.org/");

        String htaccess = TestSites.read(site.resolve(".htaccess"));

        SecurityHeaders.ALL.forEach((name, value) ->
                assertThat(htaccess).contains("\n  Header always set " + name + " \"" + value + "\"\n"));
        assertThat(htaccess).contains("Header always set Content-Security-Policy \"default-src 'self'; script-src 'self';");
        // publishing's record of the files on the host is not served, as the nginx kit does not serve it
        assertThat(htaccess).contains("RedirectMatch 404 \"/(\\.patella-manifest\\.json|\\.patella-tmp-[^/]*|_headers)$\"");
        assertThat(htaccess.indexOf("Header always set")).isGreaterThan(htaccess.indexOf("<IfModule mod_headers.c>"));
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

    /**
     * Apache compares a language's 404 rule with the decoded path, so a base path with a space or
     * an accent (written %20, %C3%B1 in every address) is matched byte for byte, and no character of
     * a folder's name is read as part of the pattern or ends it.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {"/knee/|/knee/es/",
        "/rodilla%20x/|/rodilla\\x20x/es/", "/rodilla-%C3%B1/|/rodilla-\\xC3\\xB1/es/",
        "/c%2B%2B/|/c\\x2B\\x2B/es/", "/a(1)%23/|/a\\x281\\x29\\x23/es/"})
    void aLanguagesNotFoundRuleMatchesTheDecodedBasePath(String basePath, String pattern) {
        String htaccess = HostingFiles.htaccess(basePath, List.of(), List.of("es"));
        assertThat(htaccess).contains("<If \"%{REQUEST_URI} =~ m#^" + pattern + "#\">\n  ErrorDocument 404 " + basePath
                + "es/404.html\n</If>");
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

    /**
     * Each old address a page keeps (moved_from) is sent on for good by Apache, under the base path,
     * with or without its closing slash or index.html; a byte of the base path that is no letter or
     * digit cannot break the line nor be read as part of the pattern.
     */
    @Test
    void htaccessSendsEachOldAddressOnWithA301() {
        String htaccess = HostingFiles.htaccess("/rodilla%20x/", List.of(), List.of("es"),
                Map.of("/exercises/leg-raise/", "/exercises/leg-lift/",
                        "/es/about-us/", "/es/about/"));

        assertThat(htaccess).contains("<IfModule mod_alias.c>\n")
                .contains("  RedirectMatch 301 \"^/rodilla\\x20x/es/about-us(/|/index\\.html)?$\" \"/rodilla%20x/es/about/\"\n"
                        + "  RedirectMatch 301 \"^/rodilla\\x20x/exercises/leg-raise(/|/index\\.html)?$\" "
                        + "\"/rodilla%20x/exercises/leg-lift/\"\n</IfModule>\n");
        assertThat(HostingFiles.htaccess("/", List.of(), List.of())).doesNotContain("RedirectMatch 301");
    }
}
