package dev.patella.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patella.TestSites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A site in English and Spanish, built through the command line: the {@code complete} fixture
 * with the {@code two-languages} overlay, which translates the condition and the exercise (each
 * with its own slug) and the glossary, and leaves the about page in English only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LanguagePagesTest {

    private Path project;
    private Path site;

    @BeforeAll
    void build(@TempDir Path tmp) {
        project = TestSites.withMessages(TestSites.project(tmp.resolve("p"), "complete", "two-languages"), "es");
        // as an editor does when a translation is finished: the command records which English version it follows
        var marked = TestSites.run("translated", "--all", "es", "--project", project.toString());
        assertThat(marked.exitCode()).as(marked.err()).isZero();
        var run = TestSites.run("build", "--project", project.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        site = project.resolve("site");
    }

    private String page(String path) {
        return TestSites.read(site.resolve(path));
    }

    @Test
    void spanishEditionHasEverySectionUnderEs() {
        assertThat(site.resolve("es")).isDirectory();
        for (String path : List.of("es/index.html", "es/conditions/rodilla-dolorida/index.html",
                "es/conditions/rodilla-dolorida/program/index.html", "es/exercises/index.html",
                "es/exercises/elevacion-de-pierna/index.html", "es/glossary/index.html", "es/handout/index.html",
                "es/search/index.html", "es/sources/index.html", "es/404.html")) {
            assertThat(site.resolve(path)).as(path).isRegularFile();
            assertThat(page(path)).as(path).contains("<html lang=\"es\" dir=\"ltr\">");
        }
        assertThat(page("exercises/leg-lift/index.html")).contains("<html lang=\"en\" dir=\"ltr\">");
        // shared files are published once, at the root
        assertThat(site.resolve("es/assets")).doesNotExist();
        assertThat(site.resolve("es/images")).doesNotExist();
        assertThat(site.resolve("es/sitemap.xml")).doesNotExist();
    }

    /**
     * Each language has its own web app manifest, in its folder: its name, description and language,
     * starting at its home page; its pages link it, and the English pages the English one.
     */
    @Test
    void eachLanguageHasItsOwnWebAppManifest() {
        String spanish = page("es/manifest.webmanifest");
        assertThat(spanish).contains("\"lang\":\"es\"").contains("\"name\":\"Rodillas de prueba\"")
                .contains("\"start_url\":\"./\"").contains("\"src\":\"../assets/favicon.svg\"");
        assertThat(site.resolve("es/assets/favicon.svg")).doesNotExist();
        assertThat(site.resolve("assets/favicon.svg")).isRegularFile();
        assertThat(page("es/exercises/elevacion-de-pierna/index.html"))
                .contains("<link rel=\"manifest\" href=\"../../manifest.webmanifest\">"); // /es/manifest.webmanifest
        assertThat(page("es/index.html")).contains("<link rel=\"manifest\" href=\"./manifest.webmanifest\">");
        assertThat(page("index.html")).contains("<link rel=\"manifest\" href=\"./manifest.webmanifest\">");
        assertThat(page("manifest.webmanifest")).contains("\"lang\":\"en\"");
    }

    /**
     * The Spanish exercise list filters by words that keep their letters without the accents
     * ({@code cuádriceps} is {@code cuadriceps}, in the address too), not by words with holes in them.
     */
    @Test
    void filterValuesKeepAccentedLettersWithoutTheirAccents() {
        String list = page("es/exercises/index.html");
        assertThat(list).contains("data-muscles=\"cuadriceps flexores-de-la-cadera\"").contains("value=\"cuadriceps\"")
                .doesNotContain("cu-driceps");
    }

    /**
     * A translation keeps its source's links: one naming a page that is translated with a slug of
     * its own leads to that page in the translation's language, as does a link into a language's
     * folder written with the source's slug, from any language.
     */
    @Test
    void aLinkByTheSourcesSlugLeadsToTheTranslationsOwnSlug(@TempDir Path tmp) throws IOException {
        Path p = TestSites.withMessages(TestSites.project(tmp.resolve("p"), "complete", "two-languages"), "es");
        Path condition = p.resolve("content/es/conditions/sore-knee.md");
        Files.writeString(condition, Files.readString(condition) + "Empieza por la [elevación](/exercises/leg-lift/), "
                + "que ves [aquí](/es/exercises/leg-lift/) y [aquí](/exercises/elevacion-de-pierna/).\n");
        Path about = p.resolve("content/pages/about.md");
        Files.writeString(about, Files.readString(about) + "\nIn Spanish: [leg lift](/es/exercises/leg-lift/).\n");

        var run = TestSites.run("build", "--project", p.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();

        String spanish = TestSites.read(p.resolve("site/es/conditions/rodilla-dolorida/index.html"));
        assertThat(spanish).contains("<a href=\"../../exercises/elevacion-de-pierna/\">elevación</a>")
                .contains("<a href=\"../../exercises/elevacion-de-pierna/\">aquí</a>")
                .doesNotContain("exercises/leg-lift/");
        assertThat(TestSites.read(p.resolve("site/about/index.html")))
                .contains("<a href=\"../es/exercises/elevacion-de-pierna/\">leg lift</a>");
    }

    /**
     * A link into the folder of the page's own language ({@code /es/sources/} from a Spanish page)
     * leads to that page: it was taken as a path of the Spanish edition and given a second
     * {@code /es}, a broken link saying the page had no translation.
     */
    @Test
    void aLinkIntoThePagesOwnLanguagesFolderLeadsThere(@TempDir Path tmp) throws IOException {
        Path p = TestSites.withMessages(TestSites.project(tmp.resolve("p"), "complete", "two-languages"), "es");
        Path condition = p.resolve("content/es/conditions/sore-knee.md");
        Files.writeString(condition, Files.readString(condition) + "Mira las [fuentes](/es/sources/), la "
                + "[lista](/es/exercises/), la [elevación](/es/exercises/elevacion-de-pierna/) y el [inicio](/es).\n");

        var run = TestSites.run("build", "--project", p.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();

        assertThat(TestSites.read(p.resolve("site/es/conditions/rodilla-dolorida/index.html")))
                .contains("<a href=\"../../sources/\">fuentes</a>", "<a href=\"../../exercises/\">lista</a>",
                        "<a href=\"../../exercises/elevacion-de-pierna/\">elevación</a>", "<a href=\"../../\">inicio</a>")
                .doesNotContain("href=\"../../es/");
    }

    @Test
    void openGraphNamesEachPagesLocaleWithItsRegion() {
        // Open Graph reads a locale as language_REGION; ICU's likely region completes a bare code
        assertThat(page("es/exercises/elevacion-de-pierna/index.html"))
                .contains("<meta property=\"og:locale\" content=\"es_ES\">");
        assertThat(page("exercises/leg-lift/index.html")).contains("<meta property=\"og:locale\" content=\"en_US\">");
    }

    @Test
    void theSourcesPageNamesEachCitingPageByItsTitleInItsLanguage() {
        assertThat(page("sources/index.html")).contains("Used on: <a href=\"../conditions/sore-knee/\">Sore knee</a>, "
                + "<a href=\"../conditions/sore-knee/program/\">Home exercise program: Sore knee</a>");
        assertThat(page("es/sources/index.html")).contains("<a href=\"../conditions/rodilla-dolorida/program/\">"
                + "Programa de ejercicios en casa: Rodilla dolorida</a>");
        // never a page's address in place of its title
        for (String path : List.of("sources/index.html", "es/sources/index.html")) {
            assertThat(page(path)).as(path).doesNotContainPattern("<p class=\"meta\">[^\\n]*\">/");
        }
    }

    @Test
    void anUntranslatedPageIsNotPublishedInSpanishNorListedThere() {
        assertThat(site.resolve("es/about")).doesNotExist();
        assertThat(page("es/index.html")).doesNotContain("about/");
        assertThat(page("es/exercises/elevacion-de-pierna/index.html")).doesNotContain("About</a>");
    }

    @Test
    void everyPageNamesEachOfItsVersionsAndTheDefaultWithAbsoluteUrls() {
        String expected = """
                <link rel="alternate" hreflang="en" href="https://example.org/exercises/leg-lift/">
                <link rel="alternate" hreflang="es" href="https://example.org/es/exercises/elevacion-de-pierna/">
                <link rel="alternate" hreflang="x-default" href="https://example.org/exercises/leg-lift/">
                """;
        assertThat(page("exercises/leg-lift/index.html")).contains(expected);
        assertThat(page("es/exercises/elevacion-de-pierna/index.html")).contains(expected);
        assertThat(page("es/index.html")).contains("<link rel=\"alternate\" hreflang=\"en\" href=\"https://example.org/\">");
        // a page in one language has no versions to name
        assertThat(page("about/index.html")).doesNotContain("hreflang=\"x-default\"");
    }

    @Test
    void theSwitcherLeadsToTheSamePageOrSaysItIsNotTranslatedAndLeadsHome() {
        assertThat(page("es/exercises/elevacion-de-pierna/index.html"))
                .contains("<a href=\"../../../exercises/leg-lift/\" hreflang=\"en\" lang=\"en\" dir=\"ltr\">English</a>");
        assertThat(page("exercises/leg-lift/index.html"))
                .contains("<a href=\"../../es/exercises/elevacion-de-pierna/\" hreflang=\"es\" lang=\"es\" dir=\"ltr\">Español</a>");
        String about = page("about/index.html");
        assertThat(about).contains("This page is not translated into Español yet.")
                .contains("<a href=\"../es/\" hreflang=\"es\">Go to the home page in Español</a>");
    }

    @Test
    void linksBetweenSpanishPagesStayInSpanishAndSharedFilesComeFromTheRoot() {
        String exercise = page("es/exercises/elevacion-de-pierna/index.html");
        assertThat(exercise).contains("href=\"../../conditions/rodilla-dolorida/\"")
                .contains("href=\"../../../assets/style.")
                .contains("src=\"../../../images/leg-lift.svg\"")
                .contains("href=\"../../glossary/#term-thigh\"");
        assertThat(page("es/404.html")).contains("href=\"/assets/style.").contains("href=\"/es/\"");
    }

    @Test
    void theSitemapListsEveryVersionOfEachPage() {
        String sitemap = page("sitemap.xml");
        assertThat(sitemap).contains("xmlns:xhtml=\"http://www.w3.org/1999/xhtml\"")
                .contains("<loc>https://example.org/es/exercises/elevacion-de-pierna/</loc>")
                .contains("<xhtml:link rel=\"alternate\" hreflang=\"es\" href=\"https://example.org/es/conditions/rodilla-dolorida/\"/>")
                .doesNotContain("es/404.html");
    }

    @Test
    void eachLanguageSearchesOnlyItsOwnPages() throws IOException {
        Pattern index = Pattern.compile("data-index=\"([^\"]+)\"");
        var en = index.matcher(page("search/index.html"));
        var es = index.matcher(page("es/search/index.html"));
        assertThat(en.find()).isTrue();
        assertThat(es.find()).isTrue();
        String english = TestSites.read(site.resolve("search").resolve(en.group(1)).normalize());
        String spanish = TestSites.read(site.resolve("es/search").resolve(es.group(1)).normalize());
        assertThat(spanish).contains("Elevación de pierna").doesNotContain("Leg lift").doesNotContain("About");
        assertThat(english).contains("Leg lift").doesNotContain("Elevación");
    }

    @Test
    void structuredDataAndCitationsAreInThePageLanguage() {
        assertThat(page("es/exercises/elevacion-de-pierna/index.html")).contains("\"inLanguage\":\"es\"");
        assertThat(page("exercises/leg-lift/index.html")).contains("\"inLanguage\":\"en\"");
        // the citation style's terms and dates in the page's language (the CSL locale es-ES)
        assertThat(page("sources/index.html")).contains("Published March 5, 2024. Accessed January 10, 2026.");
        // Spanish dates read day, month, year, as the CSL locale writes them, not in the style's US order
        assertThat(page("es/sources/index.html")).contains("5 de marzo de 2024. Consultado el 10 de enero de 2026.")
                .doesNotContain("enero 10");
    }

    @Test
    void spanishIsNotMeasuredWithTheEnglishReadingFormula() {
        var run = TestSites.run("check", "--project", project.toString());
        assertThat(run.err()).doesNotContain("content/es/").as(run.err());
    }

    @Test
    void aFolderOfTheSiteIsPublishedOnlyForTheLanguagesListed() throws IOException {
        try (Stream<Path> walk = Files.list(site)) {
            assertThat(walk.filter(Files::isDirectory).map(p -> p.getFileName().toString()))
                    .contains("es").doesNotContain("fr");
        }
    }

    /**
     * The words about the people are translated where {@code content/es/people.yaml} gives them: the
     * Spanish about page and the Spanish pages' structured data show the Spanish role and bio, the
     * English ones the English; a person's name and credentials are shared, a team's name is
     * translated, and a person the translation leaves out keeps the English words.
     */
    @Test
    void theSpanishAboutPageShowsThePeoplesWordsInSpanishAndTheEnglishOneInEnglish(@TempDir Path tmp)
            throws IOException {
        Path p = TestSites.withMessages(TestSites.project(tmp.resolve("p"), "complete", "two-languages"), "es");
        Path people = p.resolve("content/people.yaml");
        Files.writeString(people, Files.readString(people) + "ana:\n  name: Ana Ruiz\n  role: Illustrator\n"
                + "  bio: Draws the exercises.\nteam:\n  name: Editorial team\n  role: Editors\n  organization: true\n");
        TestSites.write(p.resolve("content/es/pages/about.md"), "---\ntitle: Quiénes somos\nsummary: Sobre este "
                + "sitio.\nnav: true\ndraft: false\nreviewed: 2026-01-02\n---\nSobre nosotros.\n");
        TestSites.write(p.resolve("content/es/people.yaml"), "ed:\n  role: Redactor\n  bio: Escribe las páginas.\n"
                + "team:\n  name: Equipo editorial\n  role: Editores\n");

        var run = TestSites.run("build", "--project", p.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();

        String spanish = TestSites.read(p.resolve("site/es/about/index.html"));
        String english = TestSites.read(p.resolve("site/about/index.html"));
        assertThat(spanish).contains("<h3>Ed Itor, PT</h3>").contains("<p class=\"meta\">Redactor</p>")
                .contains("Escribe las páginas.").doesNotContain("Writes the pages.").doesNotContain(">Writer<")
                .contains("<h3>Ana Ruiz</h3>").contains("<p class=\"meta\">Illustrator</p>")
                .contains("Draws the exercises.").contains("<h3>Equipo editorial</h3>").doesNotContain("Editorial team");
        assertThat(english).contains("<p class=\"meta\">Writer</p>").contains("Writes the pages.")
                .contains("<h3>Editorial team</h3>").doesNotContain("Redactor").doesNotContain("Escribe")
                .doesNotContain("Equipo");
        assertThat(TestSites.read(p.resolve("site/es/exercises/elevacion-de-pierna/index.html")))
                .contains("\"jobTitle\":\"Redactor\"").doesNotContain("\"jobTitle\":\"Writer\"");
        assertThat(TestSites.read(p.resolve("site/exercises/leg-lift/index.html")))
                .contains("\"jobTitle\":\"Writer\"");
    }

    /**
     * A source's title and journal are marked with its language on a page in another language, where
     * the citation style wrote them (a curly apostrophe), so that a screen reader reads them in their
     * own voice: English sources on the Spanish pages, a Spanish one ({@code language: es}) on the
     * English pages. The style's own words ("Consultado el"), the names and the address are not marked,
     * even where they hold the same words: a title that is also the author's name, a site's short
     * name that is also in its address, which stays a link.
     */
    @Test
    void aSourceInAnotherLanguageIsMarkedWithItsLanguageWhereTheStyleWroteIt(@TempDir Path tmp) throws IOException {
        Path p = TestSites.withMessages(TestSites.project(tmp.resolve("p"), "complete", "two-languages"), "es");
        Path sources = p.resolve("content/sources.yaml");
        Files.writeString(sources, Files.readString(sources).replace("title: A study", "title: \"Runner's knee: a study\"")
                .replace("title: A guide to sore knees", "title: Guía de las rodillas doloridas\n    language: es") + """
                  - id: nhs
                    type: webpage
                    author:
                      - literal: Knee Care
                    title: Knee
                    container-title: NHS website
                    container-title-short: nhs
                    URL: https://www.nhs.uk/conditions/knee-pain/
                    accessed:
                      date-parts: [[2026, 11, 1]]
                """);

        var run = TestSites.run("build", "--project", p.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();

        String spanish = TestSites.read(p.resolve("site/es/conditions/rodilla-dolorida/index.html"));
        String english = TestSites.read(p.resolve("site/sources/index.html"));
        assertThat(entry(spanish, "Smith")).contains("<span lang=\"en\">Runner&rsquo;s knee: a study</span>")
                .contains("<i lang=\"en\">PLoS One</i>").doesNotContain("Smith BE</span>");
        assertThat(entry(spanish, "Knee Society")).doesNotContain("lang=");
        assertThat(entry(english, "Smith")).doesNotContain("lang=");
        assertThat(entry(english, "Knee Society")).doesNotStartWith("Knee Society</span>").contains("<span lang=\"es\">Gu&iacute;a de las rodillas doloridas</span>")
                .contains("<span lang=\"es\">Knee Society</span>").contains("Accessed");
        assertThat(entry(TestSites.read(p.resolve("site/es/sources/index.html")), "Knee Care"))
                .startsWith("Knee Care. <span lang=\"en\">Knee</span>. <span lang=\"en\">NHS website</span>. Consultado el")
                .contains("<a class=\"address\" href=\"https://www.nhs.uk/conditions/knee-pain/\">"
                        + "https://www.nhs.uk/conditions/knee-pain/</a>");
    }

    /**
     * A muscle written with other accents or capitals in two exercises ("gluteo medio", "glúteo
     * medio") is one filter value, listing both, not two values with one key.
     */
    @Test
    void valuesThatDifferOnlyByAccentsAreOneFilterValue(@TempDir Path tmp) throws IOException {
        Path p = TestSites.shipped(tmp.resolve("p"));
        Path side = p.resolve("content/es/exercises/side-lying-leg-raise.md");
        Files.writeString(side, Files.readString(side).replace("primary: [glúteo medio]", "primary: [gluteo medio]"));

        var run = TestSites.run("build", "--project", p.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();

        String list = TestSites.read(p.resolve("site/es/exercises/index.html"));
        assertThat(list.split("value=\"gluteo-medio\"", -1)).as("one filter value").hasSize(2);
        assertThat(list).containsPattern("<dt>Glúteo medio</dt><dd>[^\n]*side-lying-leg-raise[^\n]*clamshell")
                .doesNotContain("<dt>Gluteo medio</dt>");
    }

    /** The reference entry of {@code page} that starts with {@code author}. */
    private static String entry(String page, String author) {
        Matcher m = Pattern.compile(">(" + Pattern.quote(author) + "[^\\n]*?)</(?:li|p)>").matcher(page);
        assertThat(m.find()).as("an entry by " + author).isTrue();
        return m.group(1);
    }
}
