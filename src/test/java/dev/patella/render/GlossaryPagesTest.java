package dev.patella.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patella.TestSites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The shipped glossary: its page, and the first use of each term on every other page linked to it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GlossaryPagesTest {

    private static final Pattern TERM_LINK = Pattern.compile("<a class=\"term\" href=\"[./]*glossary/#(term-[a-z0-9-]+)\">");

    private Path project;
    private Path site;

    @BeforeAll
    void build(@TempDir Path tmp) {
        project = TestSites.shipped(tmp.resolve("p"));
        var run = TestSites.run("build", "--project", project.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        site = project.resolve("site");
    }

    /**
     * A term that only a draft uses is no mistake: the draft is left out of the build, but the term is linked
     * there once it is published. A term no page, draft or not, uses is still an error.
     */
    @Test
    void aTermOnlyADraftUsesIsNotUnused(@TempDir Path tmp) {
        Path other = TestSites.project(tmp.resolve("p"), "publishable", "errors/glossary-unused-term");
        TestSites.write(other.resolve("content/pages/stretching.md"), "---\ntitle: Stretching\nsummary: Notes.\n"
                + "draft: true\n---\nStretch your Hamstrings gently.\n");

        var build = TestSites.run("build", "--project", other.toString());

        assertThat(build.exitCode()).as(build.err()).isZero();
        assertThat(build.diagnostics()).as(build.err()).noneMatch(d -> d.contains("glossary.unused-term"));
        assertThat(other.resolve("site/stretching")).doesNotExist();
        TestSites.write(other.resolve("content/pages/stretching.md"), "---\ntitle: Stretching\nsummary: Notes.\n"
                + "draft: true\n---\nStretch your hamstringsss gently.\n");
        assertThat(TestSites.run("build", "--project", other.toString()).diagnostics()).as("not a word of the draft")
                .contains("error glossary.unused-term content/glossary.yaml:4:1");
    }

    /**
     * A translation left without its source (an error of its own) may be the page that uses a term, so its words
     * count; but an unrelated one does not hide a term no file uses.
     */
    @Test
    void aTranslationWithoutItsSourceCountsForTheTermsItUsesOnly(@TempDir Path tmp) {
        Path other = TestSites.shipped(tmp.resolve("p"));
        Path glossary = other.resolve("content/es/glossary.yaml");
        String text = TestSites.read(glossary);
        TestSites.write(glossary, text.replace("  term: repetición\n  also: [repeticiones]\n", "  term: zzrara\n  also: [zzraras]\n"));
        TestSites.write(other.resolve("content/es/pages/noticias.md"), "---\ntitle: Noticias\nsummary: Nuevo.\n---\nHola.\n");

        var run = TestSites.run("build", "--project", other.toString());

        assertThat(run.errors()).as(run.err()).contains("error translation.no-source content/es/pages/noticias.md:1:1")
                .anyMatch(e -> e.startsWith("error glossary.unused-term content/es/glossary.yaml:"));
        TestSites.write(other.resolve("content/es/pages/noticias.md"), "---\ntitle: Noticias\nsummary: Nuevo.\n---\n"
                + "Una zzrara.\n");
        assertThat(TestSites.run("build", "--project", other.toString()).errors())
                .noneMatch(e -> e.contains("glossary.unused-term"));
    }

    @Test
    void glossaryPageDefinesEveryTermOnceWithAnAnchor() {
        long entries = Pattern.compile("(?m)^[a-z0-9-]+:$")
                .matcher(TestSites.read(project.resolve("content/glossary.yaml"))).results().count();
        String html = TestSites.read(site.resolve("glossary/index.html"));

        assertThat(Pattern.compile("<dfn id=\"term-[a-z0-9-]+\">").matcher(html).results().count()).isEqualTo(entries);
        assertThat(html).contains("<dfn id=\"term-gluteus-medius\">gluteus medius</dfn>")
                .doesNotContain("class=\"term\"");
    }

    @Test
    void glossaryListsTermsAlphabeticallyWhateverOrderTheEditorWroteThemIn() {
        String html = TestSites.read(site.resolve("glossary/index.html"));
        List<String> shown = Pattern.compile("<dfn id=\"term-[a-z0-9-]+\">([^<]+)</dfn>").matcher(html).results()
                .map(m -> m.group(1).toLowerCase(Locale.ROOT)).toList();
        List<String> written = Pattern.compile("(?m)^[a-z0-9-]+:$")
                .matcher(TestSites.read(project.resolve("content/glossary.yaml"))).results().map(m -> m.group()).toList();

        assertThat(shown).hasSize(written.size()).isSorted();
        assertThat(written).as("the shipped glossary is not in order, so this test shows the sorting").isNotEqualTo(
                written.stream().sorted().toList());
    }

    @Test
    void eachTermIsLinkedAtMostOncePerPageAndNeverInAHeadingOrTheReferenceList() throws IOException {
        for (Path page : pages()) {
            String html = TestSites.read(page);
            Map<String, Integer> links = new HashMap<>();
            Matcher m = TERM_LINK.matcher(html);
            while (m.find()) {
                links.merge(m.group(1), 1, Integer::sum);
            }
            assertThat(links.values()).as(page.toString()).allMatch(n -> n == 1);
            assertThat(html).as(page.toString()).doesNotContainPattern("<h[1-6][^>]*>[^<]*<a class=\"term\"");
            int references = html.indexOf("<section class=\"references\"");
            if (references >= 0) {
                String list = html.substring(references, html.indexOf("</section>", references));
                assertThat(list).as(page.toString()).doesNotContain("class=\"term\"");
            }
        }
    }

    /** "Also called: Prone hip extension" lists names, which a glossary link would break up. */
    @Test
    void anExercisesOtherNamesAreNotLinked() {
        for (String page : List.of("exercises/hip-extension-leg-raise/index.html",
                "es/exercises/hip-extension-leg-raise/index.html")) {
            String html = TestSites.read(site.resolve(page));
            int from = html.indexOf("<p class=\"other-names\">");
            String names = html.substring(from, html.indexOf("</p>", from));
            assertThat(names).as(page).containsPattern("(?i)hip|cadera").doesNotContain("class=\"term\"");
        }
    }

    @Test
    void theSourcesPageLeavesItsReferenceEntriesUnlinkedLikeAnyReferenceList() {
        String html = TestSites.read(site.resolve("sources/index.html"));
        int from = html.indexOf("<ol class=\"sources\">");
        String list = html.substring(from, html.indexOf("</ol>", from));

        // the shipped sources' titles use glossary words ("patellofemoral pain", "quadriceps exercises")
        assertThat(list).containsIgnoringCase("patellofemoral").containsIgnoringCase("quadriceps")
                .doesNotContain("class=\"term\"");
    }

    @Test
    void theConditionPageLinksItsFirstKneecapToTheGlossary() {
        String html = TestSites.read(site.resolve("conditions/chondromalacia-patella/index.html"));

        assertThat(html).containsPattern("<a class=\"term\" href=\"../../glossary/#term-kneecap\">[Kk]neecap</a>");
    }

    @Test
    void theSearchIndexFindsTheGlossaryByItsTerms() throws IOException {
        Path index = TestSites.searchIndex(site);
        assertThat(TestSites.read(index)).contains("\"u\":\"glossary/\"").contains("gluteus medius");
    }

    private List<Path> pages() throws IOException {
        try (Stream<Path> walk = Files.walk(site)) {
            return walk.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }
}
