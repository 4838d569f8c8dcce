package dev.patella.browser;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * Debian's chromium driven by Playwright, started the same way by every browser test.
 *
 * <p>Wait with {@code page.waitForCondition(() -> ...)}, polled from Java, never with
 * {@code page.waitForFunction("...")}: Playwright polls a string predicate with {@code eval}, which the site's
 * Content-Security-Policy forbids, so such a wait fails whenever its condition is not already true.
 */
final class Chromium implements AutoCloseable {

    static final Path EXECUTABLE = Paths.get("/usr/bin/chromium");
    static final List<String> ARGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run");

    private final Playwright playwright;
    private final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    /** Skips the calling tests (an assumption, never a failure) on a machine without chromium. */
    static void assumeInstalled() {
        assumeTrue(Files.isExecutable(EXECUTABLE), "browser tests skipped: no " + EXECUTABLE + ". To run them, "
                + "install Debian's chromium (apt-get install -y chromium) and run mvn -B test again.");
    }

    /** Starts chromium; Playwright's driver comes from its jar, and no browser is downloaded. */
    static Chromium launch() {
        return launch(List.of());
    }

    /** Starts chromium with {@code extra} switches after the usual ones, such as a setting of {@code --blink-settings}. */
    static Chromium launch(List<String> extra) {
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        List<String> args = new java.util.ArrayList<>(ARGS);
        args.addAll(extra);
        Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(EXECUTABLE).setHeadless(true).setArgs(args));
        return new Chromium(playwright, browser);
    }

    Browser browser() {
        return browser;
    }

    /** A fresh context (no cookies, no cache) with the viewport {@code width} CSS pixels wide. */
    BrowserContext context(int width, boolean javaScript) {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(width, 900)
                .setJavaScriptEnabled(javaScript));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
