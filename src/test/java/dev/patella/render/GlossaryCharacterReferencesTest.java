package dev.patella.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patella.TestSites;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A glossary form that is also the name of a character reference ("quot", "amp") links the word
 * readers see, never the letters of {@code &quot;} or {@code &amp;} in the HTML, nor an attribute.
 */
class GlossaryCharacterReferencesTest {

    @Test
    void aTermNamedLikeACharacterReferenceLinksOnlyTheVisibleWord(@TempDir Path tmp) {
        Path project = TestSites.project(tmp.resolve("p"));
        TestSites.write(project.resolve("content/glossary.yaml"), """
                quotation:
                  term: quotation
                  also: [quot, amp]
                  definition: Words someone else said or wrote, repeated as they were.
                """);
        TestSites.write(project.resolve("content/images/knee.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\" "
                + "width=\"40\" height=\"20\" viewBox=\"0 0 40 20\"><title>A leg</title></svg>");
        TestSites.write(project.resolve("content/pages/about.md"), """
                ---
                title: About
                summary: About this site.
                ---
                Say the "quoted" words aloud. Pain & swelling go down &#x26; up &#38; down.

                ![quot and amp](/images/knee.svg "quot")

                A quotation is the word to link.
                """);

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        String html = TestSites.read(project.resolve("site/about/index.html"));
        String main = html.substring(html.indexOf("<main"), html.indexOf("</main>"));
        assertThat(main).contains("&quot;quoted&quot;").contains("Pain &amp; swelling")
                .contains("alt=\"quot and amp\"")
                .doesNotContain("&<a").doesNotContain("#<a")
                .contains("A <a class=\"term\" href=\"../glossary/#term-quotation\">quotation</a> is the word");
    }
}
