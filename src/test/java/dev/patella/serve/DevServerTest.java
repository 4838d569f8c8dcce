package dev.patella.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patella.TestSites;
import dev.patella.diag.ExcerptWindow;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** The dev server through real HTTP on a free port, with its real file watcher. */
class DevServerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    Path tmp;

    private Path project;
    private DevServer server;
    private final StringWriter log = new StringWriter();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void start() throws IOException {
        project = TestSites.project(tmp.resolve("p"));
        server = DevServer.start(ServeOptions.of(project, "127.0.0.1", 0, true, TestSites.TODAY),
                System::nanoTime, new PrintWriter(log, true), new PrintWriter(log, true));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void servesBuiltPagesOnLoopbackWithTheReloadScriptAndNosniff() throws Exception {
        var home = get("/");

        assertThat(server.url().getHost()).isEqualTo("127.0.0.1");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(home.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(home.body()).contains("<h1>Test Knees</h1>")
                .contains("<script src=\"/__patella/live.js\" data-build=\"1\" data-page=\"index.html\" defer></script>\n</body>");
        assertThat(get("/exercises/leg-lift/").body()).contains("<h1>Leg lift</h1>");
        assertThat(get("/__patella/live.js").body()).contains("EventSource");
    }

    @Test
    void headAnswersWithoutABody() throws Exception {
        var head = http.send(HttpRequest.newBuilder(url("/about/")).method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void theReloadScriptIsNeverWrittenIntoTheProject() throws Exception {
        assertThat(get("/").body()).contains("/__patella/live.js");

        assertThat(project.resolve("site")).doesNotExist();
        var build = TestSites.run("build", "--project", project.toString());
        assertThat(build.exitCode()).as(build.err()).isZero();
        TestSites.snapshot(project.resolve("site")).forEach((path, bytes) ->
                assertThat(new String(bytes, StandardCharsets.UTF_8)).as(path).doesNotContain("__patella"));
    }

    @Test
    void aMissingPageGives404WithTheSitesNotFoundPage() throws Exception {
        var missing = get("/exercises/no-such-exercise/");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("Page not found").contains("/__patella/live.js");
    }

    @Test
    void aSiteInTwoLanguagesServesEachLanguageWithItsOwnNotFoundPage() throws Exception {
        project = TestSites.withMessages(TestSites.project(tmp.resolve("two"), "complete", "two-languages"), "es");
        restart();

        assertThat(get("/es/exercises/elevacion-de-pierna/").body()).contains("<html lang=\"es\" dir=\"ltr\">");
        var spanish = get("/es/exercises/no-existe/");
        assertThat(spanish.statusCode()).isEqualTo(404);
        assertThat(spanish.body()).contains("<html lang=\"es\"");
        var english = get("/exercises/no-such-exercise/");
        assertThat(english.statusCode()).isEqualTo(404);
        assertThat(english.body()).contains("<html lang=\"en\"");
    }

    @Test
    void onlyGetAndHeadAreAnswered() throws Exception {
        var post = http.send(HttpRequest.newBuilder(url("/")).POST(HttpRequest.BodyPublishers.ofString("x")).build(),
                HttpResponse.BodyHandlers.ofString());
        var delete = http.send(HttpRequest.newBuilder(url("/about/")).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
        assertThat(delete.statusCode()).isEqualTo(405);
        for (String method : new String[] {"PUT", "PATCH", "OPTIONS", "TRACE", "PROPFIND", "get"}) {
            assertThat(raw(method + " /about/ HTTP/1.1")).as(method).startsWith("HTTP/1.1 405 ")
                    .doesNotContain("<h1>About</h1>");
        }
    }

    @Test
    void foldersAreNeverListed() throws Exception {
        assertThat(get("/assets/").statusCode()).isEqualTo(404);
        assertThat(get("/images/").statusCode()).isEqualTo(404);
        var folder = get("/exercises");
        assertThat(folder.statusCode()).isEqualTo(301);
        assertThat(folder.headers().firstValue("Location")).hasValue("/exercises/");
    }

    @Test
    void pathsThatClimbOutOfTheSiteAreRefusedInEveryEncoding() throws Exception {
        for (String path : new String[] {"/../content/site.yaml", "/%2e%2e/content/site.yaml",
                "/%2E%2e/content/site.yaml", "/exercises/%2e%2e/%2e%2e/content/people.yaml", "/exercises/..",
                "/..%2fcontent%2fsite.yaml", "/%2fcontent/site.yaml", "/exercises%2fleg-lift/", "/%2F",
                "/%252e%252e/content/site.yaml", "/%252e%252e%252fcontent%252fsite.yaml", "/%25%32%65%25%32%65/",
                "/%5c..%5ccontent%5csite.yaml", "/%2E%2E%5ccontent%5csite.yaml", "/..%5c..%5c", "/\\..\\content",
                "/%00", "/index.html%00.txt", "/about/%00/", "/%0d%0aSet-Cookie:%20x=1",
                "/%c0%ae%c0%ae/content/site.yaml", "/%c0%af", "/%e0%80%ae%e0%80%ae/", "/%c1%9c", "/%ed%a0%80",
                "/%f0%80%80%af", "/%ff", "/exercises//leg-lift/", "//", "/./index.html", "/exercises/./", "/.",
                "/C:/Windows/win.ini", "/c%3a/windows/win.ini", "/%", "/%2", "/%zz", "/caf\u00e9/",
                "http://127.0.0.1/../content/site.yaml", "/" + "a/".repeat(1100),
                "//etc/passwd" /* a network-path reference: the JDK reads host "etc" and path "/passwd" */,
                "///etc/passwd", "//127.0.0.1/about/", "file:///etc/passwd", "https://127.0.0.1/about/", "ftp://127.0.0.1/about/"}) {
            String response = raw("GET " + path + " HTTP/1.1");
            assertThat(response).as(path).startsWith("HTTP/1.1 400 ").doesNotContain("base_url")
                    .doesNotContain("role: Writer").doesNotContain("<#import");
        }
    }

    @Test
    void anHttp11RequestWithoutAHostIsRefusedAndAnHttp10OneIsServed() throws Exception {
        assertThat(request("GET /about/ HTTP/1.1\r\nConnection: close\r\n\r\n")).startsWith("HTTP/1.1 400 ");
        assertThat(request("GET /about/ HTTP/1.0\r\n\r\n")).startsWith("HTTP/1.1 200 ");
    }

    @Test
    void filesOfTheProjectThatAreNotInTheSiteAreNotFound() throws Exception {
        for (String path : new String[] {"/content/site.yaml", "/templates/page.ftlh", "/site.yaml",
                "/exercises/leg-lift.md", "/.patella/last-build", "/etc/passwd", "/..;/content/site.yaml",
                "/exercises/leg-lift/index.html/", "/__patella/", "/__patella/live.js/", "*"}) {
            String response = raw("GET " + path + " HTTP/1.1");
            assertThat(response).as(path).startsWith("HTTP/1.1 404 ").doesNotContain("base_url")
                    .doesNotContain("<#import");
        }
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() throws Exception {
        var responses = new java.util.ArrayList<HttpResponse<?>>();
        responses.add(get("/"));
        responses.add(get("/exercises"));
        responses.add(get("/no-such-page/"));
        responses.add(get("/%2e%2e/"));
        responses.add(get("/__patella/live.js"));
        responses.add(get("/__patella/live.css"));
        responses.add(http.send(HttpRequest.newBuilder(url("/")).POST(HttpRequest.BodyPublishers.ofString("x")).build(),
                HttpResponse.BodyHandlers.ofString()));
        responses.add(http.send(HttpRequest.newBuilder(url("/about/")).method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString()));
        var stream = http.send(HttpRequest.newBuilder(url("/__patella/events")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        stream.body().close();
        responses.add(stream);

        assertThat(responses).extracting(HttpResponse::statusCode).containsExactly(200, 301, 404, 400, 200, 200, 405,
                200, 200);
        for (HttpResponse<?> response : responses) {
            var headers = response.headers();
            String what = response.request().method() + " " + response.uri() + " " + response.statusCode();
            assertThat(headers.firstValue("Content-Security-Policy")).as(what).hasValue(
                    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; "
                    + "connect-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'; "
                    + "form-action 'self'; frame-ancestors 'none'");
            assertThat(headers.firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
            assertThat(headers.firstValue("Referrer-Policy")).as(what).hasValue("no-referrer");
            assertThat(headers.firstValue("X-Frame-Options")).as(what).hasValue("DENY");
            assertThat(headers.firstValue("Cross-Origin-Opener-Policy")).as(what).hasValue("same-origin");
            assertThat(headers.firstValue("Cross-Origin-Resource-Policy")).as(what).hasValue("same-origin");
            assertThat(headers.firstValue("Cache-Control")).as(what).hasValue("no-store");
        }
        assertThat(raw("GET / HTTP/1.1", "evil.example")).startsWith("HTTP/1.1 403 ")
                .containsPattern("(?i)\r\nContent-Security-Policy: default-src 'self';")
                .containsPattern("(?i)\r\nX-Content-Type-Options: nosniff\r\n");
    }

    @Test
    void answersOnlyRequestsAddressedToALoopbackName() throws Exception {
        int port = server.url().getPort();
        for (String host : new String[] {"evil.example", "evil.example:" + port, "127.0.0.1.evil.example:" + port,
                "localhost.evil.example", "10.0.0.1:" + port, "[::2]:" + port, "localhost:1@evil.example",
                "127.0.0.1:" + port + "@evil.example", "localhost@evil.example", "localhost/evil.example",
                "localhost:" + port + "/", "localhost:http", "localhost evil.example", "[::1]@evil.example",
                "localhost%2eevil.example", "localhost\tevil.example"}) {
            assertThat(raw("GET / HTTP/1.1", host)).as(host).startsWith("HTTP/1.1 403 ")
                    .doesNotContain("<h1>Test Knees</h1>");
        }
        for (String host : new String[] {"127.0.0.1:" + port, "localhost:" + port, "LOCALHOST", "[::1]:" + port,
                "preview.localhost:" + port}) {
            assertThat(raw("GET / HTTP/1.1", host)).as(host).startsWith("HTTP/1.1 200 ").contains("<h1>Test Knees</h1>");
        }
    }

    @Test
    void aTargetWrittenAsAWholeUrlMustNameALoopbackHostToo() throws Exception {
        int port = server.url().getPort();
        for (String target : new String[] {"http://evil.example/about/", "http://evil.example:" + port + "/about/",
                "HTTP://evil.example/about/", "http://localhost:1@evil.example/about/",
                "http://user@127.0.0.1:" + port + "/about/", "http://127.0.0.1.evil.example/about/",
                "http:///about/", "http:/about/"}) {
            assertThat(raw("GET " + target + " HTTP/1.1", "127.0.0.1:" + port)).as(target)
                    .startsWith("HTTP/1.1 403 ").doesNotContain("<h1>About</h1>");
        }
        for (String target : new String[] {"http://127.0.0.1:" + port + "/about/", "http://localhost/about/",
                "http://[::1]:" + port + "/about/"}) {
            assertThat(raw("GET " + target + " HTTP/1.1", "127.0.0.1:" + port)).as(target)
                    .startsWith("HTTP/1.1 200 ").contains("<h1>About</h1>");
        }
        assertThat(raw("GET http://127.0.0.1:" + port + "/about/ HTTP/1.1", "evil.example")).startsWith("HTTP/1.1 403 ");
    }

    @Test
    void liveReloadAnswersAtOnceAfterAClientOpenedAndDroppedFiveHundredEventStreams() throws Exception {
        java.util.List<Socket> streams = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 500; i++) {
                Socket socket = new Socket(server.url().getHost(), server.url().getPort());
                socket.setSoTimeout((int) TIMEOUT.toMillis());
                socket.getOutputStream().write(("GET /__patella/events HTTP/1.1\r\nHost: 127.0.0.1:"
                        + server.url().getPort() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                streams.add(socket);
                // every stream is answered, the 500th too, though 256 are open at most
                assertThat(firstEvent(socket)).as("stream " + i).startsWith("HTTP/1.1 200 ").contains("event: build");
            }
        } finally {
            for (int i = 0; i < streams.size(); i++) {
                if (i % 2 == 0) {
                    streams.get(i).setSoLinger(true, 0); // dropped with a reset, the others with a plain close
                }
                streams.get(i).close();
            }
        }

        try (Socket socket = new Socket(server.url().getHost(), server.url().getPort())) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            socket.getOutputStream().write(("GET /__patella/events HTTP/1.1\r\nHost: 127.0.0.1:"
                    + server.url().getPort() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            assertThat(firstEvent(socket)).startsWith("HTTP/1.1 200 ").contains("event: build");
        }
        try (var events = new Events(url("/__patella/events"))) {
            assertThat(events.next()).isEqualTo("1");
            edit("content/exercises/leg-lift.md", "Helps the", "Still helps the");
            assertThat(events.next()).isNotEqualTo("1");
        }
    }

    /** Reads an event stream's response head and its first event. */
    private static String firstEvent(Socket socket) throws IOException {
        var in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                StandardCharsets.ISO_8859_1));
        var text = new StringBuilder();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            text.append(line).append('\n');
            if (line.startsWith("data: ") || line.startsWith("HTTP/1.1") && !line.startsWith("HTTP/1.1 200 ")) {
                break;
            }
        }
        return text.toString();
    }

    /**
     * The dev server serves the stylesheet from the bytes the build publishes (without its comments,
     * under the hash of those bytes), and a template author's edit to it is served after the rebuild.
     */
    @Test
    void theStylesheetServedIsTheOneABuildPublishesAndAnEditToItIsServed() throws Exception {
        String href = stylesheet(get("/").body());
        byte[] served = getBytes("/" + href);
        Path built = tmp.resolve("built");
        var run = TestSites.run("build", "--project", project.toString(), "--output", built.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();

        assertThat(served).isEqualTo(Files.readAllBytes(built.resolve(href)));
        assertThat(new String(served, StandardCharsets.UTF_8)).doesNotContain("/*").contains("body {");

        try (var events = new Events(url("/__patella/events"))) {
            assertThat(events.next()).isEqualTo("1");

            edit("templates/assets/style.css", "body {", "/* a note for the team */\nbody {\n  letter-spacing: 0.01em;");

            String page = events.awaitPage(this, "/", html -> !stylesheet(html).equals(href));
            String css = get("/" + stylesheet(page)).body();
            assertThat(css).contains("body {\n  letter-spacing: 0.01em;").doesNotContain("a note for the team");
        }
    }

    private static String stylesheet(String html) {
        var linked = Pattern.compile("<link rel=\"stylesheet\" href=\"\\./(assets/style\\.[0-9a-f]{10}\\.css)\"")
                .matcher(html);
        assertThat(linked.find()).as("the page links its stylesheet").isTrue();
        return linked.group(1);
    }

    private byte[] getBytes(String path) throws IOException, InterruptedException {
        var response = http.send(HttpRequest.newBuilder(url(path)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    @Test
    void aFolderRedirectRepeatsThePathAsSent() throws Exception {
        var folder = get("/exercise%73?x=1");

        assertThat(folder.statusCode()).isEqualTo(301);
        assertThat(folder.headers().firstValue("Location")).hasValue("/exercise%73/?x=1");
    }

    @Test
    void savingAFileSendsAReloadEventAndServesTheNewPage() throws Exception {
        try (var events = new Events(url("/__patella/events"))) {
            assertThat(events.next()).isEqualTo("1");

            edit("content/exercises/leg-lift.md", "Helps the", "Really helps the");

            assertThat(events.next()).isNotEqualTo("1");
            events.awaitPage(this, "/exercises/leg-lift/", html -> html.contains("Really helps the"));
        }
    }

    /**
     * {@code sed -i} writes a temporary file and renames it over the file it edits; on a busy
     * machine the rename can come long after the quiet time. The rebuild waits for it (up to the
     * longest wait, here long): one rebuild, which names the file saved, never the temporary one.
     */
    @Test
    void aSaveThroughATemporaryFileRenamedLateIsOneRebuildNamingTheFileSaved() throws Exception {
        var rebuilt = restartWaitingLong();
        Path about = project.resolve("content/pages/about.md");
        Path temporary = about.resolveSibling("sedX1b2c3");
        Files.writeString(temporary, Files.readString(about).replace("About us.", "About all of us."));
        Thread.sleep(100); // fifty times the quiet time
        Files.move(temporary, about, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

        DevServer.Rebuilt done = rebuilt.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);

        assertThat(done).as("a rebuild").isNotNull();
        assertThat(done.changes().saved()).containsExactly(about.toAbsolutePath().normalize());
        assertThat(get("/about/").body()).contains("About all of us.");
        assertThat(log.toString()).contains("(content/pages/about.md)").doesNotContain("sedX1b2c3");
    }

    /**
     * A shell's {@code >} (and {@code git checkout}) empties the file, then the program writes it: on
     * a busy machine the writing can come long after the quiet time. The rebuild waits for it, so the
     * editor is never told "the file is empty" about a file that is whole by the time they look.
     */
    @Test
    void aFileEmptiedAndWrittenLateIsRebuiltWithNoErrorFromTheEmptyHalf() throws Exception {
        var rebuilt = restartWaitingLong();
        Path about = project.resolve("content/pages/about.md");
        String text = Files.readString(about).replace("About us.", "About all of us.");
        Files.write(about, new byte[0]);
        Thread.sleep(100); // fifty times the quiet time
        Files.writeString(about, text);

        DevServer.Rebuilt done = rebuilt.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);

        assertThat(done).as("a rebuild").isNotNull();
        assertThat(done.changes().saved()).containsExactly(about.toAbsolutePath().normalize());
        assertThat(get("/about/").body()).contains("About all of us.");
        assertThat(log.toString()).doesNotContain("file.empty", "error");
    }

    @Test
    void anEditedPageIsServedBeforeTheRestOfTheRebuildAndOpenPagesHearWhichFilesChanged() throws Exception {
        var firstServed = new java.util.concurrent.CountDownLatch(1);
        var looked = new java.util.concurrent.CountDownLatch(1);
        // the rest of the rebuild waits until the test has looked at what is served after the first pages
        restart(session -> (changes, diagnostics, firstPages) -> session.build(changes, diagnostics, pages -> {
            firstPages.accept(pages);
            firstServed.countDown();
            try {
                looked.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        var rebuilt = new LinkedBlockingQueue<DevServer.Rebuilt>();
        server.onRebuilt(rebuilt::add);
        String indexBefore = searchIndex();
        try (var events = new Events(url("/__patella/events"))) {
            assertThat(events.next()).isEqualTo("1");

            edit("content/exercises/leg-lift.md", "Helps the", "Really helps the");

            assertThat(firstServed.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).as(log.toString()).isTrue();
            assertThat(events.next()).isEqualTo("2 1 exercises/leg-lift/index.html");
            assertThat(get("/exercises/leg-lift/").body()).contains("Really helps the");
            assertThat(searchIndex()).as("made after the first pages").isEqualTo(indexBefore);
            looked.countDown();

            DevServer.Rebuilt done = rebuilt.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(done).isNotNull();
            assertThat(done.firstPagesNanos()).isLessThan(done.readyNanos());
            // the search page names the new search index; the exercise's page, already served, is not listed again
            assertThat(events.next().split(" ")).startsWith("3", "2").contains("search/index.html")
                    .doesNotContain("exercises/leg-lift/index.html", "*");
            assertThat(searchIndex()).isNotEqualTo(indexBefore);
            assertThat(log.toString()).contains("the changed pages were served after");
        }
        // a page that loads while builds come opens its stream late: it hears what changed since its own build
        try (var late = new Events(url("/__patella/events?since=2"))) {
            assertThat(late.next().split(" ")).startsWith("3", "2").contains("search/index.html")
                    .doesNotContain("exercises/leg-lift/index.html", "*");
        }
        try (var late = new Events(url("/__patella/events?since=1"))) {
            assertThat(late.next().split(" ")).startsWith("3", "1")
                    .contains("search/index.html", "exercises/leg-lift/index.html");
        }
        try (var fresh = new Events(url("/__patella/events?since=x"))) {
            assertThat(fresh.next()).isEqualTo("3");
        }
    }

    @Test
    void aBuildWhosePagesWereAllServedFirstIsTheOneAnErrorShowsItsPagesFrom() throws Exception {
        var rebuilt = new LinkedBlockingQueue<DevServer.Rebuilt>();
        server.onRebuilt(rebuilt::add);
        try (var events = new Events(url("/__patella/events"))) {
            events.next();
            // the dose shows on the pages of the exercise, its program and the handout maker, all served
            // before the rebuild ends (no search entry, no late page shows it): its end changes no more files
            edit("content/exercises/leg-lift.md", "reps: 10-15", "reps: 12-17");
            events.awaitPage(this, "/exercises/leg-lift/", html -> html.contains("12") && html.contains("17"));
            DevServer.Rebuilt served = rebuilt.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(served).isNotNull();
            assertThat(served.firstPagesNanos()).as("served first").isLessThan(served.readyNanos());

            edit("content/exercises/leg-lift.md", "title: Leg lift", "title: [Leg lift");

            String broken = events.awaitPage(this, "/exercises/leg-lift/", html -> html.contains("id=\"patella-overlay\""));
            assertThat(broken).as("the page of the last build without errors").contains("12").contains("17")
                    .doesNotContain("10-15", "10–15");
        }
    }

    @Test
    void aBrokenFileShowsTheErrorOverEveryPageUntilItIsFixed() throws Exception {
        try (var events = new Events(url("/__patella/events"))) {
            events.next();

            edit("content/exercises/leg-lift.md", "title: Leg lift", "title: [Leg lift");

            String broken = events.awaitPage(this, "/about/", html -> html.contains("id=\"patella-overlay\""));
            assertThat(broken).contains("content/exercises/leg-lift.md:2:8").contains("[yaml.syntax]")
                    .contains("title: [Leg lift").contains("<h1>About</h1>");
            assertThat(get("/exercises/leg-lift/").body()).contains("id=\"patella-overlay\"")
                    .contains("<h1>Leg lift</h1>");

            edit("content/exercises/leg-lift.md", "title: [Leg lift", "title: Leg lift");

            String fixed = events.awaitPage(this, "/about/", html -> !html.contains("patella-overlay\""));
            assertThat(fixed).contains("<h1>About</h1>");
        }
    }

    /**
     * content/ or templates/ removed and made again (a copy put back, a branch switched) is a new folder the file
     * events of the old one no longer cover: the preview shows the folder missing (an error of the project, not of
     * Patella), builds again when it is back, and follows saves after that.
     */
    @ParameterizedTest
    @ValueSource(strings = {"content", "templates"})
    void aFolderRemovedAndPutBackIsFollowedAgain(String folder) throws Exception {
        Path copy = tmp.resolve(folder + "-copy");
        TestSites.copyTree(project.resolve(folder), copy);
        try (var events = new Events(url("/__patella/events"))) {
            events.next();

            TestSites.deleteTree(project.resolve(folder));

            String missing = events.awaitPage(this, "/about/", html -> html.contains("id=\"patella-overlay\""));
            assertThat(missing).contains("there is no " + folder + "/ folder").doesNotContain("internal error");

            TestSites.copyTree(copy, project.resolve(folder));

            events.awaitPage(this, "/about/", html -> !html.contains("patella-overlay\""));
            edit("content/pages/about.md", "title: About", "title: About us");
            assertThat(events.awaitPage(this, "/about/", html -> html.contains("<h1>About us</h1>")))
                    .doesNotContain("patella-overlay\"");
        }
    }

    /** content/ as a symbolic link to a folder elsewhere: a save there is followed, under the name the build reads. */
    @Test
    void aContentFolderThatIsALinkIsFollowed() throws Exception {
        Path elsewhere = tmp.resolve("shared-content");
        Files.move(project.resolve("content"), elsewhere);
        Files.createSymbolicLink(project.resolve("content"), elsewhere);
        try (var events = new Events(url("/__patella/events"))) {
            events.next();

            // the server started before the link was made: putting content/ back as a link is a folder that came
            events.awaitPage(this, "/about/", html -> !html.contains("patella-overlay\"") && html.contains("<h1>About</h1>"));
            edit("content/pages/about.md", "title: About", "title: About us");

            assertThat(events.awaitPage(this, "/about/", html -> html.contains("<h1>About us</h1>")))
                    .doesNotContain("patella-overlay\"");
            assertThat(Files.readString(elsewhere.resolve("pages/about.md"))).contains("title: About us");
        }
    }

    /** The project folder itself removed and put back (a copy restored) is watched again, as its folders are. */
    @Test
    void theProjectFolderRemovedAndPutBackIsFollowedAgain() throws Exception {
        Path copy = tmp.resolve("project-copy");
        TestSites.copyTree(project, copy);
        try (var events = new Events(url("/__patella/events"))) {
            events.next();

            TestSites.deleteTree(project);

            assertThat(events.awaitPage(this, "/about/", html -> html.contains("id=\"patella-overlay\"")))
                    .contains("there is no content/ folder");

            TestSites.copyTree(copy, project);
            events.awaitPage(this, "/about/", html -> !html.contains("patella-overlay\""));
            edit("content/pages/about.md", "title: About", "title: About us");
            assertThat(events.awaitPage(this, "/about/", html -> html.contains("<h1>About us</h1>")))
                    .doesNotContain("patella-overlay\"");
        }
    }

    /** The terminal does not say "Rebuilt 0 of 0 pages" when an error stopped the build before any page. */
    @Test
    void aTemplateThatDoesNotParseIsShownAndTheTerminalSaysNoPageWasRebuilt() throws Exception {
        try (var events = new Events(url("/__patella/events"))) {
            events.next();

            edit("templates/page.ftlh", "<#if page.slug == \"about\"", "<#if page.slug == \"about\" &&");

            String broken = events.awaitPage(this, "/about/", html -> html.contains("id=\"patella-overlay\""));
            assertThat(broken).contains("templates/page.ftlh").contains("<h1>About</h1>");
            long until = System.nanoTime() + TIMEOUT.toNanos();
            while (!log.toString().contains(" errors, shown") && !log.toString().contains(" error, shown")
                    && System.nanoTime() < until) {
                Thread.sleep(10); // the terminal's line may come just after the page
            }
            assertThat(log.toString()).containsPattern("No page rebuilt, in \\d+ ms \\(templates/page\\.ftlh\\); 1 error")
                    .doesNotContain("Rebuilt 0 of 0");
        }
    }

    @Test
    void theOverlayCutsALongLineAroundTheErrorSoTheCaretIsUnderIt() throws Exception {
        String sentence = "Lift slowly and keep breathing. ";
        try (var events = new Events(url("/__patella/events"))) {
            events.next();

            edit("content/exercises/leg-lift.md", "Helps the", sentence.repeat(12)
                    + "See [the missing page](/no-such-page/) for more.\n\n" + sentence.repeat(12) + "\n\nHelps the");

            String page = events.awaitPage(this, "/about/", html -> html.contains("[link.broken]"));
            var here = java.util.regex.Pattern.compile("<span class=\"patella-here\"> *(\\d+) \\| ([^\n]*)\n      \\| "
                    + "( *)<span class=\"patella-caret\">\\^</span></span>").matcher(page);
            assertThat(here.find()).as(page).isTrue();
            String shown = here.group(2).replace("&quot;", "\"");
            int caret = here.group(3).length();
            assertThat(page).containsPattern("content/exercises/leg-lift\\.md:\\d+:389");
            assertThat(shown).startsWith("\u2026").endsWith("\u2026").hasSizeLessThanOrEqualTo(ExcerptWindow.WIDTH + 2);
            assertThat(shown.substring(caret)).startsWith("[the missing page](/no-such-page/)");
            // the lines around it are cut the same way, so they stay aligned with it
            int start = 388 - ExcerptWindow.WIDTH / 2; // the column's index, less half the width
            assertThat(page).contains(" | \u2026" + sentence.repeat(12).substring(start) + "\n");
        }
    }

    @Test
    void aSiteFileSwappedForALinkOutOfTheProjectIsNeverServed() throws Exception {
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "TOP-SECRET-CANARY\n");
        Path image = project.resolve("content/images/knee.svg");
        Files.createDirectories(image.getParent());
        Files.writeString(image, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\"></svg>\n");
        restart();
        assertThat(get("/images/knee.svg").body()).startsWith("<svg");
        var refused = new java.util.concurrent.CountDownLatch(1);
        server.onRebuilt(r -> {
            if (!r.errors().isEmpty()) {
                refused.countDown(); // the build refused the link: the last good build, with the image, is served
            }
        });

        // swapped in one step, so that the only build after it sees the link
        Path link = Files.createSymbolicLink(image.resolveSibling(".knee.svg.tmp"), secret);
        Files.move(link, image, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        var beforeTheRebuild = get("/images/knee.svg");
        assertThat(refused.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).as("a rebuild with the error").isTrue();
        var afterTheRebuild = get("/images/knee.svg");

        assertThat(beforeTheRebuild.body()).doesNotContain("TOP-SECRET-CANARY");
        assertThat(afterTheRebuild.body()).doesNotContain("TOP-SECRET-CANARY");
        assertThat(afterTheRebuild.statusCode()).isEqualTo(404);
    }

    /**
     * A web page, a script or a page renamed .png saved in content/images/ is refused by the build
     * (image.wrong-type) and never published; the preview does not serve it either, where it would
     * run as the preview's own page and script, past the Content-Security-Policy's 'self'.
     */
    @Test
    void aFileTheBuildRefusesAsAPictureIsNotServed() throws Exception {
        Path images = Files.createDirectories(project.resolve("content/images"));
        Files.writeString(images.resolve("page.html"), "<html><body><script src=\"/images/run.js\"></script></body></html>\n");
        Files.writeString(images.resolve("run.js"), "document.body.textContent = 'ran';\n");
        Files.writeString(images.resolve("fake.png"), "<html><body>not a picture</body></html>\n");
        Files.writeString(images.resolve("knee.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\"></svg>\n");
        restart();

        assertThat(get("/").body()).contains("[image.wrong-type]");
        assertThat(get("/images/page.html").statusCode()).isEqualTo(404);
        assertThat(get("/images/run.js").statusCode()).isEqualTo(404);
        assertThat(get("/images/fake.png").statusCode()).isEqualTo(404);
        assertThat(get("/images/knee.svg").body()).startsWith("<svg"); // a picture beside them still is
    }

    @Test
    void aRebuildThatOverflowsTheStackIsShownAtTheFileSavedAndTheNextSaveIsServed() throws Exception {
        Path exercise = project.resolve("content/exercises/leg-lift.md");
        restart(session -> (changes, diagnostics, firstPages) -> {
            if (TestSites.read(exercise).contains("OVERFLOW")) {
                deeper(0); // a real stack overflow, on the rebuild thread, in the middle of a rebuild
            }
            return session.build(changes, diagnostics, firstPages);
        });
        try (var events = new Events(url("/__patella/events"))) {
            events.next();

            edit("content/exercises/leg-lift.md", "Helps the", "OVERFLOW helps the");

            String crashed = events.awaitPage(this, "/exercises/leg-lift/", html -> html.contains("patella-overlay\""));
            assertThat(crashed).contains("content/exercises/leg-lift.md:1:1").contains("[serve.rebuild-failed]")
                    .contains("StackOverflowError").contains("<h1>Leg lift</h1>").doesNotContain("OVERFLOW helps");
            assertThat(get("/about/").body()).contains("content/exercises/leg-lift.md:1:1").contains("<h1>About</h1>");
            // the page can be served before the terminal has the whole stack trace: wait for its first line
            long until = System.nanoTime() + TIMEOUT.toNanos();
            while (!log.toString().contains("java.lang.StackOverflowError") && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            assertThat(log.toString()).contains("content/exercises/leg-lift.md:1:1: error: the rebuild stopped")
                    .contains("java.lang.StackOverflowError");

            edit("content/exercises/leg-lift.md", "OVERFLOW helps the", "Now helps the");

            String fixed = events.awaitPage(this, "/exercises/leg-lift/", html -> html.contains("Now helps the"));
            assertThat(fixed).doesNotContain("patella-overlay\"");
            assertThat(get("/about/").body()).doesNotContain("patella-overlay\"");
        }
    }

    @Test
    void aRebuildThatRunsOutOfMemoryIsShownAndTheNextSaveIsServed() throws Exception {
        Path exercise = project.resolve("content/exercises/leg-lift.md");
        restart(session -> (changes, diagnostics, firstPages) -> {
            if (TestSites.read(exercise).contains("HUGE")) {
                long[] huge = new long[Integer.MAX_VALUE]; // a real OutOfMemoryError, without filling the heap
                assertThat(huge).isEmpty();
            }
            return session.build(changes, diagnostics, firstPages);
        });
        try (var events = new Events(url("/__patella/events"))) {
            events.next();

            edit("content/exercises/leg-lift.md", "Helps the", "HUGE helps the");

            String crashed = events.awaitPage(this, "/about/", html -> html.contains("patella-overlay\""));
            assertThat(crashed).contains("content/exercises/leg-lift.md:1:1").contains("OutOfMemoryError");

            edit("content/exercises/leg-lift.md", "HUGE helps the", "Then helps the");

            String fixed = events.awaitPage(this, "/exercises/leg-lift/", html -> html.contains("Then helps the"));
            assertThat(fixed).doesNotContain("patella-overlay\"");
        }
    }

    @Test
    void aFirstBuildThatThrowsStillStartsTheServerAndPointsAtTheFileSavedLast() throws Exception {
        Path page = project.resolve("content/pages/about.md");
        TestSites.write(page, TestSites.read(page).replace("About us.", "About us. BROKEN"));
        restart(session -> (changes, diagnostics, firstPages) -> {
            if (TestSites.read(page).contains("BROKEN")) {
                throw new java.util.NoSuchElementException("No value present"); // what a reader's bug threw
            }
            return session.build(changes, diagnostics, firstPages);
        });

        var home = get("/");
        assertThat(home.statusCode()).isEqualTo(404);
        assertThat(home.body()).contains("id=\"patella-overlay\"").contains("content/pages/about.md:1:1")
                .contains("[serve.rebuild-failed]").contains("NoSuchElementException: No value present")
                .contains("title: About");

        try (var events = new Events(url("/__patella/events"))) {
            events.next();
            edit("content/pages/about.md", "About us. BROKEN", "About us, mended.");

            String fixed = events.awaitPage(this, "/about/", html -> html.contains("About us, mended."));
            assertThat(fixed).doesNotContain("patella-overlay\"");
            assertThat(get("/").statusCode()).isEqualTo(200);
        }
    }

    /**
     * A file the operating system will not let Patella read (its permissions, a disk error) is told as
     * that, at that file, with what to do: no "bug in Patella", no stack trace (found in review: a
     * content file made unreadable while serving was reported as an internal error).
     */
    @Test
    void aFileThatCannotBeReadIsToldAsSuchNotAsABug() throws Exception {
        Path page = project.resolve("content/pages/about.md");
        restart(session -> (changes, diagnostics, firstPages) -> {
            if (TestSites.read(page).contains("LOCKED")) { // as reading it fails for a file made unreadable
                throw dev.patella.diag.FileFailure.reading(page, new java.nio.file.AccessDeniedException(page.toString()));
            }
            return session.build(changes, diagnostics, firstPages);
        });
        try (var events = new Events(url("/__patella/events"))) {
            events.next();
            edit("content/pages/about.md", "About us.", "About us. LOCKED");

            String shown = events.awaitPage(this, "/exercises/leg-lift/", html -> html.contains("patella-overlay\""));
            assertThat(shown).contains("content/pages/about.md:1:1").contains("permission denied")
                    .doesNotContain("bug in Patella");
            // the terminal is written just after the open pages are told
            for (int i = 0; i < 200 && !log.toString().contains("permission denied"); i++) {
                Thread.sleep(25);
            }
            assertThat(log.toString()).contains("permission denied").doesNotContain("bug in Patella")
                    .doesNotContain("\tat ");

            edit("content/pages/about.md", "About us. LOCKED", "About us, readable.");
            String fixed = events.awaitPage(this, "/about/", html -> html.contains("About us, readable."));
            assertThat(fixed).doesNotContain("patella-overlay\"");
        }
    }

    /** A named pipe saved in content/ is told, and the server goes on rebuilding: the watcher never opens it. */
    @Test
    void aPipeInTheContentNeverStopsThePreview() throws Exception {
        try (var events = new Events(url("/__patella/events"))) {
            events.next();
            Path pipe = project.resolve("content/pages/pipe.md");
            org.junit.jupiter.api.Assumptions.assumeTrue(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor()
                    == 0, "mkfifo makes a named pipe");

            String told = events.awaitPage(this, "/about/", html -> html.contains("file.not-a-file"));
            assertThat(told).contains("content/pages/pipe.md:1:1");

            Files.delete(pipe);
            edit("content/pages/about.md", "About us.", "About us, after the pipe.");
            String fixed = events.awaitPage(this, "/about/", html -> html.contains("About us, after the pipe."));
            assertThat(fixed).doesNotContain("patella-overlay\"");
        }
    }

    @Test
    void deeplyNestedMarkdownNeverSilencesTheServer() throws Exception {
        try (var events = new Events(url("/__patella/events"))) {
            events.next();

            edit("content/pages/about.md", "About us.", "About us.\n\n" + ">".repeat(3000) + " deep\n");

            String shown = events.awaitPage(this, "/exercises/leg-lift/", html -> html.contains("patella-overlay\""));
            assertThat(shown).contains("content/pages/about.md:").contains("<h1>Leg lift</h1>");

            edit("content/pages/about.md", ">".repeat(3000) + " deep", "Written again.");

            String fixed = events.awaitPage(this, "/about/", html -> html.contains("Written again."));
            assertThat(fixed).doesNotContain("patella-overlay\"");
        }
    }

    /** Calls itself until the stack runs out. */
    private static int deeper(int depth) {
        return deeper(depth + 1) + 1;
    }

    /** The search index the search page names. */
    private String searchIndex() throws Exception {
        var named = java.util.regex.Pattern.compile("data-index=\"([^\"]+)\"").matcher(get("/search/").body());
        assertThat(named.find()).as("the search page names its index").isTrue();
        return named.group(1);
    }

    private void restart(java.util.function.Function<dev.patella.build.SiteSession, Rebuilder.Step> steps)
            throws IOException {
        server.close();
        server = DevServer.start(ServeOptions.of(project, "127.0.0.1", 0, true, TestSites.TODAY),
                System::nanoTime, new PrintWriter(log, true), new PrintWriter(log, true), steps);
    }

    /** Starts the server again with a longest wait far above any save's, and the queue of its rebuilds. */
    private BlockingQueue<DevServer.Rebuilt> restartWaitingLong() throws IOException {
        server.close();
        server = DevServer.start(new ServeOptions(project, "127.0.0.1", 0, true, TestSites.TODAY,
                ServeOptions.QUIET, Duration.ofSeconds(10)), System::nanoTime, new PrintWriter(log, true),
                new PrintWriter(log, true));
        var rebuilt = new LinkedBlockingQueue<DevServer.Rebuilt>();
        server.onRebuilt(rebuilt::add);
        return rebuilt;
    }

    private void restart() throws IOException {
        server.close();
        server = DevServer.start(ServeOptions.of(project, "127.0.0.1", 0, true, TestSites.TODAY),
                System::nanoTime, new PrintWriter(log, true), new PrintWriter(log, true));
    }

    private URI url(String path) {
        return server.url().resolve(path);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(url(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends a request line as written, without any client normalising the path. */
    private String raw(String requestLine) throws IOException {
        return raw(requestLine, "127.0.0.1:" + server.url().getPort());
    }

    private String raw(String requestLine, String host) throws IOException {
        return request(requestLine + "\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
    }

    /** Sends {@code request} exactly as written and returns the whole answer. */
    private String request(String request) throws IOException {
        try (Socket socket = new Socket(server.url().getHost(), server.url().getPort())) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Replaces a file the way many editors save: write a hidden temporary file, then rename it over. */
    private void edit(String file, String from, String to) throws IOException {
        Path path = project.resolve(file);
        String text = Files.readString(path);
        assertThat(text).contains(from);
        Path temporary = path.resolveSibling("." + path.getFileName() + ".tmp");
        Files.writeString(temporary, text.replace(from, to));
        Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** A page's side of live reload: the event stream, read as it arrives. */
    private final class Events implements AutoCloseable {
        private final BlockingQueue<String> builds = new LinkedBlockingQueue<>();
        private final CompletableFuture<?> stream;

        Events(URI url) {
            stream = http.sendAsync(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofLines())
                    .thenAccept(response -> response.body().filter(l -> l.startsWith("data: "))
                            .forEach(l -> builds.add(l.substring(6))));
        }

        /** The next build id the server announces; fails after the timeout. */
        String next() throws InterruptedException {
            String id = builds.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(id).as("a build event within " + TIMEOUT).isNotNull();
            return id;
        }

        /**
         * Fetches the page after each build event until it satisfies {@code test} (a save can
         * reach the watcher as more than one event, so more than one build may come).
         */
        String awaitPage(DevServerTest test, String path, Predicate<String> wanted) throws Exception {
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (true) {
                String html = test.get(path).body();
                if (wanted.test(html)) {
                    return html;
                }
                long left = deadline - System.nanoTime();
                assertThat(left).as("the page " + path + " did not change as expected; server log:\n" + log).isPositive();
                builds.poll(left, TimeUnit.NANOSECONDS);
            }
        }

        @Override
        public void close() {
            stream.cancel(true);
        }
    }
}
