package dev.patella.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.patella.TestSites;
import dev.patella.serve.DevServer;
import dev.patella.serve.ServeOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped site through the real dev server ({@code patella serve}) in chromium, under the
 * server's Content-Security-Policy: every page loads with no CSP violation (watched through
 * {@code securitypolicyviolation} events and the console) while search, filters, the program's
 * print chooser, live reload and the error overlay work. Skipped (never failed) where
 * {@code /usr/bin/chromium} is missing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DevServerBrowserTest {

    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "font-src 'self'; connect-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";
    private static final LocatorAssertions.HasTextOptions RELOAD = new LocatorAssertions.HasTextOptions().setTimeout(20_000);

    private Path project;
    private DevServer server;
    private Chromium chromium;
    private Browser browser;
    private final StringWriter log = new StringWriter();
    private final List<String> problems = new CopyOnWriteArrayList<>();

    @BeforeAll
    void start(@TempDir Path tmp) throws IOException {
        Chromium.assumeInstalled();
        project = TestSites.shipped(tmp.resolve("p"));
        server = DevServer.start(ServeOptions.of(project, "127.0.0.1", 0, false, TestSites.TODAY),
                System::nanoTime, new PrintWriter(log, true), new PrintWriter(log, true));
        chromium = Chromium.launch();
        browser = chromium.browser();
    }

    @AfterAll
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void clear() {
        problems.clear();
    }

    /** A browser context that reports every CSP violation, console error or warning, page error and outside request. */
    private BrowserContext watched() {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
        context.exposeBinding("patellaViolation", (source, args) -> {
            problems.add("CSP violation: " + args[0]);
            return null;
        });
        // runs before the page's own scripts; added through the DevTools protocol, so the CSP does not apply to it
        context.addInitScript("document.addEventListener('securitypolicyviolation', e => window.patellaViolation("
                + "location.pathname + ': ' + e.violatedDirective + ' blocked ' + (e.blockedURI || e.sample)));");
        context.onPage(page -> {
            page.onConsoleMessage(m -> {
                if (m.type().equals("error") || m.type().equals("warning")) {
                    problems.add(page.url() + ": console " + m.type() + ": " + m.text());
                }
            });
            page.onPageError(e -> problems.add(page.url() + ": " + e));
            page.onRequest(r -> {
                if (!"127.0.0.1".equals(URI.create(r.url()).getHost())) {
                    problems.add(page.url() + ": request to another host: " + r.url());
                }
            });
        });
        return context;
    }

    private String url(String path) {
        return server.url().resolve(path).toString();
    }

    /** Lets events the page has queued (a violation report is one) run before looking at the list. */
    private static void settle(Page page) {
        page.evaluate("() => new Promise(done => setTimeout(() => requestAnimationFrame(() => done()), 100))");
    }

    @Test
    void everyPageThroughTheDevServerPassesItsContentSecurityPolicy() throws Exception {
        String sitemap;
        try (var in = URI.create(url("sitemap.xml")).toURL().openStream()) {
            sitemap = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> pages = new ArrayList<>();
        var loc = Pattern.compile("<loc>" + Pattern.quote(server.url().toString()) + "([^<]*)</loc>").matcher(sitemap);
        while (loc.find()) {
            pages.add(loc.group(1));
        }
        pages.add("404.html");
        pages.add("no-such-page/");
        assertThat(pages).as("the sitemap lists the glossary, the pain guide and the rest").hasSize(36)
                .contains("glossary/", "pain-guide/");

        try (BrowserContext context = watched()) {
            Page page = context.newPage();
            for (String path : pages) {
                Response response = page.navigate(url(path));
                assertThat(response.headerValue("content-security-policy")).as(path).isEqualTo(CSP);
                assertThat(page.locator("script[src='/__patella/live.js']").count()).as(path).isEqualTo(1);
                settle(page);
            }
            // the one error expected: chromium logs the 404 status of the missing page
            assertThat(problems).containsExactly(url("no-such-page/")
                    + ": console error: Failed to load resource: the server responded with a status of 404 (Not Found)");
            problems.clear();

            // the watch works: an inline script, which this CSP forbids, is reported
            page.evaluate("() => { const s = document.createElement('script'); s.textContent = 'window.inline = 1';"
                    + " document.body.append(s); }");
            settle(page);
            assertThat(problems).hasSize(2).anyMatch(p -> p.contains("CSP violation") && p.contains("script-src"))
                    .anyMatch(p -> p.contains("console error") && p.contains("Content Security Policy"));
            assertThat(page.evaluate("() => window.inline === undefined")).isEqualTo(true);
        }
    }

    @Test
    void searchFiltersAndThePrintChooserWorkUnderTheContentSecurityPolicy() {
        try (BrowserContext context = watched()) {
            Page page = context.newPage();
            page.navigate(url("search/?q=glute"));
            page.waitForSelector("#results-list li");
            assertThat(page.locator("#results-list li a").allTextContents()).contains("Clamshell", "Side-lying leg raise");

            page.navigate(url("exercises/"));
            page.selectOption("#filter-muscle", "gluteus-medius");
            assertThat(page.locator(".card:visible h3").allTextContents()).containsExactly("Side-lying leg raise",
                    "Clamshell");

            page.navigate(url("conditions/chondromalacia-patella/program/"));
            page.uncheck("input[data-exercise=ex-clamshell]");
            assertThat(page.textContent("#print-status")).isEqualTo("4 of 5 exercises will print.");
            settle(page);
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void liveReloadAndTheErrorOverlayWorkUnderTheContentSecurityPolicy() throws Exception {
        try (BrowserContext context = watched()) {
            Page page = context.newPage();
            page.navigate(url("exercises/clamshell/"));
            assertThat(page.locator("h1")).hasText("Clamshell");

            edit("content/exercises/clamshell.md", "title: Clamshell", "title: Clamshell, edited");
            assertThat(page.locator("h1")).hasText("Clamshell, edited", RELOAD);

            edit("content/exercises/clamshell.md", "title: Clamshell, edited", "title: [Clamshell");
            assertThat(page.locator("#patella-overlay h2")).hasText("Patella found 1 error", RELOAD);
            assertThat(page.locator("#patella-overlay")).hasCSS("position", "fixed"); // live.css applied

            edit("content/exercises/clamshell.md", "title: [Clamshell", "title: Clamshell");
            assertThat(page.locator("h1")).hasText("Clamshell", RELOAD);
            assertThat(page.locator("#patella-overlay")).hasCount(0);
            settle(page);
        }
        assertThat(problems).as(log.toString()).isEmpty();
    }

    @Test
    void savingAPageReloadsThatPageOnceAndLeavesTheOtherOpenPagesAsTheyAre() throws Exception {
        var rebuilt = new LinkedBlockingQueue<DevServer.Rebuilt>();
        server.onRebuilt(rebuilt::add);
        try (BrowserContext context = browser.newContext()) {
            // counts each load of a tab, and notes each build its event stream hears before live.js acts on it
            context.addInitScript("""
                    sessionStorage.setItem('loads', String(Number(sessionStorage.getItem('loads') || 0) + 1));
                    window.heard = [];
                    const Real = window.EventSource;
                    window.EventSource = function (url) {
                      const stream = new Real(url);
                      stream.addEventListener('build', e => window.heard.push(e.data));
                      return stream;
                    };""");
            Page edited = context.newPage();
            edited.navigate(url("about/"));
            Page other = context.newPage();
            other.navigate(url("exercises/clamshell/"));
            for (Page page : List.of(edited, other)) {
                page.waitForCondition(() -> !heard(page).isEmpty());
            }
            rebuilt.clear();

            edit("content/pages/about.md", "in plain words.", "in plain words, edited.");
            assertThat(edited.locator("main")).containsText("in plain words, edited.",
                    new LocatorAssertions.ContainsTextOptions().setTimeout(20_000));
            DevServer.Rebuilt done = rebuilt.poll(20, TimeUnit.SECONDS);
            assertThat(done).as(log.toString()).isNotNull();
            assertThat(done.firstPagesNanos()).as("the page was served before the rebuild ended")
                    .isLessThan(done.readyNanos());
            String last = String.valueOf(done.snapshot());
            for (Page page : List.of(edited, other)) {
                page.waitForCondition(() -> heard(page).stream().anyMatch(said -> said.split(" ")[0].equals(last)));
            }

            assertThat(edited.evaluate("() => sessionStorage.getItem('loads')")).as("reloaded once; heard " + heard(edited)).isEqualTo("2");
            assertThat(other.evaluate("() => sessionStorage.getItem('loads')")).as("not reloaded").isEqualTo("1");
            edit("content/pages/about.md", "in plain words, edited.", "in plain words.");
            assertThat(edited.locator("main")).not().containsText("edited.", new LocatorAssertions.ContainsTextOptions()
                    .setTimeout(20_000));
        }
    }

    @Test
    void theOverlaysCaretIsInViewForAnErrorFarAlongALongLineOnANarrowScreen() throws Exception {
        String sentence = "Keep the knee soft and the hips still. ";
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(400, 800))) {
            Page page = context.newPage();
            page.navigate(url("about/"));
            assertThat(page.locator("h1")).hasText("About this site");

            String original = Files.readString(project.resolve("content/exercises/clamshell.md"));
            int body = original.indexOf("\n---\n", 4) + 5;
            Files.writeString(project.resolve("content/exercises/clamshell.md"), original.substring(0, body)
                    + sentence.repeat(10) + "Then see [the lost page](/no-such-page/).\n\n" + original.substring(body));
            assertThat(page.locator("#patella-overlay .patella-where")).hasText(
                    Pattern.compile(":\\d+:" + (sentence.length() * 10 + "Then see ".length() + 1) + "$"), RELOAD);

            var caret = page.locator("#patella-overlay .patella-caret").boundingBox();
            var excerpt = page.locator("#patella-overlay pre").boundingBox();
            assertThat(caret.x).as("caret left of the excerpt's right edge").isBetween(excerpt.x,
                    excerpt.x + excerpt.width - caret.width);
            assertThat(caret.x + caret.width).as("caret within the screen").isLessThanOrEqualTo(400);
            assertThat(page.evaluate("() => document.elementFromPoint(" + (caret.x + caret.width / 2) + ", "
                    + (caret.y + caret.height / 2) + ").className")).isEqualTo("patella-caret");

            Files.writeString(project.resolve("content/exercises/clamshell.md"), original);
            assertThat(page.locator("#patella-overlay")).hasCount(0, new LocatorAssertions.HasCountOptions()
                    .setTimeout(20_000));
        }
    }

    /** What the page's event stream has heard since the page loaded, as the server said it. */
    @SuppressWarnings("unchecked")
    private static List<String> heard(Page page) {
        return (List<String>) page.evaluate("() => window.heard.slice()");
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
}
