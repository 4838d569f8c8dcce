package dev.patella.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.ColorScheme;
import com.microsoft.playwright.options.ForcedColors;
import com.microsoft.playwright.options.Media;
import dev.patella.TestSites;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped site in a real browser: Debian's chromium, driven by Playwright, loading the
 * built site from a server on loopback. Skipped (never failed) where {@code /usr/bin/chromium}
 * is missing; {@code apt-get install -y chromium} enables it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReaderBrowserTest {

    static final List<String> FIVE = List.of("Straight leg raise", "Side-lying leg raise", "Clamshell",
            "Hip extension leg raise", "Semi squat");
    static final Path SCREENSHOTS = TestSites.PROJECT.resolve("target/screenshots");

    private StaticServer server;
    private Chromium chromium;
    private Browser browser;
    private List<String> pages;

    @BeforeAll
    void start(@TempDir Path tmp) throws IOException {
        Chromium.assumeInstalled();
        Path project = TestSites.shipped(tmp.resolve("p"));
        var run = TestSites.run("build", "--project", project.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        Path site = project.resolve("site");
        server = StaticServer.start(site);
        pages = new ArrayList<>();
        var loc = Pattern.compile("<loc>https://example\\.org/([^<]*)</loc>").matcher(TestSites.read(site.resolve("sitemap.xml")));
        while (loc.find()) {
            pages.add(loc.group(1));
        }
        pages.add("404.html");
        // each other language's own 404 page (/es/404.html), which the sitemap does not list either
        try (var folders = Files.list(site)) {
            folders.filter(f -> Files.isRegularFile(f.resolve("404.html")))
                    .map(f -> f.getFileName() + "/404.html").sorted().forEach(pages::add);
        }
        assertThat(pages).as("the pages every browser test visits").contains("glossary/");
        chromium = Chromium.launch();
        browser = chromium.browser();
    }

    @AfterAll
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (server != null) {
            server.stop();
        }
    }

    private String url(String path) {
        return server.base() + path;
    }

    @Test
    void everyPageLoadsWithNoConsoleErrorAndNoRequestToAnotherHost() {
        List<String> problems = new ArrayList<>();
        String[] current = {""};
        try (BrowserContext context = chromium.context(1280, true)) {
            // one tab for every page, as a reader clicking through the site uses it
            Page page = context.newPage();
            page.onConsoleMessage(m -> {
                if (m.type().equals("error") || m.type().equals("warning")) {
                    problems.add(current[0] + ": console " + m.type() + ": " + m.text());
                }
            });
            page.onPageError(e -> problems.add(current[0] + ": " + e));
            page.onRequest(r -> {
                String host = URI.create(r.url()).getHost();
                if (!"127.0.0.1".equals(host)) {
                    problems.add(current[0] + ": request to another host: " + r.url());
                }
            });
            page.onResponse(r -> {
                if (r.status() >= 400 && !r.url().endsWith("/404.html") && !current[0].equals("404.html")) {
                    problems.add(current[0] + ": " + r.status() + " for " + r.url());
                }
            });
            for (String path : pages) {
                current[0] = path;
                page.navigate(url(path));
                page.waitForLoadState();
            }
        }
        assertThat(pages).hasSize(36);
        assertThat(problems).isEmpty();
    }

    @Test
    void axeFindsNoWcagViolationOnAnyPage() {
        List<String> violations = new ArrayList<>();
        try (BrowserContext context = chromium.context(1280, true)) {
            Page page = context.newPage();
            for (String path : pages) {
                page.navigate(url(path));
                page.waitForLoadState();
                violations.addAll(Axe.violations(page, path));
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void everyPageReflowsAt320PixelsWithoutSidewaysScrolling() {
        List<String> wide = new ArrayList<>();
        try (BrowserContext context = chromium.context(320, true)) {
            Page page = context.newPage();
            for (String path : pages) {
                page.navigate(url(path));
                int width = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
                if (width > 320) {
                    wide.add(path + " is " + width + " px wide");
                }
            }
        }
        assertThat(wide).isEmpty();
    }

    /**
     * Text at 200%, as a reader sets it: the browser's default font size raised from 16 to 32 px
     * (the DevTools protocol's {@code Page.setFontSizes}, the setting Chromium's own font size
     * preference changes; zoom or a device scale factor would change the viewport instead). With it,
     * no page scrolls sideways at 320 or 390 px (WCAG 1.4.4 and 1.4.10): long words break inside
     * buttons and menu links, the filters and the dose panel go to one column, and the program's
     * tick table scrolls on its own, and the handout maker's fields go to one column.
     */
    @Test
    void everyPageReflowsAt320And390PixelsWithTextAt200Percent() {
        List<String> wide = new ArrayList<>();
        for (int width : new int[] {320, 390}) {
            try (BrowserContext context = chromium.context(width, true)) {
                Page page = context.newPage();
                largeText(context, page, 32);
                for (String path : pages) {
                    page.navigate(url(path));
                    assertThat(page.evaluate("getComputedStyle(document.documentElement).fontSize")).as(path)
                            .isEqualTo("32px");
                    int scroll = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
                    if (scroll > width) {
                        wide.add(path + " is " + scroll + " px wide at " + width + " px");
                    }
                }
            }
        }
        assertThat(wide).isEmpty();
    }

    /** Sets the browser's default font size, as a reader's text size setting does (16 px is 100%). */
    static void largeText(BrowserContext context, Page page, int pixels) {
        CDPSession cdp = context.newCDPSession(page);
        cdp.send("Page.enable");
        JsonObject sizes = new JsonObject();
        sizes.addProperty("standard", pixels);
        JsonObject args = new JsonObject();
        args.add("fontSizes", sizes);
        cdp.send("Page.setFontSizes", args);
    }

    @Test
    void skipLinkIsTheFirstStopAndShowsWhenFocused() {
        try (BrowserContext context = chromium.context(375, true)) {
            Page page = context.newPage();
            page.navigate(url("exercises/clamshell/"));
            page.keyboard().press("Tab");
            assertThat(page.evaluate("document.activeElement.textContent")).isEqualTo("Skip to main content");
            var box = page.locator(".skip-link").boundingBox();
            assertThat(box.y).isGreaterThanOrEqualTo(0);
            assertThat(box.height).isGreaterThanOrEqualTo(24);
            page.keyboard().press("Enter");
            assertThat(page.url()).endsWith("#main");
        }
    }

    /**
     * The skip link stays wholly above the page until it is focused, however many lines large text
     * wraps it to (at 175% it took two lines and its lower part hung over the header), and then shows whole.
     */
    @Test
    void skipLinkStaysOffScreenUntilFocusedWithLargeText() {
        for (int pixels : new int[] {16, 28, 32}) {
            try (BrowserContext context = chromium.context(390, true)) {
                Page page = context.newPage();
                largeText(context, page, pixels);
                for (String path : List.of("", "es/")) {
                    page.navigate(url(path));
                    String at = path + " with text at " + pixels + " px";
                    var hidden = page.locator(".skip-link").boundingBox();
                    assertThat(hidden.y + hidden.height).as("the skip link's bottom, unfocused, " + at).isLessThanOrEqualTo(0);
                    page.keyboard().press("Tab");
                    assertThat(page.evaluate("document.activeElement.className")).as(at).isEqualTo("skip-link");
                    var shown = page.locator(".skip-link").boundingBox();
                    assertThat(shown.y).as("the focused skip link's top, " + at).isGreaterThanOrEqualTo(0);
                    assertThat(shown.y + shown.height).as(at).isLessThanOrEqualTo(900);
                }
            }
        }
    }

    /** The link to the other language is as easy to tap as the menu's links: at least 44 px high (it was 18 px). */
    @Test
    void theLanguageLinkIsAsTallAsTheMenuLinks() {
        try (BrowserContext context = chromium.context(390, true)) {
            Page page = context.newPage();
            for (String path : List.of("", "es/", "exercises/clamshell/", "es/conditions/chondromalacia-patella/program/")) {
                page.navigate(url(path));
                var language = page.locator(".language-switcher a").first().boundingBox();
                assertThat(language.height).as(path).isGreaterThanOrEqualTo(44);
                assertThat(language.width).as(path).isGreaterThanOrEqualTo(44);
            }
        }
    }

    /**
     * Forced colours (Windows' contrast themes) with a dark theme: the drawings, dark lines on a clear
     * background, stay on white on the program sheet as on the exercise page. They vanished on the
     * program, dark on the theme's black.
     */
    @Test
    void drawingsStayOnWhiteInForcedColoursWithADarkTheme() throws IOException {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(800, 900)
                .setForcedColors(ForcedColors.ACTIVE).setColorScheme(ColorScheme.DARK))) {
            Page page = context.newPage();
            for (String path : List.of("conditions/chondromalacia-patella/program/", "es/conditions/chondromalacia-patella/program/",
                    "exercises/clamshell/", "es/exercises/semi-squat/")) {
                page.navigate(url(path));
                assertThat(luminance(page.screenshot(new Page.ScreenshotOptions().setClip(0, 0, 800, 40))))
                        .as("the page's own background, dark in this theme, on " + path).isLessThan(60);
                var drawing = page.locator(".sheet-figure, .illustration img").first();
                drawing.scrollIntoViewIfNeeded();
                assertThat(luminance(drawing.screenshot())).as("the drawing on " + path).isGreaterThan(180);
            }
        }
    }

    /**
     * A browser's automatic dark mode (Chrome's darkening of light sites, Samsung Internet's dark mode;
     * here Chromium's {@code forceDarkModeEnabled} with a dark preferred scheme, as a phone's dark theme
     * gives) darkens the pages but leaves the drawings on white and the handout's QR code dark on light,
     * so that a phone can read it (ZXing reads it here without being told to try an inverted code).
     * Without {@code color-scheme: only light} on them, the drawings were grey on near-black and the
     * code white on black.
     */
    @Test
    void automaticDarkModeLeavesTheDrawingsAndTheQrCodeAsTheyAre() throws IOException {
        Files.createDirectories(SCREENSHOTS);
        try (Chromium dark = Chromium.launch(List.of("--blink-settings=forceDarkModeEnabled=true"));
                BrowserContext context = dark.browser().newContext(new Browser.NewContextOptions().setViewportSize(800, 900)
                        .setColorScheme(ColorScheme.DARK))) {
            Page page = context.newPage();
            for (String path : List.of("conditions/chondromalacia-patella/program/", "es/conditions/chondromalacia-patella/program/",
                    "exercises/clamshell/", "es/exercises/semi-squat/")) {
                page.navigate(url(path));
                assertThat(luminance(page.screenshot(new Page.ScreenshotOptions().setClip(0, 0, 800, 40))))
                        .as("the page's own background, darkened, on " + path).isLessThan(60);
                var drawing = page.locator(".sheet-figure, .illustration img").first();
                drawing.scrollIntoViewIfNeeded();
                assertThat(luminance(drawing.screenshot())).as("the drawing on " + path).isGreaterThan(180);
            }
            page.navigate(url("exercises/clamshell/"));
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(SCREENSHOTS.resolve("exercise-auto-dark-800.png")));

            page.navigate(url("handout/"));
            page.waitForSelector("#h-qr-code svg");
            byte[] code = page.locator("#h-qr-code").screenshot();
            Files.write(SCREENSHOTS.resolve("handout-qr-auto-dark.png"), code);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(code));
            int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
            var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
            try {
                assertThat(new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText())
                        .as("the QR code, read by ZXing").contains("/handout/#v");
            } catch (NotFoundException | ChecksumException | FormatException e) {
                throw new AssertionError("the QR code cannot be read in automatic dark mode: " + e, e);
            }
        }
    }

    /** The mean brightness (0 black to 255 white) of a screenshot. */
    static double luminance(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        double sum = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                sum += 0.2126 * (rgb >> 16 & 255) + 0.7152 * (rgb >> 8 & 255) + 0.0722 * (rgb & 255);
            }
        }
        return sum / (image.getWidth() * image.getHeight());
    }

    /** The filter's count takes the plural form of the page's language: "Se muestra 1", "Se muestran 2". */
    @Test
    void spanishExerciseFiltersCountInSpanishGrammar() {
        try (BrowserContext context = chromium.context(1280, true)) {
            Page page = context.newPage();
            page.navigate(url("es/exercises/?chain=closed-chain"));
            page.waitForCondition(() -> !page.textContent("#filter-status").isBlank());
            assertThat(page.textContent("#filter-status")).isEqualTo("Se muestra 1 de 5 ejercicios.");
            page.selectOption("#filter-chain", "");
            page.selectOption("#filter-phase", "early");
            assertThat(page.textContent("#filter-status")).isEqualTo("Se muestran 4 de 5 ejercicios.");
        }
    }

    @Test
    void exerciseFiltersShowOnlyTheMatchingExercises() {
        try (BrowserContext context = chromium.context(1280, true)) {
            Page page = context.newPage();
            page.navigate(url("exercises/"));
            assertThat(page.locator("#filters").isVisible()).isTrue();

            page.selectOption("#filter-muscle", "gluteus-medius");
            assertThat(visibleCards(page)).containsExactly("Side-lying leg raise", "Clamshell");
            assertThat(page.textContent("#filter-status")).isEqualTo("Showing 2 of 5 exercises.");
            assertThat(page.url()).endsWith("?muscle=gluteus-medius");

            page.selectOption("#filter-muscle", "");
            page.selectOption("#filter-chain", "closed-chain");
            assertThat(visibleCards(page)).containsExactly("Semi squat");
            assertThat(page.textContent("#filter-status")).isEqualTo("Showing 1 of 5 exercises.");
            assertThat(page.locator("section.phase[data-phase=early]").isVisible()).isFalse();

            page.selectOption("#filter-chain", "");
            page.selectOption("#filter-equipment", "ankle-weights");
            page.selectOption("#filter-phase", "early");
            assertThat(visibleCards(page)).containsExactly("Straight leg raise", "Side-lying leg raise",
                    "Hip extension leg raise");

            page.click("button[type=reset]");
            page.waitForCondition(() -> page.locator(".card:not([hidden])").count() == 5);
            assertThat(visibleCards(page)).containsExactlyElementsOf(FIVE);

            page.navigate(url("exercises/?equipment=a-sturdy-chair"));
            assertThat(visibleCards(page)).containsExactly("Semi squat");
        }
    }

    private static List<String> visibleCards(Page page) {
        return page.locator(".card:visible h3").allTextContents();
    }

    @Test
    void aMedicalWordLinksToItsMeaningInTheGlossaryWithoutJavaScript() {
        try (BrowserContext context = chromium.context(375, false)) {
            Page page = context.newPage();
            page.navigate(url("exercises/clamshell/"));
            page.locator("main a.term", new Page.LocatorOptions().setHasText("gluteus medius")).first().click();
            page.waitForLoadState();
            assertThat(page.url()).endsWith("glossary/#term-gluteus-medius");
            assertThat(page.textContent("dfn#term-gluteus-medius")).isEqualTo("gluteus medius");
        }
    }

    @Test
    void searchForQuadricepsFindsTheGlossary() {
        try (BrowserContext context = chromium.context(375, true)) {
            Page page = context.newPage();
            page.navigate(url("search/?q=quadriceps"));
            page.waitForSelector("#results-list li");
            assertThat(page.locator("#results-list li a").allTextContents()).contains("Glossary");
        }
    }

    /** A word mistyped by a letter finds what the nearest word of the site finds, and says which word that is. */
    @Test
    void aMistypedWordFindsTheNearestWordOfTheSite() {
        try (BrowserContext context = chromium.context(375, true)) {
            Page page = context.newPage();
            for (String[] typed : new String[][] {{"search/?q=sqaut", "sqaut", "“squat”"},
                    {"es/search/?q=sentadila", "sentadila", "«sentadilla»"}}) {
                page.navigate(url(typed[0]));
                page.waitForSelector("#results-list li");
                assertThat(page.locator("#results-list li a").evaluateAll("as => as.map(a => a.href)").toString())
                        .as(typed[0]).contains("/exercises/semi-squat/");
                assertThat(page.textContent("#search-status")).as(typed[0]).contains(typed[1], typed[2]);
            }
            // a word too far from every word of the site finds nothing, as before
            page.navigate(url("search/?q=xylophone"));
            page.waitForCondition(() -> !page.textContent("#search-status").isEmpty());
            assertThat(page.locator("#results-list li").count()).isZero();
        }
    }

    @Test
    void searchForGluteListsTheClamshellAndTheSideLyingLegRaise() {
        try (BrowserContext context = chromium.context(375, true)) {
            Page page = context.newPage();
            page.navigate(url("search/?q=glute"));
            page.waitForSelector("#results-list li");
            List<String> found = page.locator("#results-list li a").allTextContents();
            assertThat(found).contains("Clamshell", "Side-lying leg raise");
            assertThat(page.textContent("#search-status")).contains("found for");

            page.fill("#q", "kneecap pain");
            page.press("#q", "Enter");
            page.waitForCondition(() -> page.textContent("#search-status").contains("kneecap pain"));
            assertThat(page.locator("#results-list li a").allTextContents()).contains("Patellofemoral pain (runner's knee)");
            assertThat(page.url()).endsWith("?q=kneecap%20pain");

            // body text is searched too, below titles; an apostrophe joins a word
            String condition = "Patellofemoral pain (runner's knee)";
            for (String query : List.of("running", "lunges", "swollen", "fever", "PFP", "runners knee", "M22.2", "ICD")) {
                page.fill("#q", query);
                page.press("#q", "Enter");
                page.waitForCondition(() -> page.textContent("#search-status").contains(query));
                assertThat(page.locator("#results-list li a").allTextContents()).as(query).contains(condition);
            }
            page.fill("#q", "runners knee");
            page.press("#q", "Enter");
            page.waitForCondition(() -> page.textContent("#search-status").contains("runners knee"));
            assertThat(page.locator("#results-list li a").first().textContent()).isEqualTo(condition);
            page.fill("#q", "kneecap pain");
            page.press("#q", "Enter");
            page.waitForCondition(() -> page.textContent("#search-status").contains("kneecap pain"));

            page.locator("#results-list li a").first().click();
            page.waitForLoadState();
            assertThat(page.url()).doesNotContain("/search/");
        }
    }

    /**
     * What readers type is often not the site's own form of a word: a plural where the page has
     * the singular, a gerund, or two words where the site writes one. The shipped site says
     * "squat" on four pages and "squats" on two, and "kneecap" but never "knee cap".
     */
    @Test
    void searchFindsPluralsSimpleEndingsAndTwoWordsTheSiteWritesAsOne() {
        try (BrowserContext context = chromium.context(375, true)) {
            Page page = context.newPage();
            List<String> squat = searched(page, "search/", "squat");
            assertThat(squat).contains("Semi squat", "Straight leg raise", "Hip extension leg raise");
            assertThat(searched(page, "search/", "squats")).containsExactlyInAnyOrderElementsOf(squat);
            assertThat(searched(page, "search/", "stretching")).contains("Straight leg raise")
                    .containsExactlyInAnyOrderElementsOf(searched(page, "search/", "stretch"));
            assertThat(searched(page, "search/", "exercises"))
                    .containsExactlyInAnyOrderElementsOf(searched(page, "search/", "exercise"));

            List<String> kneecap = searched(page, "search/", "kneecap");
            assertThat(kneecap).hasSizeGreaterThan(5).contains("Clamshell", "Glossary");
            assertThat(searched(page, "search/", "knee cap")).containsExactlyInAnyOrderElementsOf(kneecap);
            assertThat(searched(page, "search/", "Knee Caps")).containsExactlyInAnyOrderElementsOf(kneecap);
            // two words joined must still make a word of the site
            assertThat(searched(page, "search/", "knee capsule")).isEmpty();
            // a stem of fewer than four letters is not used: "sitting" is "sit", and finds no "site"
            assertThat(searched(page, "search/", "sitting")).isNotEmpty().doesNotContain("About this site");
            assertThat(searched(page, "search/", "xylophones")).isEmpty();
            assertThat(page.textContent("#search-status")).contains("Nothing found");
        }
    }

    /** The same in Spanish, whose plurals add -s or -es; a word as typed ranks above its singular in the same field. */
    @Test
    void spanishSearchFindsTheSingularOfAPlural() {
        try (BrowserContext context = chromium.context(375, true)) {
            Page page = context.newPage();
            List<String> sentadilla = searched(page, "es/search/", "sentadilla");
            assertThat(sentadilla).contains("Sentadilla corta", "Elevación de la pierna estirada");
            assertThat(searched(page, "es/search/", "sentadillas")).containsExactlyInAnyOrderElementsOf(sentadilla);
            assertThat(searched(page, "es/search/", "ejercicios"))
                    .containsExactlyInAnyOrderElementsOf(searched(page, "es/search/", "ejercicio"));

            // the clamshell's summary says "rodilla", the semi squat's "rodillas": the URL order would put the clamshell first
            List<String> rodillas = searched(page, "es/search/", "rodillas");
            assertThat(rodillas).containsExactlyInAnyOrderElementsOf(searched(page, "es/search/", "rodilla"));
            assertThat(rodillas.indexOf("Sentadilla corta")).isNotNegative().isLessThan(rodillas.indexOf("La almeja"));
            assertThat(searched(page, "es/search/", "xilófonos")).isEmpty();
            assertThat(page.textContent("#search-status")).contains("No hay resultados");
        }
    }

    /** The titles the search page at {@code path} lists for {@code query}, in their order, once its script has run. */
    private List<String> searched(Page page, String path, String query) {
        page.navigate(url(path + "?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)));
        page.waitForCondition(() -> page.textContent("#search-status").contains(query));
        return page.locator("#results-list li a").allTextContents();
    }

    /** A printed exercise starts with what a patient needs: its dose and its drawing are on the first page. */
    @Test
    void eachExercisePrintsItsDoseAndDrawingOnTheFirstPage() throws IOException {
        try (BrowserContext context = chromium.context(1280, true)) {
            Page page = context.newPage();
            for (String exercise : List.of("straight-leg-raise", "side-lying-leg-raise", "clamshell",
                    "hip-extension-leg-raise", "semi-squat")) {
                page.navigate(url("exercises/" + exercise + "/"));
                try (var doc = Loader.loadPDF(page.pdf(new Page.PdfOptions().setFormat("A4").setPrintBackground(true)))) {
                    var first = new PDFTextStripper();
                    first.setEndPage(1);
                    assertThat(first.getText(doc)).as(exercise).contains("How much to do").contains("Sets")
                            .contains("Drawing: Patella");
                }
            }
        }
    }

    /**
     * A printed exercise takes no more paper than its text needs: a long section breaks between its steps
     * and items rather than move whole to the next page (the semi squat's page 1 was 40% blank, and it took
     * 4 pages), so no page but the last ends more than a fifth of the page above its foot, and no step is split
     * over two pages. Where each line landed is read back from the PDF.
     */
    @Test
    void aPrintedExerciseFillsItsPagesAndBreaksBetweenSteps() throws IOException {
        List<String> problems = new ArrayList<>();
        try (BrowserContext context = chromium.context(1280, true)) {
            Page page = context.newPage();
            for (String language : List.of("", "es/")) {
                for (String exercise : List.of("straight-leg-raise", "side-lying-leg-raise", "clamshell",
                        "hip-extension-leg-raise", "semi-squat")) {
                    String path = language + "exercises/" + exercise + "/";
                    page.navigate(url(path));
                    List<String> steps = page.locator(".how .steps li").allTextContents().stream()
                            .map(step -> step.replaceAll("\\s+", "")).toList();
                    for (String paper : List.of("A4", "Letter")) {
                        try (var doc = Loader.loadPDF(page.pdf(new Page.PdfOptions().setFormat(paper).setPrintBackground(true)))) {
                            String at = path + " on " + paper;
                            int pages = doc.getNumberOfPages();
                            List<String> texts = new ArrayList<>();
                            for (int i = 1; i <= pages; i++) {
                                var stripper = new PDFTextStripper();
                                stripper.setStartPage(i);
                                stripper.setEndPage(i);
                                texts.add(stripper.getText(doc).replaceAll("\\s+", ""));
                            }
                            for (String step : steps) {
                                if (texts.stream().noneMatch(t -> t.contains(step))) {
                                    problems.add(at + ": a step split over two pages: " + step);
                                }
                            }
                            float[] lowest = new float[pages + 1];
                            var positions = new PDFTextStripper() {
                                @Override
                                protected void writeString(String text, List<org.apache.pdfbox.text.TextPosition> where) {
                                    var p = where.get(0);
                                    lowest[getCurrentPageNo()] = Math.max(lowest[getCurrentPageNo()], p.getYDirAdj() / p.getPageHeight());
                                }
                            };
                            positions.getText(doc);
                            for (int i = 1; i < pages; i++) {
                                if (lowest[i] < 0.8f) {
                                    problems.add(at + ": page " + i + " of " + pages + " ends at " + Math.round(lowest[i] * 100) + "% of its height");
                                }
                            }
                            if (pages > 4) {
                                problems.add(at + ": " + pages + " pages");
                            }
                        }
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /**
     * On paper a link cannot be followed, so a link to another page of the site that a reader needs
     * (how much pain is OK, the program's full instructions) prints its address, with no glossary
     * link inside it, once the site has its real address (none while {@code base_url} is an example,
     * as the shipped site's is); a reference, whose link text is its address or DOI already, prints
     * it once.
     */
    @Test
    void linksPrintTheAddressTheyLeadToOnce(@TempDir Path tmp) throws IOException {
        Path project = TestSites.shipped(tmp.resolve("p"));
        var run = TestSites.run("build", "--project", project.toString(), "--base-url", "https://knees.clinic.internal/");
        assertThat(run.exitCode()).as(run.err()).isZero();
        StaticServer real = StaticServer.start(project.resolve("site"));
        try (BrowserContext context = chromium.context(1280, true)) {
            Page page = context.newPage();
            page.navigate(real.base() + "exercises/clamshell/");
            try (var doc = Loader.loadPDF(page.pdf(new Page.PdfOptions().setFormat("A4")))) {
                String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
                assertThat(text).contains("(knees.clinic.internal/pain-guide/)");
                String gasnick = "verywellhealth.com/chondromalacia-exercises-5097330";
                assertThat(text).as("a cited web page's address, written once").contains(gasnick)
                        .doesNotContain(gasnick + ")").as("a DOI, written once").contains("doi:10.")
                        .doesNotContain("(https://doi.org/");
            }
            page.navigate(real.base() + "es/conditions/chondromalacia-patella/program/");
            try (var doc = Loader.loadPDF(page.pdf(new Page.PdfOptions().setFormat("A4")))) {
                assertThat(new PDFTextStripper().getText(doc).replaceAll("\\s+", ""))
                        .contains("(knees.clinic.internal/es/conditions/chondromalacia-patella/)")
                        .contains("Impresodesdehttps://knees.clinic.internal/es/conditions/chondromalacia-patella/program/")
                        .as("the program prints the pain rule itself, not a line sending the reader to it")
                        .doesNotContain("/es/pain-guide/)").doesNotContain("cuántodoloresaceptable");
            }
            // with its addresses (each exercise's "Full page" too), the program still prints on two sheets
            // (four pages), in both languages and on both papers
            for (String paper : List.of("A4", "Letter", "es A4", "es Letter")) {
                page.navigate(real.base() + (paper.startsWith("es") ? "es/" : "") + "conditions/chondromalacia-patella/program/");
                try (var doc = Loader.loadPDF(page.pdf(new Page.PdfOptions().setFormat(paper.replace("es ", ""))
                        .setPrintBackground(true)))) {
                    assertThat(doc.getNumberOfPages()).as("the program on " + paper + ", with its addresses")
                            .isLessThanOrEqualTo(paper.startsWith("es") ? 5 : 4);
                }
            }
            assertThat(page.locator(".print-only a, .print-url a, .sheet-url a").count()).as("links inside addresses")
                    .isZero();
            page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));
            assertThat(page.locator(".print-only").first().isVisible()).as("on screen").isFalse();
            assertThat(page.locator(".help a[href$='pain-guide/']").isVisible()).as("the program's link to the pain guide, on screen")
                    .isTrue();

            // a handout's address is its QR code: the page's own would open the default program; a reader
            // who cannot scan it is given the short address of the exercises
            page.navigate(real.base() + "handout/#v1.x=clamshell.3.10.0.0.0");
            page.waitForSelector("#h-qr svg");
            page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT)); // the screen was emulated above
            try (var doc = Loader.loadPDF(page.pdf(new Page.PdfOptions().setFormat("A4")))) {
                assertThat(new PDFTextStripper().getText(doc).replaceAll("\\s+", " ")).contains("Scan to open this handout")
                        .contains("The QR code holds this whole program")
                        .contains("read about each exercise at knees.clinic.internal/exercises/.")
                        .doesNotContain("knees.clinic.internal/handout");
            }

            // the shipped site, whose base_url is an example address: the addresses are written from the
            // address the page was printed from, never from the example nor as relative links
            String host = URI.create(server.base()).getAuthority();
            page.navigate(url("exercises/clamshell/"));
            try (var doc = Loader.loadPDF(page.pdf(new Page.PdfOptions().setFormat("A4")))) {
                assertThat(new PDFTextStripper().getText(doc).replaceAll("\\s+", ""))
                        .contains("knowwhentocarryonoreaseoff.(" + host + "/pain-guide/)")
                        .contains("Printedfromhttp://" + host + "/exercises/clamshell/")
                        .doesNotContain("example.org/pain").doesNotContain("(../../pain-guide/)");
            }
            for (String lang : List.of("", "es/")) {
                page.navigate(url(lang + "conditions/chondromalacia-patella/program/"));
                try (var doc = Loader.loadPDF(page.pdf(new Page.PdfOptions().setFormat("A4")))) {
                    assertThat(new PDFTextStripper().getText(doc).replaceAll("\\s+", "")).as(lang)
                            .contains("(" + host + "/" + lang + "conditions/chondromalacia-patella/)")
                            .contains(host + "/" + lang + "exercises/clamshell/");
                }
            }
        } finally {
            real.stop();
        }
    }

    /**
     * The tick table's names ("Semana" above the weeks' numbers, "mié.") fit their column, on a phone and on paper,
     * in both languages: a longer word must not run over the first day's box.
     */
    @Test
    void theTickTablesWeekNamesFitTheirColumnInBothLanguages() {
        try (BrowserContext context = chromium.context(390, true)) {
            Page page = context.newPage();
            for (String path : List.of("conditions/chondromalacia-patella/program/", "es/conditions/chondromalacia-patella/program/")) {
                for (Media media : List.of(Media.SCREEN, Media.PRINT)) {
                    page.emulateMedia(new Page.EmulateMediaOptions().setMedia(media));
                    page.navigate(url(path));
                    Object over = page.evaluate("() => [...document.querySelectorAll('.ticks th')]"
                            + ".filter(th => th.scrollWidth > th.clientWidth + 1).map(th => th.textContent)");
                    assertThat((List<?>) over).as(path + " " + media).isEmpty();
                    assertThat(page.locator(".ticks th[scope=row]").count()).as(path).isPositive();
                }
            }
        }
    }

    /**
     * The printed program is a patient leaflet that reads without glasses: its text prints at 9 pt or more,
     * its steps and dose at 11 pt or more (they were 8 and 7.5 pt), each drawing 7 cm wide or more so its
     * captions print at 9 pt (it was 2.4 cm), and no exercise is split over two pages, in English and
     * Spanish, on A4 and Letter, on at most four pages (five in Spanish).
     */
    @Test
    void programPagePrintsAllFiveExercisesReadablyWithNoExerciseSplit() throws IOException {
        try (BrowserContext context = chromium.context(1280, true)) {
            Page page = context.newPage();
            Files.createDirectories(SCREENSHOTS);
            for (String lang : List.of("", "es/")) {
                page.navigate(url(lang + "conditions/chondromalacia-patella/program/"));
                page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
                Object widths = page.evaluate("[...document.querySelectorAll('.sheet-figure')].map(i => i.getBoundingClientRect().width)");
                for (Object w : (List<?>) widths) {
                    assertThat(((Number) w).doubleValue()).as(lang + " a drawing's width in CSS px").isGreaterThanOrEqualTo(7 / 2.54 * 96);
                }
                List<String> titles = page.locator(".sheet-exercise h3 a").allTextContents();
                List<String> lastSteps = page.locator(".sheet-exercise .steps li:last-child").allTextContents();
                for (String paper : List.of("A4", "Letter")) {
                    String at = lang + " " + paper;
                    byte[] pdf = page.pdf(new Page.PdfOptions().setFormat(paper).setPrintBackground(true)
                            .setPath(lang.isEmpty() && paper.equals("A4") ? SCREENSHOTS.resolve("program.pdf") : null));
                    try (var doc = Loader.loadPDF(pdf)) {
                        String text = new PDFTextStripper().getText(doc);
                        if (lang.isEmpty()) {
                            assertThat(text).contains(FIVE).contains("Prepared for:").contains("Mon").contains("Sun")
                                    .contains("When to stop and get help").doesNotContain("Include in printout");
                        }
                        assertThat(doc.getNumberOfPages()).as(at).isLessThanOrEqualTo(lang.isEmpty() ? 4 : 5);
                        List<String> pages = new ArrayList<>();
                        for (int i = 1; i <= doc.getNumberOfPages(); i++) {
                            var one = new PDFTextStripper();
                            one.setStartPage(i);
                            one.setEndPage(i);
                            pages.add(one.getText(doc).replaceAll("\\s+", ""));
                        }
                        for (int e = 0; e < titles.size(); e++) {
                            String title = titles.get(e).replaceAll("\\s+", "");
                            String last = lastSteps.get(e).replaceAll("\\s+", "");
                            assertThat(pages).as(at + ": " + title + " on one page").anyMatch(p -> p.contains(title) && p.contains(last));
                        }
                        List<String> small = new ArrayList<>();
                        var sizes = new PDFTextStripper() {
                            @Override
                            protected void writeString(String line, List<org.apache.pdfbox.text.TextPosition> where) {
                                float points = (float) where.stream().filter(p -> !p.getUnicode().isBlank())
                                        .mapToDouble(org.apache.pdfbox.text.TextPosition::getYScale).min().orElse(99);
                                if (points < 8.95f) {
                                    small.add(points + " pt: " + line);
                                }
                                if (points < 10.95f && (line.strip().startsWith("Start:") || line.strip().startsWith("Empieza así:"))) {
                                    small.add(points + " pt (a step): " + line);
                                }
                            }
                        };
                        sizes.getText(doc);
                        assertThat(small).as(at).isEmpty();
                    }
                }
                page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));
            }
        }
    }

    /** A glossary term's link is underlined on screen, where it leads to its meaning, and not on paper. */
    @Test
    void glossaryTermsAreUnderlinedOnScreenOnly() {
        try (BrowserContext context = chromium.context(1280, true)) {
            Page page = context.newPage();
            page.navigate(url("conditions/chondromalacia-patella/"));
            String lines = "() => [...document.querySelectorAll('main a.term')].map(a => getComputedStyle(a).textDecorationLine)";
            assertThat(page.evaluate(lines)).asList().isNotEmpty().doesNotContain("none");
            page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
            assertThat(page.evaluate(lines)).asList().isNotEmpty().containsOnly("none");
        }
    }

    @Test
    void untickedExercisesAreLeftOffThePrintout() throws IOException {
        try (BrowserContext context = chromium.context(1280, true)) {
            Page page = context.newPage();
            page.navigate(url("conditions/chondromalacia-patella/program/"));
            page.uncheck("input[data-exercise=ex-clamshell]");
            page.uncheck("input[data-exercise=ex-semi-squat]");
            assertThat(page.textContent("#print-status")).isEqualTo("3 of 5 exercises will print.");

            page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
            assertThat(page.locator("#ex-clamshell").isVisible()).isFalse();
            assertThat(page.locator("#ex-straight-leg-raise").isVisible()).isTrue();
            try (var doc = Loader.loadPDF(page.pdf(new Page.PdfOptions().setFormat("A4")))) {
                String text = new PDFTextStripper().getText(doc);
                assertThat(text.replaceAll("\\s+", " ")).contains("Straight leg raise").doesNotContain("Clamshell")
                        .doesNotContain("Semi squat").doesNotContain("Later phase")
                        .as("the printed exercises numbered 1 to 3").contains("3. Hip extension leg raise");
            }
            page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));
            for (String id : List.of("ex-straight-leg-raise", "ex-side-lying-leg-raise", "ex-hip-extension-leg-raise")) {
                page.uncheck("input[data-exercise=" + id + "]");
            }
            assertThat(page.textContent("#print-status")).isEqualTo("No exercise is ticked, so none will print. Tick at least one.");
            assertThat(page.isDisabled("#print-button")).isTrue();
        }
    }

    @Test
    void pagesWorkWithJavaScriptOff() {
        try (BrowserContext context = chromium.context(375, false)) {
            Page page = context.newPage();
            page.navigate(url("exercises/"));
            assertThat(page.locator("#filters").isVisible()).isFalse();
            assertThat(page.locator(".card:visible").count()).isEqualTo(5);
            assertThat(page.locator("#by-muscle").isVisible()).isTrue();

            page.navigate(url("conditions/chondromalacia-patella/program/"));
            assertThat(page.locator(".sheet-exercise:visible").count()).isEqualTo(5);
            assertThat(page.locator(".include:visible").count()).isZero();

            page.navigate(url("search/?q=glute"));
            assertThat(page.locator(".noscript-note").isVisible()).isTrue();
            // a search box that finds nothing without the script is not offered
            assertThat(page.locator("#search-form").isVisible()).isFalse();
            assertThat(page.locator("#all-pages li").count()).isEqualTo(16);
        }
    }

    @Test
    void pagesAt375And1280PixelsFitTheWindowAndAreWrittenForReview() throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Map<String, String> shots = Map.of("home", "", "condition", "conditions/chondromalacia-patella/",
                "exercise", "exercises/clamshell/", "exercises", "exercises/", "program",
                "conditions/chondromalacia-patella/program/", "search", "search/?q=glute");
        for (int width : new int[] {375, 1280}) {
            try (BrowserContext context = chromium.context(width, true)) {
                Page page = context.newPage();
                for (var shot : shots.entrySet()) {
                    page.navigate(url(shot.getValue()));
                    page.waitForLoadState();
                    Path file = SCREENSHOTS.resolve(shot.getKey() + "-" + width + ".png");
                    BufferedImage image = ImageIO.read(new ByteArrayInputStream(
                            page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(file))));
                    // a full-page shot is as wide as the page: wider than the window, the page scrolls sideways
                    assertThat(image.getWidth()).as(shot.getKey() + " at " + width + " px").isEqualTo(width);
                }
            }
        }
    }
}
