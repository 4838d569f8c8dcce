package dev.patella.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.patella.TestSites;
import dev.patella.build.Changes;
import dev.patella.build.SiteBuild;
import dev.patella.build.SourceLines;
import dev.patella.config.BuildOptions;
import dev.patella.build.SiteSession;
import dev.patella.diag.Diagnostic;
import dev.patella.diag.Diagnostics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;

/**
 * Fuzzes the dev server's request handling (Jazzer) with any request target and method, against
 * a built site whose content has an error (so the last good build is served too) and an image
 * swapped for a link to a secret file outside the project. The only answers allowed are a built
 * file (or the server's own live-reload files), a redirect to a built folder, 404, 400 or 405:
 * never a byte of the secret, never an exception, never a body that disagrees with its length.
 *
 * <p>Each input is handled as the JDK's server would hand it over: the request line's target
 * (up to a space or line end) parsed as a {@link URI}; a target it cannot parse is answered 400
 * by the JDK itself and never reaches Patella. {@code mvn test} replays the saved inputs;
 * {@code JAZZER_FUZZ=1} fuzzes (see the README).
 */
@Tag("fuzz") // replayed in a JVM of its own: see the pom
class RequestPathFuzzTest {

    private static final String SECRET = "PATELLA-FUZZ-CANARY";
    private static final String[] OTHER_METHODS = {"POST", "PUT", "DELETE", "OPTIONS", "TRACE", "PATCH", "CONNECT",
        "get", "PROPFIND", ""};
    private static final Site SITE = Site.make();

    @FuzzTest(maxDuration = "20s")
    void anyRequestPathGivesABuiltFileOr404Or400Or405(FuzzedDataProvider data) throws IOException {
        int pick = data.consumeInt(0, 15);
        String method = pick < 10 ? "GET" : pick < 13 ? "HEAD" : data.pickValue(OTHER_METHODS);
        String target = requestTarget(data.consumeRemainingAsBytes());
        URI uri;
        try {
            uri = new URI(target);
        } catch (URISyntaxException e) {
            return; // the JDK's server answers 400 before any handler sees it
        }
        var exchange = new RecordedExchange(method, uri, "127.0.0.1:8080");

        new SiteHandler(() -> SITE.snapshot, new LiveReload(), SITE.copied, true).handle(exchange);

        SITE.check(method, uri, exchange);
    }

    /** The target as the JDK's server cuts it from the request line, read as ISO-8859-1. */
    private static String requestTarget(byte[] bytes) {
        String line = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = line.length();
        for (char stop : new char[] {' ', '\r', '\n'}) {
            int at = line.indexOf(stop);
            end = at >= 0 ? Math.min(end, at) : end;
        }
        return line.substring(0, end);
    }

    /** The built site the fuzzer is let loose on, and what may come out of it. */
    private record Site(Snapshot snapshot, CopiedFiles copied, Set<ByteBuffer> servable, byte[] notFound) {

