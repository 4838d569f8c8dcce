package dev.patella.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import dev.patella.TestSites;
import dev.patella.output.SecurityHeaders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built site as a host that reads {@code _headers} serves it (Netlify, Cloudflare Pages): its
 * pages work under the Content-Security-Policy the hosting files send, with no violation or
 * console error, and a drawing with script opened on its own runs none of it (which the same
 * drawing does, served without those headers). Skipped (never failed) without chromium.
 */
class HostedSiteBrowserTest {

    /** What the build refuses, put into the built site by hand, as a host's other tools could. */
    private static final String SCRIPTED_SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\" "
            + "onload=\"document.documentElement.setAttribute('data-onload', 'ran')\">"
            + "<script>document.documentElement.setAttribute('data-script', 'ran')</script></svg>";
    private static final String RAN = "() => [document.documentElement.getAttribute('data-onload'), "
            + "document.documentElement.getAttribute('data-script')].join(' ')";

    @TempDir
    Path tmp;

    @Test
    void builtSitePassesTheHostingPolicyAndADrawingOpenedAloneRunsNoScript() throws Exception {
        Chromium.assumeInstalled();
        Path project = TestSites.shipped(tmp.resolve("p"));
        var build = TestSites.run("build", "--project", project.toString());
        assertThat(build.exitCode()).as(build.err()).isZero();
        Path site = project.resolve("site");
        Files.writeString(site.resolve("images/scripted.svg"), SCRIPTED_SVG);

        StaticServer hosted = StaticServer.withHostHeaders(site);
        StaticServer bare = StaticServer.start(site);
        List<String> problems = new CopyOnWriteArrayList<>();
        try (Chromium chromium = Chromium.launch();
             BrowserContext context = watched(chromium.browser(), problems)) {
            Page page = context.newPage();
            for (String path : List.of("", "exercises/clamshell/", "conditions/chondromalacia-patella/program/")) {
                Response response = page.navigate(hosted.base() + path);
                assertThat(response.headerValue("content-security-policy")).as(path)
                        .isEqualTo(SecurityHeaders.CONTENT_SECURITY_POLICY);
                settle(page);
            }
            page.navigate(hosted.base() + "exercises/");
            page.selectOption("#filter-muscle", "gluteus-medius");
            assertThat(page.locator(".card:visible h3").allTextContents()).containsExactly("Side-lying leg raise",
                    "Clamshell");
            page.navigate(hosted.base() + "search/?q=glute");
            page.waitForSelector("#results-list li");
            settle(page);
            assertThat(problems).isEmpty();

            Response svg = page.navigate(hosted.base() + "images/scripted.svg");
            assertThat(svg.headerValue("content-security-policy")).isEqualTo(SecurityHeaders.CONTENT_SECURITY_POLICY);
            settle(page);
            assertThat(page.evaluate(RAN)).isEqualTo(" ");
            assertThat(problems).hasSizeGreaterThanOrEqualTo(2)
                    .allMatch(p -> p.contains("scripted.svg") && p.contains("Content Security Policy"));
            problems.clear();

            // the control: without the hosting headers, the same drawing runs both scripts
            page.navigate(bare.base() + "images/scripted.svg");
            settle(page);
            assertThat(page.evaluate(RAN)).isEqualTo("ran ran");
        } finally {
            hosted.stop();
            bare.stop();
        }
    }

    /** A context that reports every console error or warning, page error and request to another host. */
    private static BrowserContext watched(Browser browser, List<String> problems) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
        context.onPage(page -> {
            page.onConsoleMessage(m -> {
                if (m.type().equals("error") || m.type().equals("warning")) {
                    problems.add(page.url() + ": console " + m.type() + ": " + m.text());
                }
            });
            page.onPageError(e -> problems.add(page.url() + ": " + e));
            page.onRequest(r -> {
                if (!r.url().startsWith("http://127.0.0.1:")) {
                    problems.add(page.url() + ": request to another host: " + r.url());
                }
            });
        });
        return context;
    }

    /** Lets queued events (a CSP report is one) run before looking at the list. */
    private static void settle(Page page) {
        page.evaluate("() => new Promise(done => setTimeout(() => requestAnimationFrame(() => done()), 100))");
    }
}
