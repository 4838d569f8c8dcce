package dev.patella.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ibm.icu.text.Collator;
import com.ibm.icu.util.ULocale;
import dev.patella.TestSites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who wrote and checked a page, how current it is, and the structured data that says so. */
class TrustAndStructuredDataTest {

    private static final Pattern JSON_LD =
            Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL);

    @TempDir
    Path tmp;

    private final ObjectMapper json = new ObjectMapper();

    private Path buildShipped() {
        Path project = TestSites.shipped(tmp.resolve("p"));
        var run = TestSites.run("build", "--project", project.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        return project.resolve("site");
    }

    private JsonNode jsonLd(Path page) throws Exception {
        Matcher m = JSON_LD.matcher(Files.readString(page));
        assertThat(m.find()).as("JSON-LD in " + page).isTrue();
        return json.readTree(m.group(1));
    }

    @Test
    void conditionPageDescribesTheConditionForMachinesAndPeople() throws Exception {
        Path page = buildShipped().resolve("conditions/chondromalacia-patella/index.html");

        JsonNode data = jsonLd(page);
        assertThat(data.path("@type").asText()).isEqualTo("MedicalWebPage");
        assertThat(data.path("medicalAudience").path("audienceType").asText()).isEqualTo("Patient");
        // no clinician in people.yaml: an editorial check is a modification date, never a review
        assertThat(data.has("lastReviewed")).isFalse();
        assertThat(data.has("reviewedBy")).isFalse();
        assertThat(data.path("dateModified").asText()).isEqualTo("2026-11-21");
        JsonNode condition = data.path("mainEntity");
        assertThat(condition.path("@type").asText()).isEqualTo("MedicalCondition");
        assertThat(condition.path("code").path("codeValue").asText()).isEqualTo("M22.2");
        assertThat(condition.path("possibleTreatment")).hasSize(5);
        assertThat(data.path("citation").findValuesAsText("sameAs"))
                .contains("https://doi.org/10.1371/journal.pone.0190892");

        String text = Files.readString(page).replaceAll("<[^>]+>", "");
        assertThat(text).contains("Last checked by our editors: November 21, 2026 · Next check due: November 21, 2028")
                .contains("No named clinician has reviewed this page yet.").doesNotContain("reviewed:")
                .doesNotContain("Last reviewed");
        assertThat(Files.readString(page)).contains("<meta property=\"og:title\" content=\"Patellofemoral pain (runner&#39;s knee)\">")
                .contains("When to stop and get help");
    }

    @Test
    void exercisePageCarriesItsExercisePlanAndCredits() throws Exception {
        Path page = buildShipped().resolve("exercises/clamshell/index.html");
        JsonNode plan = jsonLd(page).path("mainEntity");
        assertThat(Files.readString(page)).contains("<figcaption>Drawing: Patella</figcaption>")
                .contains("Adapted from: Gasnick K. Chondromalacia exercises to relieve knee pain.")
                .contains("Verywell Health. Accessed November 21, 2026.");

        assertThat(plan.path("@type").asText()).isEqualTo("ExercisePlan");
        assertThat(plan.path("repetitions").path("minValue").asInt()).isEqualTo(10);
        assertThat(plan.path("repetitions").path("maxValue").asInt()).isEqualTo(15);
        assertThat(plan.path("category").asText()).isEqualTo("https://schema.org/StrengthTraining");
        assertThat(plan.path("additionalVariable").asText()).contains("resistance band");
    }

    @Test
    void everyPageHasStructuredDataACanonicalLinkAndADisclaimer() throws Exception {
        Path site = buildShipped();
        try (Stream<Path> pages = Files.walk(site)) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".html")).toList()) {
                String html = Files.readString(page);
                assertThat(jsonLd(page).path("@type").asText()).as(page.toString()).isEqualTo("MedicalWebPage");
                assertThat(html).as(page.toString()).contains("<link rel=\"canonical\"")
                        .contains("<meta property=\"og:description\"")
                        .containsPattern("<h2 id=\"disclaimer-heading\">(Medical disclaimer|Aviso médico)</h2>");
            }
        }
    }

    @Test
    void contentCannotCloseTheStructuredDataScript() throws Exception {
        Path project = TestSites.project(tmp.resolve("p"));
        Path exercise = project.resolve("content/exercises/leg-lift.md");
        Files.writeString(exercise, Files.readString(exercise).replace("title: Leg lift",
                "title: \"</script><script>alert(1)</script> & more\""));

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        Path page = project.resolve("site/exercises/leg-lift/index.html");
        String html = Files.readString(page);
        assertThat(html).doesNotContain("<script>alert(1)").contains("\\u003c/script\\u003e\\u003cscript\\u003e");
        assertThat(jsonLd(page).path("name").asText()).isEqualTo("</script><script>alert(1)</script> & more");
    }

    @Test
    void reviewerIsShownWithCredentialsAndLinkedToTheirProfile() throws Exception {
        Path project = TestSites.project(tmp.resolve("p"));
        TestSites.write(project.resolve("content/people.yaml"), TestSites.read(project.resolve("content/people.yaml"))
                + "jane-doe:\n  name: Jane Doe\n  credentials: PT, DPT\n  role: Physical therapist\n");
        Path exercise = project.resolve("content/exercises/leg-lift.md");
        Files.writeString(exercise, Files.readString(exercise).replace("author: ed\n", "author: ed\nreviewer: jane-doe\n"));

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        Path page = project.resolve("site/exercises/leg-lift/index.html");
        assertThat(Files.readString(page)).contains("Clinically reviewed by <a href=\"../../about/#jane-doe\">Jane Doe, PT, DPT</a>");
        assertThat(Files.readString(project.resolve("site/about/index.html"))).contains("id=\"jane-doe\"");
        JsonNode reviewer = jsonLd(page).path("reviewedBy");
        assertThat(reviewer.path("@type").asText()).isEqualTo("Person");
        assertThat(reviewer.path("honorificSuffix").asText()).isEqualTo("PT, DPT");
        assertThat(jsonLd(page).path("lastReviewed").asText()).isEqualTo("2026-01-01");
    }

    @Test
    void everyPublishedPageTypeShowsWhenItWasLastChecked() throws Exception {
        Path site = buildShipped();
        for (String page : List.of("index.html", "exercises/index.html", "sources/index.html", "glossary/index.html", "about/index.html",
                "disclaimer/index.html", "pain-guide/index.html", "conditions/chondromalacia-patella/program/index.html",
                "conditions/chondromalacia-patella/index.html", "exercises/clamshell/index.html")) {
            String text = Files.readString(site.resolve(page)).replaceAll("<[^>]+>", "");
            assertThat(text).as(page).containsPattern("[Ll]ast checked by our editors: \\w+ \\d+, 2026")
                    .doesNotContain("Last reviewed");
        }
        assertThat(Files.readString(site.resolve("index.html")))
                .contains("Content last checked by our editors: <time datetime=\"2026-12-02\">December 2, 2026</time>");
    }

    /** The sources page is a reference list a reader can scan: by first author (or title), not in the file's order. */
    @Test
    void theSourcesPageListsEveryEntryByFirstAuthor() throws Exception {
        Path site = buildShipped();
        for (String page : List.of("sources/index.html", "es/sources/index.html")) {
            String html = Files.readString(site.resolve(page));
            List<String> entries = new ArrayList<>();
            Matcher entry = Pattern.compile("(?s)<li id=\"[^\"]+\">\\s*<p>(.*?)</p>").matcher(html);
            while (entry.find()) {
                entries.add(entry.group(1).replaceAll("<[^>]+>", ""));
            }
            long written = Files.readString(TestSites.PROJECT.resolve("content/sources.yaml")).lines()
                    .filter(line -> line.startsWith("  - id: ")).count();
            assertThat(entries).as(page).hasSize((int) written)
                    .isSortedAccordingTo(Collator.getInstance(ULocale.forLanguageTag(page.startsWith("es/") ? "es" : "en")));
        }
    }

    @Test
    void overdueReviewIsAWarningAndWithStrictAnError() {
        Path project = TestSites.project(tmp.resolve("p"), "overdue");

        var plain = TestSites.run("build", "--project", project.toString());
        assertThat(plain.exitCode()).as(plain.err()).isZero();
        assertThat(plain.diagnostics()).contains("warning review.overdue content/exercises/leg-lift.md:20:1");

        var strict = TestSites.run("build", "--project", project.toString(), "--strict");
        assertThat(strict.exitCode()).isEqualTo(1);
        assertThat(strict.errors()).containsExactly("error review.overdue content/exercises/leg-lift.md:20:1");
        assertThat(strict.message("review.overdue")).contains("2026-11-20");
    }

    @Test
    void hardToReadPageIsWarnedAboutWithItsLongestSentences() {
        Path project = TestSites.project(tmp.resolve("p"), "hard-to-read");

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.diagnostics()).contains("warning readability.grade content/pages/about.md:1:1");
        assertThat(run.message("readability.grade")).contains("above the site's limit of 8.0")
                .contains("line 7 (19 words)").contains("line 5 (13 words)");
    }

    /**
     * A stub page (a title, a one-word summary, no text) is too short to grade: it read at "grade
     * 8.4 ... line 1 (1 words)", and line 1 was the front matter's "---".
     */
    @Test
    void aStubPageIsNotGraded() {
        Path project = TestSites.project(tmp.resolve("p"));
        TestSites.write(project.resolve("content/pages/faq.md"), "---\ntitle: FAQ\nsummary: Questions.\n---\n");

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.diagnostics()).as(run.err()).noneMatch(d -> d.contains("readability.grade"));
    }

    /** A hard summary is named as the summary, not as line 1, which is the front matter's "---". */
    @Test
    void aHardSummaryIsNamedNotPlacedAtTheFrontMattersFence() {
        Path project = TestSites.project(tmp.resolve("p"));
        TestSites.write(project.resolve("content/pages/faq.md"), "---\ntitle: FAQ\nsummary: Notwithstanding "
                + "considerable heterogeneity characterising contemporary epidemiological investigations, "
                + "patellofemoral arthralgia demonstrates substantial prevalence among recreational athletes.\n---\n"
                + "Adolescents participating in multidirectional sporting activities requiring repetitive eccentric "
                + "quadriceps loading experience considerable discomfort.\n\nIntermittent symptomatology "
                + "characteristically necessitates individualised rehabilitation programming.\n");

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.diagnostics()).as(run.err()).contains("warning readability.grade content/pages/faq.md:1:1");
        assertThat(run.message("readability.grade")).contains("the summary (15 words)").doesNotContain("line 1 (");
    }

    @Test
    void aPageWithAnErrorOfItsOwnGetsThatErrorAndNoReadingLevelWarning() {
        Path project = TestSites.project(tmp.resolve("p"), "hard-to-read");
        Path about = project.resolve("content/pages/about.md");
        TestSites.write(about, TestSites.read(about) + "\n" + ">".repeat(300) + " too deep\n");

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.diagnostics()).as(run.err()).anyMatch(d -> d.startsWith("error markdown.too-deep"))
                .noneMatch(d -> d.contains("readability.grade"));
    }

    @Test
    void shippedContentReadsAtTheBriefsLevel() {
        Path project = TestSites.shipped(tmp.resolve("p"));

        var run = TestSites.run("build", "--project", project.toString(), "--strict");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.diagnostics()).isEmpty();
    }

    @Test
    void sourceNothingCitesIsAWarning() {
        Path project = TestSites.project(tmp.resolve("p"));
        TestSites.write(project.resolve("content/sources.yaml"), TestSites.read(project.resolve("content/sources.yaml"))
                + "  - id: lonely2020\n    type: book\n    title: A book nobody cites\n");

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.diagnostics()).contains("warning cite.unused content/sources.yaml:10:5");
    }

    /**
     * A source only a draft cites is not unused, only not cited by a published page yet, as a glossary term only
     * a draft uses: no warning until the draft is gone. A draft that merely has a word like it is no citation.
     */
    @Test
    void aSourceOnlyADraftCitesIsNotUnused() {
        Path project = TestSites.project(tmp.resolve("p"));
        TestSites.write(project.resolve("content/sources.yaml"), TestSites.read(project.resolve("content/sources.yaml"))
                + "  - id: lonely2020\n    type: book\n    title: A book only a draft cites\n");
        Path draft = project.resolve("content/pages/reading.md");
        TestSites.write(draft, "---\ntitle: Reading\nsummary: Books.\ndraft: true\n---\nA good book [@lonely2020].\n");

        var cited = TestSites.run("build", "--project", project.toString());

        assertThat(cited.exitCode()).as(cited.err()).isZero();
        assertThat(cited.diagnostics()).as(cited.err()).noneMatch(d -> d.contains("cite.unused"));

        // a word spelt like the key is no citation
        TestSites.write(draft, "---\ntitle: Reading\nsummary: Books.\ndraft: true\n---\nA good book, lonely2020.\n");
        assertThat(TestSites.run("build", "--project", project.toString()).diagnostics())
                .contains("warning cite.unused content/sources.yaml:10:5");
    }
}