        void check(String method, URI uri, RecordedExchange exchange) {
            String what = method + " " + uri.toString();
            byte[] body = exchange.body();
            String text = new String(body, StandardCharsets.ISO_8859_1);
            var headers = exchange.getResponseHeaders();
            Optional<String> path = SiteHandler.SitePaths.decode(uri.getRawPath());

            assertThat(text).as(what).doesNotContain(SECRET);
            if (uri.getScheme() != null && exchange.status() == 403) {
                return; // a whole-URL target that does not name a loopback host: refused like a foreign Host
            }
            assertThat(exchange.status()).as(what).isIn(200, 301, 400, 404, 405);
            assertThat(headers.getFirst("Content-Security-Policy")).as(what).isEqualTo(Responses.CONTENT_SECURITY_POLICY);
            assertThat(headers.getFirst("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
            path.ifPresent(p -> {
                Path resolved = Path.of("/site").resolve(p.substring(1)).normalize();
                assertThat(resolved.startsWith("/site")).as(what + " decodes inside the site").isTrue();
                assertThat(resolved).as(what + " has no dot segment").isEqualTo(Path.of("/site", p.substring(1)));
            });
            if (!method.equals("GET") && !method.equals("HEAD")) {
                assertThat(exchange.status()).as(what).isEqualTo(405);
                return;
            }
            if (path.isEmpty()) {
                assertThat(exchange.status()).as(what).isEqualTo(400);
                return;
            }
            if (uri.getScheme() == null && uri.toString().startsWith("//")
                    || uri.getScheme() != null && !uri.getScheme().equalsIgnoreCase("http")) {
                // a network-path reference (//host/path) or another scheme is never a path of the site
                assertThat(exchange.status()).as(what).isEqualTo(400);
                return;
            }
            boolean events = path.get().equals(LiveReload.EVENTS) && method.equals("GET");
            assertThat(exchange.closed()).as(what + " closes, unless it is an event stream").isNotEqualTo(events);
            if (exchange.announced() > 0) {
                assertThat((long) body.length).as(what + " body as long as announced").isEqualTo(exchange.announced());
            }
            if (method.equals("HEAD")) {
                assertThat(body).as(what).isEmpty();
                return;
            }
            switch (exchange.status()) {
                case 200 -> assertThat(events ? text.startsWith("retry: ") : servable.contains(ByteBuffer.wrap(body)))
                        .as(what + " serves a built file").isTrue();
                case 301 -> {
                    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
                    assertThat(headers.getFirst("Location")).as(what).isEqualTo(uri.getRawPath() + "/" + query);
                    assertThat(snapshot.has(path.get().substring(1) + "/index.html")).as(what).isTrue();
                }
                case 404 -> assertThat(body).as(what).isEqualTo(notFound);
                default -> assertThat(headers.getFirst("Content-Type")).as(what).startsWith("text/plain");
            }
        }

        static Site make() {
            try {
                Path root = TestSites.PROJECT.resolve("target/serve-fuzz");
                delete(root);
                Path project = TestSites.project(root.resolve("p"));
                Path secret = Files.writeString(root.resolve("secret.txt"), SECRET + "\n");
                Path images = Files.createDirectories(project.resolve("content/images"));
                String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\"></svg>\n";
                Files.writeString(images.resolve("knee.svg"), svg);
                Files.writeString(images.resolve("leak.svg"), svg.replace("1 1", "2 2"));
                var session = new SiteSession(new BuildOptions(project, project.resolve("site"),
                        Optional.of(URI.create("http://127.0.0.1:8080/")), true, false, TestSites.TODAY),
                        System::nanoTime);
                var first = new Diagnostics();
                SiteBuild good = session.build(Changes.everything(), first);
                assertThat(first.hasErrors()).as(first.sorted().toString()).isFalse();

                Files.delete(images.resolve("leak.svg"));
                Files.createSymbolicLink(images.resolve("leak.svg"), secret);
                var second = new Diagnostics();
                SiteBuild broken = session.build(Changes.everything(), second);
                List<Diagnostic> errors = second.sorted().stream().filter(Diagnostic::isError).toList();
                assertThat(errors).isNotEmpty();
                var snapshot = new Snapshot(2, broken.files(), Optional.of(good.files()), errors,
                        Overlay.html(errors, new SourceLines(project)));
                var copied = new CopiedFiles(List.of(project.resolve("content"), project.resolve("templates")));
                return new Site(snapshot, copied, servable(snapshot, copied, good, broken),
                        SiteHandler.inject(snapshot.generated("404.html").orElseThrow(), snapshot, ""));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static Set<ByteBuffer> servable(Snapshot snapshot, CopiedFiles copied, SiteBuild... builds) {
            Set<String> paths = new TreeSet<>();
            for (SiteBuild build : builds) {
                paths.addAll(build.files().generated().keySet());
                paths.addAll(build.files().copied().keySet());
            }
            Set<ByteBuffer> out = new HashSet<>();
            for (String path : paths) {
                Optional<byte[]> bytes = snapshot.generated(path).or(() -> snapshot.copied(path).flatMap(copied::read));
                bytes.ifPresent(b -> out.add(ByteBuffer.wrap(path.endsWith(".html") ? SiteHandler.inject(b, snapshot, path) : b)));
            }
            out.add(ByteBuffer.wrap(LiveReload.SCRIPT_BYTES));
            out.add(ByteBuffer.wrap(LiveReload.STYLE_BYTES));
            assertThat(out).hasSizeGreaterThan(10);
            return out;
        }

        private static void delete(Path root) throws IOException {
            if (Files.exists(root)) {
                try (Stream<Path> walk = Files.walk(root)) {
                    for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
        }
    }
}
