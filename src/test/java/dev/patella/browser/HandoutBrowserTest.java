package dev.patella.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Media;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import dev.patella.TestSites;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The handout maker ({@code /handout/}) in a real browser: the shipped site with a second
 * condition laid over it, served with the site's own {@code _headers} (so its
 * Content-Security-Policy holds), driven by Debian's chromium. Skipped where chromium is missing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HandoutBrowserTest {

    static final List<String> DEFAULT = List.of("Straight leg raise", "Side-lying leg raise", "Clamshell",
            "Hip extension leg raise", "Semi squat");
    private static final String BAD = "This handout link could not be read, so it shows no program. "
            + "Ask whoever sent it for a new link.";
    private static final String OLD = "This handout link was made by another version of this site, so it shows no "
            + "program. Ask whoever sent it for a new link.";

    private static final String FIX = "A number above needs fixing: its message says how. Until then this handout has "
            + "no link or QR code, and it cannot be printed.";

    private Path site;
    private StaticServer server;
    private Chromium chromium;
    private Browser browser;

    @BeforeAll
    void start(@TempDir Path tmp) {
        Chromium.assumeInstalled();
        Path project = TestSites.shippedWith(tmp.resolve("p"), "handout-two-programs");
        var run = TestSites.run("build", "--project", project.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        site = project.resolve("site");
        server = StaticServer.withHostHeaders(site);
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

    /** Every problem a page shows: script errors, console errors (a CSP refusal is one) and requests elsewhere. */
    private static List<String> watch(Page page) {
        List<String> problems = new ArrayList<>();
        page.onConsoleMessage(m -> {
            if (m.type().equals("error") || m.type().equals("warning")) {
                problems.add("console " + m.type() + ": " + m.text());
            }
        });
        page.onPageError(e -> problems.add("page error: " + e));
        page.onRequest(r -> {
            URI uri = URI.create(r.url());
            if (!"127.0.0.1".equals(uri.getHost()) || uri.getRawQuery() != null
                    || !uri.getPath().matches("/(handout/|about/|assets/[a-z-]+\\.[0-9a-f]{10}\\.(js|css)|assets/favicon\\.(ico|svg)"
                            + "|images/[a-z-]+\\.svg|manifest\\.webmanifest)")) {
                problems.add("request: " + r.method() + " " + r.url());
            }
        });
        return problems;
    }

    private static List<String> sheet(Page page) {
        return page.locator(".sheet-exercise:visible h3 a").allTextContents();
    }

    /** A link of {@code version} holding {@code fields} and their right check (FNV-1a, 32 bits), as the page makes it. */
    private static String checked(String version, String fields) {
        int h = 0x811c9dc5;
        for (int i = 0; i < fields.length(); i++) {
            h = (h ^ fields.charAt(i)) * 0x01000193;
        }
        return version + fields + "&k=" + String.format("%08x", h);
    }

    private static Locator row(Page page, int index) {
        return page.locator("#h-list > li").nth(index);
    }

    /**
     * Opens {@code address} as the clinician who made it: a handout's link opens on the patient's sheet, so
     * the form is opened with "Change this program".
     */
    private static void editing(Page page, String address) {
        page.navigate(address);
        if (page.locator("#h-change").isVisible()) {
            page.click("#h-change");
        }
    }

    private static void add(Page page, String slug) {
        page.selectOption("#h-pick", slug);
        page.click("#h-add");
    }

    @Test
    void aHandoutOfThreeExercisesFromTwoProgramsOpensFromItsLinkWithEveryValueAndPrintsWhenToStopOnPageOne()
            throws IOException {
        String link;
        try (BrowserContext context = chromium.context(1280, true)) {
            Page page = context.newPage();
            List<String> problems = watch(page);
            page.navigate(url("handout/"));
            assertThat(page.locator("#h-list > li").count()).isEqualTo(5);
            assertThat(sheet(page)).containsExactlyElementsOf(DEFAULT);
            while (page.locator("#h-list > li").count() > 0) {
                row(page, 0).locator("[data-act=remove]").click();
            }
            assertThat(page.textContent("#h-count")).isEqualTo("Add at least one exercise.");
            assertThat(sheet(page)).isEmpty();
            // a handout of no exercise has no link, no code and nothing to print
            assertThat(page.inputValue("#h-link")).isEmpty();
            assertThat(page.locator("#h-qr").isVisible()).isFalse();
            assertThat(page.isDisabled("#h-print")).isTrue();
            assertThat(page.isDisabled("#h-copy")).isTrue();
            assertThat(page.url()).as("the address no longer holds the handout before").endsWith("/handout/#v3.k=811c9dc5");

            add(page, "semi-squat"); // only in the first condition's program
            add(page, "bridge"); // only in the second's
            add(page, "clamshell"); // in both
            add(page, "clamshell");
            assertThat(page.textContent("#h-status")).isEqualTo("That exercise is already on the handout.");
            row(page, 2).locator("[data-act=up]").click();
            assertThat(sheet(page)).containsExactly("Semi squat", "Clamshell", "Bridge");

            fillRow(page, 0, "4", "12", "2", "90", "3", "Hold on to the chair back.");
            fillRow(page, 1, "1", "20", "0", "0", "5", "");
            fillRow(page, 2, "2", "8", "5", "60", "7", "Squeeze first. Then lift.");
            page.fill("#h-by", "Dr. Ana Ruiz, physiotherapist");
            page.fill("#h-for", "J. Smith");
            page.fill("#h-start", "2026-12-07");
            page.fill("#h-review", "2027-01-04");
            page.fill("#h-review", "2026-12-01"); // before the start: refused, with the reason
            assertThat(page.textContent("#h-status"))
                    .isEqualTo("The review date cannot be before the start date. Change one of them.");
            assertThat(page.textContent("#out-review")).isEqualTo("January 4, 2027");
            assertThat(page.url()).contains("review=2027-01-04");
            page.fill("#h-review", "2027-01-04");
            assertThat(page.textContent("#h-status")).isEmpty();
            assertThat(page.isDisabled("#h-print")).isFalse();
            // a start after the review waits, and is taken once the review moves past it: the sheet
            // never shows other dates than the form
            page.fill("#h-start", "2027-02-01");
            assertThat(page.textContent("#out-start")).isEqualTo("December 7, 2026");
            page.fill("#h-review", "2027-03-01");
            assertThat(page.textContent("#out-start")).isEqualTo("February 1, 2027");
            assertThat(page.textContent("#out-review")).isEqualTo("March 1, 2027");
            assertThat(page.textContent("#h-status")).isEmpty();
            page.fill("#h-start", "2026-12-07");
            page.fill("#h-review", "2027-01-04");
            // marks that turn a line around, pasted with a name, are dropped rather than refusing the name
            page.fill("#h-by", "\u202ADr. Ana Ruiz\u202C");
            assertThat(page.textContent("#out-by")).isEqualTo("Dr. Ana Ruiz");
            page.fill("#h-by", "Dr. Ana Ruiz, physiotherapist");
            page.fill("input[name=sets] >> nth=0", "21"); // out of range: it stays as typed, and says so
            page.locator("input[name=sets] >> nth=0").blur();
            assertThat(page.inputValue("input[name=sets] >> nth=0")).isEqualTo("21");
            assertThat(page.getAttribute("input[name=sets] >> nth=0", "aria-invalid")).isEqualTo("true");
            assertThat(page.inputValue("#h-link")).isEmpty();
            page.fill("input[name=sets] >> nth=0", "4");
            assertThat(page.getAttribute("input[name=sets] >> nth=0", "aria-invalid")).isEqualTo("false");

            link = page.inputValue("#h-link");
            assertThat(link).isEqualTo(page.url()).contains("/handout/#v3.").contains("x=semi-squat.4.12.2.90.3.")
                    .doesNotContain("Straight");
            // the language switcher takes the handout along to the Spanish handout maker
            assertThat(page.getAttribute(".language-switcher a[hreflang=es]", "href"))
                    .isEqualTo("../es/handout/" + link.substring(link.indexOf('#')));
            page.click("#h-copy");
            // the clipboard answers asynchronously: wait for the page to say how it went
            page.waitForCondition(() -> !page.textContent("#h-status").isEmpty());
            assertThat(page.textContent("#h-status")).isIn("Link copied. Paste it into a message or an email.",
                    "This browser did not let the page copy. Select the link above and copy it.");
            assertThat(page.locator("#h-qr svg path").getAttribute("d")).startsWith("M");
            assertThat(problems).isEmpty();
        }

        try (BrowserContext fresh = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)
                .setDeviceScaleFactor(4))) {
            Page page = fresh.newPage();
            List<String> problems = watch(page);
            editing(page, link);
            assertThat(page.locator("#h-message").isVisible()).isFalse();
            assertThat(page.locator(".h-row-title").allTextContents()).containsExactly("1. Semi squat", "2. Clamshell",
                    "3. Bridge");
            assertRow(page, 0, "4", "12", "2", "90", "3", "Hold on to the chair back.");
            assertRow(page, 1, "1", "20", "0", "0", "5", "");
            assertRow(page, 2, "2", "8", "5", "60", "7", "Squeeze first. Then lift.");
            assertThat(page.inputValue("#h-by")).isEqualTo("Dr. Ana Ruiz, physiotherapist");
            assertThat(page.inputValue("#h-for")).isEqualTo("J. Smith");
            assertThat(page.inputValue("#h-start")).isEqualTo("2026-12-07");
            assertThat(page.inputValue("#h-review")).isEqualTo("2027-01-04");

            assertThat(sheet(page)).containsExactly("Semi squat", "Clamshell", "Bridge");
            assertThat(page.innerText("#ex-semi-squat .sheet-dose")).contains("4 sets of 12, hold 2 seconds.")
                    .contains("Rest between sets: 90 seconds.").contains("How often: 3 days a week.");
            assertThat(page.textContent("#ex-clamshell .h-dose")).isEqualTo("1 set of 20, each side.");
            assertThat(page.innerText("#ex-clamshell .sheet-dose")).contains("How often: 5 days a week.")
                    .doesNotContain("Rest between sets:");
            assertThat(page.innerText("#ex-bridge .sheet-dose")).contains("2 sets of 8, hold 5 seconds.")
                    .contains("60 seconds.").contains("7 days a week.");
            assertThat(page.innerText("#ex-semi-squat .h-note")).isEqualTo("Note: Hold on to the chair back.");
            assertThat(page.locator("#ex-clamshell .h-note").isVisible()).isFalse();
            assertThat(page.textContent("#out-by")).isEqualTo("Dr. Ana Ruiz, physiotherapist");
            assertThat(page.textContent("#out-for")).isEqualTo("J. Smith");
            assertThat(page.textContent("#out-start")).isEqualTo("December 7, 2026");
            assertThat(page.textContent("#out-review")).isEqualTo("January 4, 2027");
            assertThat(page.inputValue("#h-link")).isEqualTo(link);
            assertThat(decodeQr(page.locator("#h-qr-code").screenshot())).as("the QR code, read by ZXing").isEqualTo(link);

            String title = page.title();
            page.evaluate("dispatchEvent(new Event('beforeprint'))");
            assertThat(page.title()).as("the title a browser prints at the top of the sheet").isEqualTo("Your home exercise program");
            page.evaluate("dispatchEvent(new Event('afterprint'))");
            assertThat(page.title()).isEqualTo(title);
            page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
            assertThat(page.locator("#maker").isVisible()).isFalse();
            assertThat(page.locator("#h-qr svg").isVisible()).isTrue();
            Files.createDirectories(ReaderBrowserTest.SCREENSHOTS);
            Map<String, Integer> printedPages = new TreeMap<>();
            for (String format : List.of("A4", "Letter")) {
                byte[] pdf = page.pdf(new Page.PdfOptions().setFormat(format).setPrintBackground(true)
                        .setPath(ReaderBrowserTest.SCREENSHOTS.resolve("handout-" + format + ".pdf")));
                try (var doc = Loader.loadPDF(pdf)) {
                    String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
                    assertThat(text).as(format).contains("1. Semi squat", "2. Clamshell", "3. Bridge",
                            "4 sets of 12, hold 2 seconds.", "Hold on to the chair back.", "Squeeze first. Then lift.",
                            "Prepared by: Dr. Ana Ruiz", "Prepared for: J. Smith", "December 7, 2026",
                            "Review date: January 4, 2027", "Carry on if:", "Ease off if:", "When to stop and get help",
                            "Scan to open this handout", "Your home exercise program")
                            .doesNotContain("Make a home exercise handout")
                            .doesNotContain("Straight leg raise").doesNotContain("Copy link")
                            .doesNotContain("Move up");
                    printedPages.put("en " + format, doc.getNumberOfPages());
                    List<String> pages = pageTexts(doc);
                    assertThat(pages.get(0)).as(format + ": page 1 holds the stop signs").contains("When to stop and get help");
                    assertThat(pages.get(pages.size() - 1)).as(format + ": the last page holds an exercise").containsPattern("\\d sets? of");
                }
            }
            assertThat(problems).isEmpty();
            // a handout of three exercises in Spanish, whose words are longer (the bridge has no Spanish page, so the
            // side-lying leg raise, the longest exercise in Spanish, takes its place)
            page.navigate(url("es/handout/#" + checked("v3.", "by=Dr.+Ana+Ruiz&for=J.+Smith&start=2026-12-07&review=2027-01-04"
                    + "&x=semi-squat.4.12.2.90.3.Hold+on+to+the+chair+back.&x=clamshell.1.20.0.0.5"
                    + "&x=side-lying-leg-raise.2.8.5.60.7.Squeeze+first.+Then+lift.")));
            page.waitForSelector("#h-qr svg");
            for (String format : List.of("A4", "Letter")) {
                try (var doc = Loader.loadPDF(page.pdf(new Page.PdfOptions().setFormat(format)))) {
                    printedPages.put("es " + format, doc.getNumberOfPages());
                    List<String> pages = pageTexts(doc);
                    assertThat(pages.get(0)).as("es " + format + ": page 1 holds the stop signs").contains("Cuándo parar y pedir ayuda");
                    assertThat(pages.get(pages.size() - 1)).as("es " + format + ": the last page holds an exercise")
                            .containsPattern("\\d series? de");
                }
            }
            // the first page for the names, the QR code, the pain rule, "When to stop and get help", what to avoid and
            // the small print; then the exercises, each whole, two to a page: three pages, but four for the longer
            // Spanish words on Letter, the shorter page, where two exercises and their phases' headings do not fit
            // (at most: another Chromium may set a line differently, and fewer sheets break no promise)
            Map<String, Integer> most = Map.of("en A4", 3, "en Letter", 3, "es A4", 3, "es Letter", 4);
            assertThat(printedPages).as("pages printed").containsOnlyKeys(most.keySet())
                    .allSatisfy((paper, pages) -> assertThat(pages).as(paper).isBetween(2, most.get(paper)));
        }
    }

    /** Types {@code text} into a row's field with the keyboard, as a person does, and leaves it with Tab. */
    private static void type(Page page, int index, String name, String text) {
        row(page, index).locator("input[name=" + name + "]").click();
        page.keyboard().press("Control+A");
        page.keyboard().type(text);
        page.keyboard().press("Tab");
    }

    /** The reason shown beside a field, found as a screen reader finds it (aria-describedby); empty when it has none. */
    private static String reason(Page page, int index, String name) {
        Locator input = row(page, index).locator("input[name=" + name + "]");
        String described = input.getAttribute("aria-describedby");
        if (described == null || !described.contains("-error")) {
            return "";
        }
        Locator error = page.locator("[id='" + described.substring(described.lastIndexOf(' ') + 1) + "']");
        assertThat(error.isVisible()).as(name + "'s reason, visible").isTrue();
        return error.textContent();
    }

    /**
     * A number typed out of range is never taken as another number: typed keystroke by keystroke on a
     * phone, 150 repetitions passes through 15 on its way, and 25 sets through 2. The field keeps what
     * was typed and says what it allows, beside it and to a screen reader; the sheet and the address
     * keep the dose as it was before, and the handout has no link or QR code and does not print until
     * the field is fixed. Reordering the rows keeps the field as typed.
     */
    @Test
    void aNumberTypedOutOfRangeStaysAsTypedWithItsReasonAndTheSheetKeepsTheDoseBefore() {
        try (BrowserContext context = chromium.context(390, true)) {
            Page page = context.newPage();
            List<String> problems = watch(page);
            page.navigate(url("handout/"));
            page.waitForCondition(() -> page.url().contains("#v3."));
            String made = page.url();
            String dose = page.innerText("#ex-straight-leg-raise .sheet-dose");
            assertThat(dose).startsWith("3 sets of 10–15");
            // still in the field (as when Ctrl+P is pressed at once), 25 sets is unfinished: no link, no printing
            row(page, 0).locator("input[name=sets]").click();
            page.keyboard().press("Control+A");
            page.keyboard().type("25");
            assertThat(page.locator("input[name=sets]:focus").count()).isEqualTo(1);
            assertThat(page.innerText("#ex-straight-leg-raise .sheet-dose")).as("the sheet, while 25 is typed").isEqualTo(dose);
            assertThat(page.inputValue("#h-link")).as("the link, while 25 is typed").isEmpty();
            assertThat(page.isDisabled("#h-print")).as("printing, while 25 is typed").isTrue();
            assertThat(page.locator("input[name=sets]").first().getAttribute("aria-invalid"))
                    .as("not marked wrong before the field is left").isNotEqualTo("true");
            page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
            assertThat(page.locator("#h-sheet").isVisible()).as("the sheet printed while 25 is typed").isFalse();
            page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));
            type(page, 0, "sets", "3");
            assertThat(page.isDisabled("#h-print")).as("printing, back to 3 sets").isFalse();
            assertThat(page.url()).isEqualTo(made);
            String[][] typed = {{"reps", "150", "Type a number from 1 to 100, or a range with the smaller number first, such as 10–15."},
                    {"sets", "25", "Type a whole number from 1 to 20."}, {"days", "10", "Type a whole number from 0 to 7."}};
            for (String[] t : typed) {
                type(page, 0, t[0], t[1]);
                Locator input = row(page, 0).locator("input[name=" + t[0] + "]");
                assertThat(input.inputValue()).as(t[0] + ", as typed").isEqualTo(t[1]);
                assertThat(input.getAttribute("aria-invalid")).as(t[0]).isEqualTo("true");
                assertThat(reason(page, 0, t[0])).isEqualTo(t[2]);
                assertThat(page.innerText("#ex-straight-leg-raise .sheet-dose")).as("the sheet, after " + t[1] + " " + t[0])
                        .isEqualTo(dose);
                assertThat(page.url()).as("the address keeps the handout as it was").isEqualTo(made);
                assertThat(page.inputValue("#h-link")).isEmpty();
                assertThat(page.locator("#h-qr").isVisible()).isFalse();
                assertThat(page.isDisabled("#h-print")).isTrue();
                assertThat(page.isDisabled("#h-copy")).isTrue();
                assertThat(page.textContent("#h-status")).isEqualTo(FIX);
            }
            // printed with Ctrl+P all the same, the sheet says it is not finished, not the dose from before
            page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
            assertThat(page.locator("#h-sheet").isVisible()).isFalse();
            assertThat(page.innerText("#h-unfinished")).startsWith("This handout is not finished");
            page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));
            assertThat(page.locator("#h-unfinished").isVisible()).isFalse();
            // the rows redrawn in another order keep the numbers as typed, and their reasons
            row(page, 0).locator("[data-act=down]").click();
            assertThat(page.locator(".h-row-title").nth(1).textContent()).isEqualTo("2. Straight leg raise");
            assertThat(row(page, 1).locator("input[name=reps]").inputValue()).isEqualTo("150");
            assertThat(reason(page, 1, "sets")).isEqualTo(typed[1][2]);
            assertThat(reason(page, 0, "sets")).isEmpty();
            assertThat(page.innerText("#ex-straight-leg-raise .sheet-dose")).isEqualTo(dose);
            row(page, 1).locator("[data-act=up]").click();

            // a number the form allows clears the reason as it is typed
            type(page, 0, "reps", "12");
            assertThat(reason(page, 0, "reps")).isEmpty();
            assertThat(row(page, 0).locator("input[name=reps]").getAttribute("aria-invalid")).isEqualTo("false");
            assertThat(page.textContent("#h-status")).isEqualTo(FIX);
            type(page, 0, "sets", "2");
            type(page, 0, "days", "5");
            assertThat(page.textContent("#h-status")).isEmpty();
            assertThat(page.textContent("#ex-straight-leg-raise .h-dose")).startsWith("2 sets of 12");
            assertThat(page.innerText("#ex-straight-leg-raise .sheet-dose")).contains("How often: 5 days a week.");
            assertThat(page.url()).contains("x=straight-leg-raise.2.12.").isNotEqualTo(made);
            assertThat(page.inputValue("#h-link")).isEqualTo(page.url());
            assertThat(page.isDisabled("#h-print")).isFalse();
            page.waitForCondition(() -> page.locator("#h-qr").isVisible());
            page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
            assertThat(page.locator("#h-sheet").isVisible()).as("fixed, the sheet prints").isTrue();
            assertThat(page.locator("#h-unfinished").isVisible()).isFalse();
            page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));

            assertThat(problems).isEmpty();

            // in Spanish, in Spanish
            page.navigate(url("es/handout/"));
            page.waitForCondition(() -> page.url().contains("#v3."));
            type(page, 0, "reps", "0");
            assertThat(reason(page, 0, "reps"))
                    .isEqualTo("Escribe un número del 1 al 100, o un rango con el número menor primero, como 10–15.");
            assertThat(page.textContent("#h-status")).startsWith("Hay que corregir un número de arriba");
            assertThat(page.textContent("#ex-straight-leg-raise .h-dose")).startsWith("3 series de 10–15");
        }
    }

    /**
     * The handout starts with each exercise's dose as its own page gives it (3 sets of 10–15), and a
     * clinician can give any range or one number: typed 10-15 or 10–15, shown 10–15, the smaller
     * number first. A link carries it (version 3, under its check) and opens it in either language;
     * links of versions 1 and 2, made with one number, still open exactly as made.
     */
    @Test
    void repetitionsAreARangeAsOnTheExercisesOwnPagesAndOlderLinksOpenAsMade() {
        try (BrowserContext context = chromium.context(1280, true)) {
            Page page = context.newPage();
            List<String> problems = watch(page);
            page.navigate(url("handout/"));
            page.waitForCondition(() -> page.url().contains("#v3."));
            assertThat(page.textContent("#ex-semi-squat .h-dose")).as("as the program and the exercise's page say")
                    .isEqualTo("3 sets of 10–15, hold 1 second.");
            assertThat(row(page, 4).locator("input[name=reps]").inputValue()).isEqualTo("10–15");
            assertThat(page.url()).contains("&x=semi-squat.3.10-15.1.0.0&k=");

            type(page, 4, "reps", "8-12");
            assertThat(row(page, 4).locator("input[name=reps]").inputValue()).isEqualTo("8–12");
            assertThat(page.textContent("#ex-semi-squat .h-dose")).isEqualTo("3 sets of 8–12, hold 1 second.");
            for (String wrong : List.of("12–8", "0-5", "10-101", "10-", "ten")) {
                type(page, 4, "reps", wrong);
                assertThat(reason(page, 4, "reps")).as(wrong).startsWith("Type a number from 1 to 100, or a range");
                assertThat(page.textContent("#ex-semi-squat .h-dose")).as(wrong).isEqualTo("3 sets of 8–12, hold 1 second.");
            }
            type(page, 4, "reps", "10–10");
            assertThat(row(page, 4).locator("input[name=reps]").inputValue()).isEqualTo("10");
            assertThat(page.textContent("#ex-semi-squat .h-dose")).isEqualTo("3 sets of 10, hold 1 second.");
            type(page, 4, "reps", " 12 – 20 ");
            assertThat(reason(page, 4, "reps")).isEmpty();
            assertThat(page.textContent("#ex-semi-squat .h-dose")).isEqualTo("3 sets of 12–20, hold 1 second.");
            String link = page.inputValue("#h-link");
            assertThat(link).isEqualTo(page.url()).contains("&x=semi-squat.3.12-20.1.0.0&k=");

            page.navigate(url("about/"));
            editing(page, link);
            page.waitForCondition(() -> page.locator("#h-list > li").count() == 5);
            assertThat(page.locator("#h-message").isVisible()).isFalse();
            assertThat(row(page, 4).locator("input[name=reps]").inputValue()).isEqualTo("12–20");
            assertThat(page.textContent("#ex-semi-squat .h-dose")).isEqualTo("3 sets of 12–20, hold 1 second.");
            assertThat(page.inputValue("#h-link")).isEqualTo(link);
            assertThat(problems).isEmpty();
            editing(page, url("es/handout/") + link.substring(link.indexOf('#')));
            page.waitForCondition(() -> page.locator("#h-list > li").count() == 5);
            assertThat(page.textContent("#ex-semi-squat .h-dose")).isEqualTo("3 series de 12–20, mantén 1 segundo.");

            // links made before the range, with one number, open as made
            for (String old : List.of("v1.x=semi-squat.4.12.2.0.0", checked("v2.", "x=semi-squat.4.12.2.0.0"))) {
                page.navigate(url("about/"));
                editing(page, url("handout/#" + old));
                page.waitForCondition(() -> page.locator("#h-list > li").count() == 1);
                assertThat(page.locator("#h-message").isVisible()).as(old).isFalse();
                assertThat(row(page, 0).locator("input[name=reps]").inputValue()).as(old).isEqualTo("12");
                assertThat(page.textContent("#ex-semi-squat .h-dose")).as(old).isEqualTo("4 sets of 12, hold 2 seconds.");
                assertThat(page.url()).as(old).endsWith(checked("#v3.", "x=semi-squat.4.12.2.0.0"));
            }
        }
    }

    /** "Move up" on the first row and "Move down" on the last say that they cannot, and keep the focus. */
    @Test
    void moveUpOnTheFirstRowAndMoveDownOnTheLastAreDisabled() {
        try (BrowserContext context = chromium.context(1280, true)) {
            Page page = context.newPage();
            editing(page, url("handout/#v1.x=clamshell.3.10.0.0.0&x=bridge.2.8.0.0.0&x=semi-squat.3.10.1.0.0"));
            page.waitForCondition(() -> page.locator("#h-list > li").count() == 3);
            String made = page.url();
            List<String> expected = List.of("true", "false", "false", "false", "false", "true");
            List<String> found = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                for (String act : List.of("up", "down")) {
                    String disabled = row(page, i).locator("[data-act=" + act + "]").getAttribute("aria-disabled");
                    found.add(disabled == null ? "false" : disabled);
                }
            }
            assertThat(found).as("up and down of each row, disabled").containsExactlyElementsOf(expected);
            row(page, 0).locator("[data-act=up]").click(new Locator.ClickOptions().setForce(true));
            row(page, 2).locator("[data-act=down]").click(new Locator.ClickOptions().setForce(true));
            assertThat(sheet(page)).containsExactly("Clamshell", "Bridge", "Semi squat");
            assertThat(page.url()).isEqualTo(made);

            // a row moved to the top keeps the focus on its "Move up", which now says it cannot
            row(page, 1).locator("[data-act=up]").focus();
            page.keyboard().press("Enter");
            assertThat(sheet(page)).containsExactly("Bridge", "Clamshell", "Semi squat");
            assertThat(page.evaluate("document.activeElement.dataset.act")).isEqualTo("up");
            assertThat(page.evaluate("document.activeElement.getAttribute('aria-disabled')")).isEqualTo("true");
            assertThat(page.evaluate("document.activeElement.closest('li') === document.querySelector('#h-list > li')"))
                    .isEqualTo(true);
            page.keyboard().press("Enter");
            assertThat(sheet(page)).containsExactly("Bridge", "Clamshell", "Semi squat");

            row(page, 2).locator("[data-act=remove]").click();
            row(page, 1).locator("[data-act=remove]").click();
            assertThat(row(page, 0).locator("[data-act=up]").getAttribute("aria-disabled")).isEqualTo("true");
            assertThat(row(page, 0).locator("[data-act=down]").getAttribute("aria-disabled")).isEqualTo("true");
        }
    }

    /** A line of text of a PDF, its page (from 1) and the size it prints at, in points, with how far down the page it is. */
    private record Printed(int page, String text, float points, float down) {
    }

    /** The text of each page of a PDF, in order, its white space made single spaces. */
    private static List<String> pageTexts(org.apache.pdfbox.pdmodel.PDDocument doc) throws IOException {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= doc.getNumberOfPages(); i++) {
            var stripper = new PDFTextStripper();
            stripper.setStartPage(i);
            stripper.setEndPage(i);
            out.add(stripper.getText(doc).replaceAll("\\s+", " "));
        }
        return out;
    }

    /** Every line of text of a PDF, as printed. */
    private static List<Printed> printed(org.apache.pdfbox.pdmodel.PDDocument doc) throws IOException {
        List<Printed> out = new ArrayList<>();
        var stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) {
                float points = (float) positions.stream().filter(p -> !p.getUnicode().isBlank())
                        .mapToDouble(TextPosition::getYScale).min().orElse(99);
                float down = positions.get(0).getYDirAdj() / positions.get(0).getPageHeight();
                out.add(new Printed(getCurrentPageNo(), text.strip(), points, down));
            }
        };
        stripper.getText(doc);
        return out;
    }

    /**
     * The printed handout reads on paper, with background graphics off as browsers print by default:
     * each drawing is printed wide enough for its captions to be 7 pt or more, the tick table's day
     * names are 8 pt, no text is under 6 pt (a citation's raised number is the smallest), the "When to stop" box's "!" is drawn by its text and
     * border (no background), the "last checked" line is as small as the lines around it, and a
     * second page is never only the small print at the end: it carries at least the "When to stop" box.
     */
    @Test
    void theHandoutPrintsReadablyWithoutBackgroundsOnA4AndLetter() throws IOException {
        try (BrowserContext context = chromium.context(1280, true)) {
            Page page = context.newPage();
            for (String fragment : List.of("v1.by=Dr.+Ana+Ruiz&for=J.+Smith&start=2026-12-07&x=semi-squat.4.12.2.90.3.Hold+on+to+the+"
                    + "chair+back.&x=clamshell.1.20.0.0.5&x=bridge.2.8.5.60.7.Squeeze+first.+Then+lift.",
                    "v1.x=semi-squat.3.10.1.0.0&x=clamshell.3.10.0.0.0", "v1.x=straight-leg-raise.3.10.0.0.0")) {
                page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));
                page.navigate(url("about/"));
                editing(page, url("handout/#" + fragment));
                page.waitForSelector("#h-qr svg");
                page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
                assertThat(page.evaluate("getComputedStyle(document.querySelector('.help-icon')).color")).isEqualTo("rgb(0, 0, 0)");
                assertThat(page.evaluate("getComputedStyle(document.querySelector('.help-icon')).backgroundImage + ' '"
                        + " + getComputedStyle(document.querySelector('.help-icon')).backgroundColor")).isEqualTo("none rgba(0, 0, 0, 0)");
                assertThat(((Number) page.evaluate("parseFloat(getComputedStyle(document.querySelector('.help-icon')).borderTopWidth)"))
                        .doubleValue()).isPositive();
                assertThat(page.locator("#h-qr-note").isVisible()).isTrue();
                // the captions of the drawings printed, from the drawings themselves
                List<String> captions = new ArrayList<>();
                for (Object src : (List<?>) page.evaluate("[...document.querySelectorAll('.sheet-exercise:not([hidden]) .sheet-figure')]"
                        + ".map(i => new URL(i.src).pathname)")) {
                    Matcher m = Pattern.compile("<text[^>]*>([^<]+)</text>").matcher(Files.readString(site.resolve(src.toString().substring(1))));
                    while (m.find()) {
                        captions.add(m.group(1).strip());
                    }
                }
                assertThat(captions).as(fragment).isNotEmpty();
                for (String format : List.of("A4", "Letter")) {
                    String what = format + " " + fragment;
                    try (var doc = Loader.loadPDF(page.pdf(new Page.PdfOptions().setFormat(format)))) {
                        List<Printed> lines = printed(doc);
                        for (Printed line : lines) {
                            assertThat(line.points()).as(what + ": " + line).isGreaterThanOrEqualTo(8.95f);
                            if (captions.contains(line.text())) {
                                assertThat(line.points()).as(what + ", a drawing's caption: " + line).isGreaterThanOrEqualTo(8.95f);
                            }
                            if (List.of("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun").contains(line.text())) {
                                assertThat(line.points()).as(what + ", a day: " + line).isGreaterThanOrEqualTo(9.95f);
                            }
                            if (line.text().startsWith("Start:") || line.text().startsWith("Carry on if:")
                                    || line.text().matches("\\d+ sets? of .*")) {
                                assertThat(line.points()).as(what + ", body text: " + line).isGreaterThanOrEqualTo(10.95f);
                            }
                        }
                        assertThat(lines.stream().filter(l -> captions.contains(l.text())).count()).as(what + ": captions found")
                                .isPositive();
                        assertThat(lines.stream().filter(l -> l.text().startsWith("Start:"))).as(what + ": steps found").isNotEmpty();
                        // "When to stop and get help" is on the first page, whatever else is printed; the small print at
                        // the end is never alone on a last page, which holds an exercise too
                        assertThat(lines.stream().filter(l -> l.page() == 1).map(Printed::text)).as(what)
                                .anyMatch(t -> t.contains("When to stop and get help"));
                        int last = doc.getNumberOfPages();
                        assertThat(lines.stream().filter(l -> l.page() == last).map(Printed::text))
                                .as(what + ": the last page is more than the small print").anyMatch(t -> t.startsWith("Start:"));
                    }
                }
            }
        }
    }

    /**
     * A patient who opens a handout's link (or scans its QR code) on a phone lands on their program, under
     * their title, with the form behind "Change this program" (a button that says whether it is open), in
     * English and Spanish; opened without a link, the maker shows its form first.
     */
    @Test
    void aHandoutLinkOpensOnThePatientsProgramWithTheFormBehindAButton() {
        try (BrowserContext context = chromium.context(390, true)) {
            Page page = context.newPage();
            for (String[] lang : List.of(new String[] {"handout/", "Your home exercise program", "Change this program"},
                    new String[] {"es/handout/", "Tu programa de ejercicios en casa", "Cambiar este programa"})) {
                page.navigate(url("about/"));
                page.navigate(url(lang[0] + "#" + checked("v3.", "by=Dr+Ana&x=clamshell.3.10.0.0.0&x=semi-squat.3.10.1.0.0")));
                assertThat(page.locator("#maker").isVisible()).as(lang[0]).isFalse();
                assertThat(page.innerText("h1")).as(lang[0]).isEqualTo(lang[1]);
                assertThat(page.locator("#ex-clamshell").isVisible()).isTrue();
                double sheetTop = ((Number) page.evaluate("document.querySelector('#ex-clamshell').getBoundingClientRect().top")).doubleValue();
                assertThat(sheetTop).as(lang[0] + ": the first exercise within two phone screens").isLessThan(2 * 844);
                Locator change = page.locator("#h-change");
                assertThat(change.innerText()).isEqualTo(lang[2]);
                assertThat(change.getAttribute("aria-expanded")).isEqualTo("false");
                change.focus();
                page.keyboard().press("Enter");
                assertThat(page.locator("#maker").isVisible()).as(lang[0] + ": opened by keyboard").isTrue();
                assertThat(change.getAttribute("aria-expanded")).isEqualTo("true");
                page.keyboard().press("Tab");
                assertThat(page.evaluate("document.activeElement.closest('#maker') !== null")).as("the form is next by Tab").isEqualTo(true);
                change.click();
                assertThat(page.locator("#maker").isVisible()).isFalse();
            }
            page.navigate(url("about/"));
            page.navigate(url("handout/"));
            assertThat(page.locator("#maker").isVisible()).as("opened without a link: the form first").isTrue();
            assertThat(page.locator("#h-change").isVisible()).isFalse();
            assertThat(page.innerText("h1")).isEqualTo("Make a home exercise handout");
        }
    }

    /**
     * The handout groups its exercises as the program page does, under each phase's heading and guidance
     * (the semi squat under the later phase's "Move on when kneecap pain has eased"), and gives what to
     * avoid, with JavaScript and without; the headings follow the order the clinician chose.
     */
    @Test
    void theHandoutKeepsTheProgramsPhasesAndWhatToAvoid() {
        for (boolean js : List.of(true, false)) {
            try (BrowserContext context = chromium.context(1280, js)) {
                Page page = context.newPage();
                page.navigate(url("handout/"));
                List<String> phases = page.locator(".h-phase:visible h2").allTextContents();
                assertThat(phases).as("js " + js).containsExactly("Early phase: the foot moves freely (open chain)",
                        "Later phase: feet on the floor (closed chain)");
                assertThat(page.innerText(".h-sheet")).as("js " + js).contains("Move on when kneecap pain has eased");
                Object later = page.evaluate("(() => { const s = document.querySelector('#ex-semi-squat');"
                        + " let e = s.previousElementSibling; while (e && !e.matches('.h-phase')) e = e.previousElementSibling;"
                        + " return e && e.querySelector('h2').textContent; })()");
                assertThat(later).as("js " + js).isEqualTo("Later phase: feet on the floor (closed chain)");
                assertThat(page.locator(".avoid:visible h2").allTextContents()).as("js " + js).isNotEmpty()
                        .allMatch(t -> t.startsWith("What to avoid until it settles"));
                assertThat(page.innerText(".sheet-end")).contains("Deep squats");
            }
        }
        try (BrowserContext context = chromium.context(1280, true)) {
            Page page = context.newPage();
            page.navigate(url("handout/#" + checked("v3.", "x=semi-squat.3.10.1.0.0&x=clamshell.3.10.0.0.0")));
            assertThat(page.locator(".h-sheet > :visible").evaluateAll("l => l.map(e => e.matches('.h-phase') ? 'phase' : e.id)"))
                    .isEqualTo(List.of("phase", "ex-semi-squat", "phase", "ex-clamshell"));
        }
    }

    /** A message about an earlier action ("already on the handout") goes once a later change succeeds. */
    @Test
    void aStaleStatusMessageGoesWhenTheNextChangeSucceeds() {
        try (BrowserContext context = chromium.context(1280, true)) {
            Page page = context.newPage();
            page.navigate(url("handout/"));
            add(page, "clamshell");
            assertThat(page.textContent("#h-status")).isEqualTo("That exercise is already on the handout.");
            add(page, "bridge");
            assertThat(page.textContent("#h-status")).isEmpty();
            add(page, "bridge");
            assertThat(page.textContent("#h-status")).isEqualTo("That exercise is already on the handout.");
            row(page, 0).locator("[data-act=remove]").click();
            assertThat(page.textContent("#h-status")).isEmpty();
        }
    }

    /** The text of the QR code in a PNG, read by ZXing, an independent decoder. */
    private static String decodeQr(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        try {
            return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
        } catch (NotFoundException | ChecksumException | FormatException e) {
            throw new AssertionError("the QR code cannot be read: " + e, e);
        }
    }

    private static void fillRow(Page page, int index, String... values) {
        List<String> names = List.of("sets", "reps", "hold", "rest", "days", "note");
        for (int i = 0; i < names.size(); i++) {
            row(page, index).locator("input[name=" + names.get(i) + "]").fill(values[i]);
        }
    }

    private static void assertRow(Page page, int index, String... values) {
        List<String> names = List.of("sets", "reps", "hold", "rest", "days", "note");
        for (int i = 0; i < names.size(); i++) {
            assertThat(row(page, index).locator("input[name=" + names.get(i) + "]").inputValue())
                    .as("row " + index + " " + names.get(i)).isEqualTo(values[i]);
        }
    }

    /**
     * A link printed before an exercise was renamed (bridge was glute-bridge: moved_from) opens the same
     * program: its check is over the link as written, and the old name is read as the new one.
     */
    @Test
    void aLinkMadeBeforeAnExerciseWasRenamedOpensTheSameProgram() {
        String fields = "x=glute-bridge.2.12.0.0.3&x=clamshell.3.10.0.0.0";
        try (BrowserContext context = chromium.context(1280, true)) {
            Page page = context.newPage();
            List<String> problems = watch(page);
            editing(page, url("handout/#v2." + fields + "&k=" + fnv(fields)));
            page.waitForCondition(() -> page.locator(".sheet-exercise:visible").count() == 2);

            assertThat(page.locator("#h-message").isVisible()).isFalse();
            assertThat(sheet(page)).containsExactly("Bridge", "Clamshell");
            assertThat(page.locator(".h-row-title").allTextContents()).containsExactly("1. Bridge", "2. Clamshell");
            assertThat(page.inputValue("#h-link")).contains("x=bridge.2.12.0.0.3&x=clamshell.3.10.0.0.0&k=");
            // the check is over the link as it was written: one made for the old name with another's check is not read
            page.navigate(url("about/"));
            editing(page, url("handout/#v2." + fields + "&k=" + fnv(fields.replace("glute-bridge", "bridge"))));
            page.waitForCondition(() -> page.locator("#h-message").isVisible());
            assertThat(sheet(page)).isEmpty();
            assertThat(problems).isEmpty();
        }
    }

    /** The check a version 2 handout link ends with: FNV-1a over its fields, 32 bits, in hex (handout.js). */
    private static String fnv(String text) {
        int h = 0x811c9dc5;
        for (int i = 0; i < text.length(); i++) {
            h = (h ^ text.charAt(i)) * 0x01000193;
        }
        return String.format(Locale.ROOT, "%08x", h);
    }

    @Test
    void malformedAndHostileLinksShowAPlainMessageAndNoProgramAndSendNothing() {
        String ok = "x=clamshell.3.10.0.0.0";
        List<String> bad = List.of("garbage", "v1", "v1.x=nope.3.10.0.0.0", "v1.x=__proto__.3.10.0.0.0",
                "v1.x=constructor.1.1.0.0.0", "v1.x=clamshell.999999999999999999999.10.0.0.0",
                "v1.x=clamshell.21.10.0.0.0", "v1.x=clamshell.0.10.0.0.0", "v1.x=clamshell.3.101.0.0.0",
                "v1.x=clamshell.3.10.601.0.0", "v1.x=clamshell.3.10.0.601.0", "v1.x=clamshell.3.10.0.0.8",
                "v1.x=clamshell.-1.10.0.0.0", "v1.x=clamshell.3.1e1.0.0.0", "v1.x=clamshell.3", "v1." + ok + "&" + ok,
                "v1.evil=1&" + ok, "v1.by=a&by=b&" + ok, "v1.start=2026-02-30&" + ok, "v1.start=tomorrow&" + ok,
                "v1.by=" + "a".repeat(81) + "&" + ok, "v1." + ok + "." + "n".repeat(121), "v1." + ok + ".%00",
                "v1.by=%E2%80%A8&" + ok, "v1.by=Jos%C3%A9%E2%80%AE&" + ok, "v1.for=%E2%81%A6a&" + ok,
                "v1.start=0000-01-01&" + ok, "v1.review=1999-12-31&" + ok, "v1." + "x".repeat(5000), "v1." + ok + "&x=" + "%3Cscript%3E".repeat(300),
                "<script>window.__pwned=1</script>", "v1.x=%3Cimg%20src%3Dx%20onerror%3Dwindow.__pwned%3D1%3E.1.1.0.0.0",
                // version 2 without its check, or with it twice or not last
                "v2." + ok, "v2.k=811c9dc5&" + ok, "v2." + ok + "&k=00000000", "v2.k=811c9dc5&k=811c9dc5", "v2.",
                "v3." + ok, "v3." + ok + "&k=00000000", "v3.",
                // repetitions as a range: only from version 3, the smaller number first, within the limits,
                // written as the page writes it (each with its right check, so that the range is what is refused)
                checked("v2.", "x=clamshell.3.10-15.0.0.0"), "v1.x=clamshell.3.10-15.0.0.0",
                checked("v3.", "x=clamshell.3.15-10.0.0.0"), checked("v3.", "x=clamshell.3.10-10.0.0.0"),
                checked("v3.", "x=clamshell.3.0-5.0.0.0"), checked("v3.", "x=clamshell.3.10-101.0.0.0"),
                checked("v3.", "x=clamshell.3.10-15-20.0.0.0"), checked("v3.", "x=clamshell.3.10%E2%80%9315.0.0.0"),
                checked("v3.", "x=clamshell.3.10+-+15.0.0.0"), checked("v3.", "x=clamshell.3.-15.0.0.0"),
                checked("v3.", "x=clamshell.3-5.10.0.0.0"));
        List<String> problems = new ArrayList<>();
        try (BrowserContext context = chromium.context(1280, true)) {
            Page page = context.newPage();
            problems.addAll(watch(page));
            page.navigate(url("handout/"));
            int scripts = page.locator("script").count();
            for (String fragment : bad) {
                page.navigate(url("about/"));
                editing(page, url("handout/#" + fragment));
                expectUnread(page, fragment, BAD, scripts, problems);
            }
            for (String fragment : List.of("v4." + ok, "v0." + ok, "v99.by=%3Cb%3Ehi%3C%2Fb%3E")) {
                page.navigate(url("about/"));
                editing(page, url("handout/#" + fragment));
                expectUnread(page, fragment, OLD, scripts, problems);
            }

            // a hostile-looking text is still a good handout: it shows as text, never as markup
            page.navigate(url("about/"));
            page.navigate(url("handout/#v1.by=%3Cscript%3Ewindow.__pwned%3D1%3C%2Fscript%3E&"
                    + "x=clamshell.3.10.0.0.0.%3Cimg%20src%3Dx%20onerror%3Dwindow.__pwned%3D1%3E"));
            assertThat(page.locator("#h-message").isVisible()).isFalse();
            assertThat(page.textContent("#out-by")).isEqualTo("<script>window.__pwned=1</script>");
            assertThat(page.textContent("#ex-clamshell .h-note span"))
                    .isEqualTo("<img src=x onerror=window.__pwned=1>");
            assertThat(page.locator("script").count()).isEqualTo(scripts);
            assertThat(page.locator("main img:not(.sheet-figure)").count()).isZero();
            assertThat(page.evaluate("typeof window.__pwned")).isEqualTo("undefined");

            // a link made before the form held the review date to come after the start still opens as made
            page.navigate(url("about/"));
            editing(page, url("handout/#v1.start=2027-02-01&review=2026-12-01&x=clamshell.1.20.0.0.5"));
            assertThat(page.locator("#h-message").isVisible()).isFalse();
            assertThat(page.textContent("#out-start")).isEqualTo("February 1, 2027");
            assertThat(sheet(page)).containsExactly("Clamshell");

            // a link pasted into the same tab is read too
            page.evaluate("location.hash = '#v1.x=bridge.2.8.0.0.0'");
            page.waitForCondition(() -> page.locator("#h-list > li").count() == 1);
            assertThat(sheet(page)).containsExactly("Bridge");
        }
        assertThat(problems).isEmpty();
    }

    /**
     * A link that could not be read shows its message and no program, on screen and on paper (the
     * default program, printed with a QR code of its own link, could be taken for the patient's
     * own), and stays in the address, so that a reload shows the message again and the link can be
     * sent back to whoever made it.
     */
    private void expectUnread(Page page, String fragment, String message, int scripts, List<String> problems) {
        page.waitForCondition(() -> page.locator("#h-message").isVisible());
        assertThat(page.textContent("#h-message")).as(fragment).isEqualTo(message);
        assertThat(sheet(page)).as(fragment).isEmpty();
        assertThat(page.isDisabled("#h-print")).as(fragment).isTrue();
        assertThat(page.locator("#h-qr").isVisible()).as(fragment).isFalse();
        assertThat(page.url()).as("the link stays in the address")
                .isEqualTo(page.evaluate("u => new URL(u).href", url("handout/#" + fragment)));
        assertThat(page.locator("script").count()).as(fragment).isEqualTo(scripts);
        assertThat(page.locator("main b, main img:not(.sheet-figure), main iframe").count()).as(fragment).isZero();
        assertThat(page.evaluate("typeof window.__pwned")).as(fragment).isEqualTo("undefined");
        assertThat(problems).as(fragment).isEmpty();
    }

    /**
     * A link the page made, cut short anywhere (a message app that cuts long links, a copy that
     * missed its end), is refused, never read as a shorter handout: the check at its end goes, or
     * no longer matches. Before version 2, a link cut right after a "&" lost its last exercises
     * without a word, and one cut inside a note lost the note's end.
     */
    @Test
    void aLinkCutShortAnywhereIsRefused() {
        try (BrowserContext context = chromium.context(1280, true)) {
            Page page = context.newPage();
            editing(page, url("handout/#v1.by=Dr+Ana&x=semi-squat.4.12.2.90.3.Hold+on+to+a+chair&x=clamshell.1.20.0.0.5"));
            page.waitForCondition(() -> page.url().contains("#v3."));
            String made = page.url();
            String fragment = made.substring(made.indexOf('#') + 1);
            assertThat(fragment).matches("v3\\.by=Dr\\+Ana&x=semi-squat\\.[^&]*&x=clamshell\\.1\\.20\\.0\\.0\\.5&k=[0-9a-f]{8}");
            assertThat(sheet(page)).containsExactly("Semi squat", "Clamshell");

            int note = fragment.indexOf("chair");
            List<String> cut = List.of(fragment.substring(0, fragment.indexOf("&x=clamshell") + 1),
                    fragment.substring(0, note), fragment.substring(0, fragment.indexOf("&k=")),
                    fragment.substring(0, fragment.length() - 1), fragment.replace("x=clamshell.1.20", "x=clamshell.2.20"),
                    "v3." + fragment.substring(fragment.indexOf("&x=clamshell") + 1));
            for (String c : cut) {
                page.navigate(url("about/"));
                editing(page, url("handout/#" + c));
                page.waitForCondition(() -> page.locator("#h-message").isVisible());
                assertThat(page.textContent("#h-message")).as(c).isEqualTo(BAD);
                assertThat(sheet(page)).as(c).isEmpty();
            }
            page.navigate(url("about/"));
            editing(page, made);
            page.waitForCondition(() -> page.locator("#h-list > li").count() == 2);
            assertThat(page.locator("#h-message").isVisible()).isFalse();
        }
    }

    /** On paper as on screen: the message, and no exercise of the default program. */
    @Test
    void aLinkThatCouldNotBeReadPrintsItsMessageAndNoProgramUntilTheFormIsChanged() {
        try (BrowserContext context = chromium.context(1280, true)) {
            Page page = context.newPage();
            String link = url("handout/#v1.by=Dr+Ana+Ruiz&x=wall-squat.4.12.2.90.3&x=clamshell.1.20.0.0.5");
            editing(page, link);
            page.waitForCondition(() -> page.locator("#h-message").isVisible());
            page.reload();
            page.waitForCondition(() -> page.locator("#h-message").isVisible());
            assertThat(page.url()).as("a reload still holds the link sent").isEqualTo(link);

            page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
            assertThat(page.locator("#h-message").isVisible()).as("the message prints").isTrue();
            assertThat(page.locator(".sheet-exercise:visible").count()).as("no exercise prints").isZero();
            page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));

            // the other language's handout maker is given the same link, and says so too
            String fragment = link.substring(link.indexOf('#'));
            assertThat(page.getAttribute(".language-switcher a[hreflang=es]", "href")).endsWith("/handout/" + fragment);
            page.locator(".language-switcher a[hreflang=es]").click();
            page.waitForCondition(() -> page.url().contains("/es/handout/") && page.locator("#h-message").isVisible());
            assertThat(page.url()).endsWith(fragment);
            assertThat(sheet(page)).isEmpty();
            editing(page, link);
            page.waitForCondition(() -> page.locator("#h-message").isVisible());

            // a physio who makes a new handout there gets its link, and the message goes
            page.selectOption("#h-pick", "clamshell");
            page.click("#h-add");
            page.waitForCondition(() -> !page.inputValue("#h-link").isEmpty());
            assertThat(page.locator("#h-message").isVisible()).isFalse();
            assertThat(sheet(page)).containsExactly("Clamshell");
            assertThat(page.url()).contains("#v3.x=clamshell.");
        }
    }

    @Test
    void aLongHandoutGetsALargerQrCodeThatStillReadsAndATooLongOneSaysSo() throws IOException {
        String note = "Keep the movement slow and smooth, breathe out as you lift, and stop at once if the pain "
                + "builds during the set.";
        var fragment = new StringBuilder("v1.by=Dr.+Ana+Ruiz&for=J.+Smith&start=2026-12-07");
        for (String slug : List.of("straight-leg-raise", "side-lying-leg-raise", "clamshell", "bridge",
                "semi-squat", "hip-extension-leg-raise")) {
            fragment.append("&x=").append(slug).append(".3.10.2.60.5.").append(note.replace(' ', '+'));
        }
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)
                .setDeviceScaleFactor(4))) {
            Page page = context.newPage();
            editing(page, url("handout/#" + fragment));
            page.waitForSelector("#h-qr svg");
            assertThat(page.locator("#h-message").isVisible()).isFalse();
            assertThat(page.locator("#h-qr").getAttribute("class")).contains("h-qr-big");
            String link = page.inputValue("#h-link");
            assertThat(link.length()).isGreaterThan(800);
            byte[] png = page.locator("#h-qr-code").screenshot();
            Files.createDirectories(ReaderBrowserTest.SCREENSHOTS);
            Files.write(ReaderBrowserTest.SCREENSHOTS.resolve("handout-long-qr.png"), png);
            assertThat(decodeQr(png)).isEqualTo(link);

            row(page, 0).locator("input[name=note]").fill("é".repeat(120));
            row(page, 1).locator("input[name=note]").fill("é".repeat(120));
            assertThat(page.locator("form input:not([autocomplete=off]), form select:not([autocomplete=off])").count())
                    .as("no field asks the browser to remember what is typed in it").isZero();
            String tooLong = "This handout is too long for one link, so it has no link or QR code. Shorten the notes "
                    + "or remove an exercise.";
            assertThat(page.textContent("#h-status")).isEqualTo(tooLong);
            // the sheet shows the notes typed: neither a link nor a code of the handout before goes with it
            assertThat(page.inputValue("#h-link")).isEmpty();
            assertThat(page.locator("#h-qr").isVisible()).isFalse();
            assertThat(page.url()).as("the address keeps the last handout that fitted").isEqualTo(link);
            page.click("#h-copy");
            assertThat(page.textContent("#h-status")).as("nothing to copy").isEqualTo(tooLong);
            row(page, 1).locator("input[name=note]").fill("");
            row(page, 0).locator("input[name=note]").fill("é".repeat(20));
            assertThat(page.textContent("#h-status")).isEmpty();
            assertThat(page.inputValue("#h-link")).contains("x=straight-leg-raise.3.10.2.60.5.%C3%A9%C3%A9");
            page.waitForCondition(() -> page.locator("#h-qr").isVisible());
        }
    }

    @Test
    void theMakerIsUsableByKeyboardAlone() {
        try (BrowserContext context = chromium.context(375, true)) {
            Page page = context.newPage();
            editing(page, url("handout/#v1.x=clamshell.3.10.0.0.0"));
            for (int i = 0; i < 40 && !"h-pick".equals(page.evaluate("document.activeElement.id")); i++) {
                page.keyboard().press("Tab");
            }
            assertThat(page.evaluate("document.activeElement.id")).isEqualTo("h-pick");
            page.keyboard().press("Home"); // the first exercise of the list
            String chosen = page.inputValue("#h-pick");
            page.keyboard().press("Tab");
            page.keyboard().press("Enter");
            assertThat(page.evaluate("document.activeElement.name")).as("the new row's first field").isEqualTo("sets");
            page.keyboard().press("Control+A");
            page.keyboard().type("5");
            for (int i = 0; i < 10 && !"up".equals(page.evaluate("document.activeElement.dataset.act")); i++) {
                page.keyboard().press("Tab");
            }
            page.keyboard().press("Enter");
            assertThat(page.evaluate("document.activeElement.dataset.act")).isEqualTo("up");
            assertThat(page.locator(".h-row-title").first().textContent()).startsWith("1. ");
            assertThat(page.url()).contains("x=" + chosen + ".5.").contains("&x=clamshell.3.10.0.0.0");
        }
    }

    @Test
    void axeFindsNoViolationOnTheMakerAndItReflowsAt320Pixels() {
        try (BrowserContext context = chromium.context(320, true)) {
            Page page = context.newPage();
            page.navigate(url("handout/#v1.by=A%20long%20name%20of%20a%20clinic%20and%20its%20physio&"
                    + "x=semi-squat.3.10.1.60.3.A%20note%20that%20is%20fairly%20long%20to%20see%20it%20wrap&"
                    + "x=bridge.2.8.3.0.0"));
            page.waitForSelector("#h-qr svg");
            List<String> violations = Axe.violations(page, "handout/");
            assertThat(violations).isEmpty();
            assertThat(((Number) page.evaluate("document.documentElement.scrollWidth")).intValue())
                    .isLessThanOrEqualTo(320);
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                    .setPath(ReaderBrowserTest.SCREENSHOTS.resolve("handout-320.png")));
        }
    }

    /**
     * A patient who opens a handout's link with JavaScript off sees the default program: a notice tells them,
     * in their language, that the program made for them needs JavaScript, and what to do; it prints too. With
     * JavaScript on it is not there.
     */
    @Test
    void withoutJavaScriptAHandoutLinkSaysTheProgramMadeForThePatientNeedsIt() throws IOException {
        String link = "#" + checked("v3.", "by=Ana&x=bridge.2.8.0.0.0");
        Map<String, String> notices = Map.of(
                "handout/", "If you opened this page from a link or a QR code made for you: your own program needs "
                        + "JavaScript to show, and JavaScript is off in this browser. The exercises below are the "
                        + "site's usual program, not the one made for you. Turn JavaScript on and open the link "
                        + "again, or ask the person who gave you the link for the printed sheet.",
                "es/handout/", "Si has abierto esta página desde un enlace o un código QR hecho para ti: tu programa "
                        + "necesita JavaScript para verse, y JavaScript está desactivado en este navegador. Los "
                        + "ejercicios de abajo son el programa general del sitio, no el que se preparó para ti. "
                        + "Activa JavaScript y vuelve a abrir el enlace, o pide la hoja impresa a quien te dio el "
                        + "enlace.");
        for (var notice : notices.entrySet()) {
            try (BrowserContext context = chromium.context(375, false)) {
                Page page = context.newPage();
                page.navigate(url(notice.getKey() + link));
                Locator shown = page.locator(".h-noscript");
                assertThat(shown.isVisible()).as(notice.getKey()).isTrue();
                assertThat(shown.innerText()).as(notice.getKey()).isEqualTo(notice.getValue());
                page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
                assertThat(shown.isVisible()).as(notice.getKey() + " printed").isTrue();
                try (var doc = Loader.loadPDF(page.pdf(new Page.PdfOptions().setFormat("A4")))) {
                    assertThat(new PDFTextStripper().getText(doc).replaceAll("\\s+", " "))
                            .as(notice.getKey() + " on paper").contains(notice.getValue());
                }
            }
            try (BrowserContext context = chromium.context(375, true)) {
                Page page = context.newPage();
                page.navigate(url(notice.getKey() + link));
                page.waitForCondition(() -> page.locator("#h-change").isVisible());
                assertThat(page.locator(".h-noscript").count()).as(notice.getKey() + " with JavaScript").isZero();
                assertThat(page.innerText("body")).doesNotContain(notice.getValue().substring(0, 40));
            }
        }
    }

    @Test
    void withoutJavaScriptTheHandoutIsTheDefaultProgramToFillInByHand() {
        try (BrowserContext context = chromium.context(375, false)) {
            Page page = context.newPage();
            editing(page, url("handout/#v1.x=bridge.2.8.0.0.0"));
            assertThat(page.locator("#maker").isVisible()).isFalse();
            assertThat(page.locator("#h-message").isVisible()).isFalse();
            assertThat(page.locator("#h-qr").isVisible()).isFalse();
            assertThat(sheet(page)).containsExactlyElementsOf(DEFAULT);
            assertThat(page.textContent("#ex-semi-squat .h-dose")).isEqualTo("3 sets of 10–15, hold 1 second.");
            assertThat(page.locator(".prepared .blank").count()).isEqualTo(4);
        }
    }
}
