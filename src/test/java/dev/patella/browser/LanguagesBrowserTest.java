package dev.patella.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.patella.TestSites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sites in more than one language, in a real browser: an English site with a Spanish edition
 * ({@code two-languages}) and one with a Hebrew edition, written right to left
 * ({@code right-to-left}). Every page of both, the 404 page of each language included, passes
 * axe and reflows at 320 pixels; the Hebrew pages are laid out right to left; the switcher
 * leads a reader from a page to its translation.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LanguagesBrowserTest {

    private StaticServer spanish;
    private StaticServer hebrew;
    private Chromium chromium;
    private final List<String> spanishPages = new ArrayList<>();
    private final List<String> hebrewPages = new ArrayList<>();

    @BeforeAll
    void start(@TempDir Path tmp) throws IOException {
        Chromium.assumeInstalled();
        spanish = StaticServer.start(build(TestSites.withMessages(TestSites.project(tmp.resolve("es"), "complete", "two-languages"), "es"),
                spanishPages));
        hebrew = StaticServer.start(build(TestSites.withMessages(TestSites.project(tmp.resolve("he"), "right-to-left"), "he"),
                hebrewPages));
        chromium = Chromium.launch();
    }

    /** Builds the project and lists its pages: those of the sitemap, and every language's 404 page. */
    private static Path build(Path project, List<String> pages) throws IOException {
        var run = TestSites.run("build", "--project", project.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        Path site = project.resolve("site");
        var loc = Pattern.compile("<loc>https://example\\.org/([^<]*)</loc>").matcher(TestSites.read(
                site.resolve("sitemap.xml")));
        while (loc.find()) {
            pages.add(loc.group(1));
        }
        try (Stream<Path> walk = Files.walk(site)) {
            walk.filter(p -> p.getFileName().toString().equals("404.html"))
                    .map(p -> site.relativize(p).toString().replace('\\', '/')).sorted().forEach(pages::add);
        }
        return site;
    }

    @AfterAll
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
        for (StaticServer server : new StaticServer[] {spanish, hebrew}) {
            if (server != null) {
                server.stop();
            }
        }
    }

    @Test
    void everyPageOfBothLanguagesPassesAxe() {
        List<String> violations = new ArrayList<>();
        try (BrowserContext context = chromium.context(1280, true)) {
            Page page = context.newPage();
            axe(page, spanish, spanishPages, violations);
            axe(page, hebrew, hebrewPages, violations);
        }
        assertThat(spanishPages).contains("es/", "es/exercises/elevacion-de-pierna/", "es/404.html");
        assertThat(hebrewPages).contains("he/", "he/exercises/haramat-regel/", "he/404.html");
        assertThat(violations).isEmpty();
    }

    private static void axe(Page page, StaticServer server, List<String> paths, List<String> violations) {
        for (String path : paths) {
            page.navigate(server.base() + path);
            page.waitForLoadState();
            violations.addAll(Axe.violations(page, path));
        }
    }

    @Test
    void everyPageReflowsAt320PixelsWithoutSidewaysScrollingInBothDirections() {
        List<String> wide = new ArrayList<>();
        try (BrowserContext context = chromium.context(320, true)) {
            Page page = context.newPage();
            for (var site : List.of(new Object[] {spanish, spanishPages}, new Object[] {hebrew, hebrewPages})) {
                StaticServer server = (StaticServer) site[0];
                @SuppressWarnings("unchecked")
                List<String> paths = (List<String>) site[1];
                for (String path : paths) {
                    page.navigate(server.base() + path);
                    int width = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
                    if (width > 320) {
                        wide.add(path + " is " + width + " px wide");
                    }
                }
            }
        }
        assertThat(wide).isEmpty();
    }

    @Test
    void hebrewPagesAreLaidOutRightToLeftAndEnglishOnesLeftToRight() {
        try (BrowserContext context = chromium.context(1280, true)) {
            Page page = context.newPage();
            for (String path : hebrewPages) {
                page.navigate(hebrew.base() + path);
                String direction = (String) page.evaluate("getComputedStyle(document.body).direction");
                assertThat(direction).as(path).isEqualTo(path.startsWith("he/") ? "rtl" : "ltr");
            }
            page.navigate(hebrew.base() + "he/exercises/haramat-regel/");
            // mirrored: the site's name starts at the right edge of the header
            var brand = page.locator(".brand").boundingBox();
            assertThat(brand.x + brand.width).isGreaterThan(640);
        }
    }

    @Test
    void theSwitcherTakesAReaderToTheSamePageInTheOtherLanguage() {
        try (BrowserContext context = chromium.context(1280, true)) {
            Page page = context.newPage();
            page.navigate(spanish.base() + "exercises/leg-lift/");
            page.locator(".language-switcher a[hreflang=es]").click();
            page.waitForLoadState();
            assertThat(page.url()).isEqualTo(spanish.base() + "es/exercises/elevacion-de-pierna/");
            assertThat(page.locator("html").getAttribute("lang")).isEqualTo("es");
            page.locator(".language-switcher a[hreflang=en]").click();
            page.waitForLoadState();
            assertThat(page.url()).isEqualTo(spanish.base() + "exercises/leg-lift/");
        }
    }

    /** Readers on a phone often leave accents out: "elevacion" finds what "elevación" finds, and the reverse. */
    @Test
    void spanishSearchFindsWordsTypedWithoutTheirAccents() {
        try (BrowserContext context = chromium.context(375, true)) {
            Page page = context.newPage();
            Map<String, List<String>> found = new LinkedHashMap<>();
            for (String query : List.of("elevación", "elevacion", "ELEVACION", "cuadriceps", "cuádriceps")) {
                page.navigate(spanish.base() + "es/search/?q=" + query);
                page.waitForCondition(() -> page.textContent("#search-status").contains(query));
                found.put(query, page.locator("#results-list li a").allTextContents());
            }
            assertThat(found.get("elevación")).contains("Elevación de pierna");
            assertThat(found.get("elevacion")).isEqualTo(found.get("elevación")).isEqualTo(found.get("ELEVACION"));
            assertThat(found.get("cuádriceps")).isNotEmpty().isEqualTo(found.get("cuadriceps"));
        }
    }

    /** Issue 16, item 5: a handout names exercises by their file's name, which a translation shares. */
    @Test
    void aHandoutLinkMadeInEnglishOpensInSpanishWithTheSameChoices() {
        try (BrowserContext context = chromium.context(1280, true)) {
            Page page = context.newPage();
            page.navigate(spanish.base() + "handout/#v1.x=leg-lift.2.8.5.30.4");
            page.waitForCondition(() -> !page.inputValue("#h-link").isEmpty());
            assertThat(page.locator("#h-message").isVisible()).isFalse();
            assertThat(page.locator(".sheet-exercise:visible h3 a").allTextContents()).containsExactly("Leg lift");
            String english = page.inputValue("#h-link");

            // the Spanish exercise has a slug of its own (elevacion-de-pierna); the link still names it leg-lift
            page.navigate(english.replace("/handout/", "/es/handout/"));
            page.waitForCondition(() -> !page.inputValue("#h-link").isEmpty());
            assertThat(page.locator("#h-message").isVisible()).isFalse();
            assertThat(page.locator(".sheet-exercise:visible h3 a").allTextContents())
                    .containsExactly("Elevación de pierna");
            assertThat(page.inputValue("input[name=sets] >> nth=0")).isEqualTo("2");
            assertThat(page.inputValue("input[name=reps] >> nth=0")).isEqualTo("8");
            assertThat(page.inputValue("#h-link")).isEqualTo(english.replace("/handout/", "/es/handout/"));
        }
    }
}
