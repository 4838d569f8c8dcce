package dev.patella.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patella.bench.PathologicalInputs;
import dev.patella.diag.Diagnostic;
import dev.patella.diag.Diagnostics;
import dev.patella.diag.SourceSpan;
import dev.patella.index.Urls;
import dev.patella.model.Prose;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Markdown limits refuse deep or quadratic text at the place the limit is crossed, and let
 * everything an editor really writes through. Timeouts only guard against a hang.
 */
class MarkdownLimitsTest {

    private final MarkdownRenderer markdown = MarkdownRenderer.create();

    private List<String> errors(String text) {
        return errorsFound(text).stream().map(MarkdownLimitsTest::where).toList();
    }

    private List<Diagnostic> errorsFound(String text) {
        var diagnostics = new Diagnostics(1000);
        var page = new PageContext("/about/", to -> Urls.relative("/about/", to), Set.of("smith2018"),
                new CitationNumbers());
        markdown.render(new Prose(text, new SourceSpan("content/pages/about.md", 5, 1)), page, diagnostics);
        markdown.plainText(text);
        return diagnostics.sorted().stream().filter(Diagnostic::isError).toList();
    }

    private static String where(Diagnostic d) {
        return d.code() + " " + d.at().line() + ":" + d.at().column();
    }

    private static String nestedList(int depth) {
        var out = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            out.append("  ".repeat(i)).append("- step ").append(i + 1).append('\n');
        }
        return out.toString();
    }

    @Test
    void twentyLevelsOfQuotesOrListsAreReadAndTheTwentyFirstIsRefusedAtItsMarker() {
        assertThat(errors(">".repeat(20) + " deep enough\n")).isEmpty();
        assertThat(errors(">".repeat(21) + " too deep\n")).containsExactly("markdown.too-deep 5:21");
        assertThat(errors(nestedList(20))).isEmpty();
        assertThat(errors(nestedList(21))).containsExactly("markdown.too-deep 25:41");
        assertThat(errors("- ".repeat(21) + "one line of markers\n")).containsExactly("markdown.too-deep 5:41");
    }

    @Test
    void whatEditorsWriteIsNeverRefused() {
        var page = new StringBuilder("# Knee care\n\n> Rest first.\n>\n> - Then move:\n>   1. Bend *gently*.\n"
                + ">   2. Straighten **slowly**, with `care`.\n>      - Stop if it hurts [@smith2018].\n\n");
        page.append("| exercise | where |\n|---|---|\n");
        for (int i = 0; i < 500; i++) {
            page.append("| [Clamshell ").append(i).append("](/exercises/clamshell/) | the *hip* |\n");
        }
        page.append("\nA long paragraph").append(" with a [link](https://example.org/a) and `code`".repeat(100))
                .append(".\n\n* * * * * * * * * * * * * * * * * * * * * * * *\n\n```\n")
                .append("> ".repeat(40)).append("\n").append("[a](".repeat(100)).append("\n```\n\n")
                .append("A [link](/about/ \"with a title\") and the rest of the line.\n\n")
                .append("A long paragraph with notes").append(" to <!-- check --> and <b>tags</b>".repeat(50))
                .append(", and a < b > c.\n");

        // the fenced block is a markdown.code-block error of its own, but no limit refuses what it holds
        assertThat(errors(page.toString())).filteredOn(e -> !e.startsWith("markdown.code-block ")).isEmpty();
    }

    /** Notes on lines of their own, comparisons and HTML tables cost Flexmark little: never refused. */
    @Test
    void notesOnTheirOwnLinesComparisonsAndHtmlTablesAreRead() {
        var notes = new StringBuilder("Intro.\n");
        for (int i = 1; i <= 300; i++) {
            notes.append("<!-- old step ").append(i).append(": Lift the leg slowly, hold it, then lower it. -->\n");
        }
        assertThat(errors(notes.toString())).isEmpty();
        assertThat(errors("<!-- a note\nover lines -->\n".repeat(300))).isEmpty();
        assertThat(errors("if a<b then ".repeat(8000))).isEmpty();
        assertThat(errors("if a</b then ".repeat(8000))).isEmpty();
        var table = new StringBuilder("<table>\n");
        for (int i = 0; i < 300; i++) {
            table.append("<tr><td>Set ").append(i).append("</td><td><b>10</b> times</td></tr>\n");
        }
        assertThat(errors(table.append("</table>\n").toString())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    @CsvSource({
            "block quote x 3000, markdown.too-deep 5:21",
            "nested brackets, markdown.too-deep 5:21",
            "unclosed link targets, markdown.too-complex 5:4",
            "unclosed backticks, markdown.too-complex 5:326",
            "emphasis run, markdown.too-deep 5:1",
            "nested emphasis, markdown.too-deep 5:71",
            "links crowding one paragraph, markdown.too-complex 5:1",
            "notes crowding one paragraph, markdown.too-complex 7:1",
            "tags crowding one list item, markdown.too-complex 7:3",
            "notes after a line of HTML, markdown.too-complex 6:1",
            "notes after a note closed on its line, markdown.too-complex 7:1",
    })
    void pathologicalTextGivesOneLocatedError(String name, String expected) {
        String text = switch (name) {
            case "block quote x 3000" -> ">".repeat(3000) + " x\n";
            case "nested brackets" -> "[".repeat(50_000) + "a" + "]".repeat(50_000);
            case "unclosed link targets" -> "[a](".repeat(20_000);
            case "unclosed backticks" -> backtickRuns(400);
            case "emphasis run" -> "*".repeat(5000) + "a" + "*".repeat(5000);
            case "nested emphasis" -> "*a **a ".repeat(5000) + "b" + " a** a*".repeat(5000);
            case "links crowding one paragraph" -> "see [a](/about/) and ".repeat(5000);
            case "notes crowding one paragraph" -> "Intro.\n\n" + "word <!-- x --> ".repeat(5000);
            case "tags crowding one list item" -> "Intro.\n\n- x"
                    + " <span class=\"a\">y</span> </i> <?p?> <![CDATA[y]]>".repeat(5000);
            // only the line of HTML is passed over: Flexmark ends <pre> at </pre>, and reads the next line inline
            case "notes after a line of HTML" -> "<pre>x</pre>\n" + "word <!-- x --> ".repeat(5000);
            case "notes after a note closed on its line" -> "<!-->\n\n" + "word <!-- x --> ".repeat(5000);
            default -> throw new IllegalArgumentException(name);
        };
        assertThat(errors(text)).containsExactly(expected);
    }

    /**
     * Flexmark re-reads within a paragraph only, so each short paragraph costs little however many
     * there are: a big page of them is read, and one crowded paragraph among them is still refused.
     */
    @Test
    void aBigPageOfShortCrowdedParagraphsIsReadButACrowdedParagraphInItIsNot() {
        String page = PathologicalInputs.shortCrowdedParagraphs(1_000_000);
        assertThat(errors(page)).isEmpty();

        String before = PathologicalInputs.shortCrowdedParagraphs(500_000);
        String crowded = "word <!-- x --> ".repeat(5000) + "\n\n";
        var found = errorsFound(before + crowded + PathologicalInputs.shortCrowdedParagraphs(500_000));
        int line = 5 + (int) before.chars().filter(c -> c == '\n').count();
        assertThat(found).extracting(MarkdownLimitsTest::where).containsExactly("markdown.too-complex " + line + ":1");
        assertThat(found.get(0).message()).contains("split it into shorter paragraphs");
    }

    /**
     * Paragraphs each within their own limit still add up: a page of them is refused at the
     * paragraph that takes it over, with the advice to split the page, not the paragraph.
     */
    @Test
    void paragraphsThatAddUpPastTheWholeTextLimitAreRefusedAtTheOneThatCrossesIt() {
        // 300 notes, each making Flexmark copy the 4,800 characters of their paragraph again: 1,440,000 a
        // paragraph, so 13 paragraphs are within the text's 20,000,000 and the 14th (on line 31) takes it over
        String paragraph = "word <!-- x --> ".repeat(300) + "\n\n";
        assertThat(errors(paragraph.repeat(13))).isEmpty();
        var found = errorsFound(paragraph.repeat(14));
        assertThat(found).extracting(MarkdownLimitsTest::where).containsExactly("markdown.too-complex 31:1");
        assertThat(found.get(0).message()).contains("split it into several pages, the first ending before this "
                + "paragraph").doesNotContain("shorter paragraphs");
    }

    @Test
    void aThousandLinesWithSpacesOrAQuoteBeforeThemAreReadAndTheNextIsRefusedAtItsText() {
        assertThat(errors("Start\n" + "  [a] more\n".repeat(1000))).isEmpty();
        assertThat(errors("Start\n" + "  [a] more\n".repeat(1001))).containsExactly("markdown.too-complex 1006:3");
        assertThat(errors("> [a]\n".repeat(1000))).isEmpty();
        assertThat(errors("> [a]\n".repeat(1001))).containsExactly("markdown.too-complex 1005:3");
        assertThat(errors("Start\n" + "\t(a)\n".repeat(1001))).containsExactly("markdown.too-complex 1006:2");
        // a blank line, or a line with only > in a quote, ends the paragraph and the count
        assertThat(errors(("> [a]\n".repeat(900) + ">\n").repeat(3))).isEmpty();
        assertThat(errors(("Start\n" + "  [a]\n".repeat(900) + "\n").repeat(3))).isEmpty();
        // lines that begin at the margin are one piece for Flexmark however many there are
        assertThat(errors("[a] more\n".repeat(5000))).isEmpty();
    }

    @Test
    void paragraphsOfLinesThatBeginWithABracketAreRead() {
        String real = "For the knee:\n[Clamshell](/exercises/clamshell/) for the hip,\n[Bridge](/about/) for the back\n"
                + "(two sets each),\n1 minute of rest, \"slowly\",\n  and then [@smith2018] again.\n> [Quoted](/about/)\n"
                + "> (a quote)\n\n";
        assertThat(errors(real.repeat(30))).isEmpty();
        assertThat(errors("Start\n" + real.replace("\n\n", "\n").repeat(30))).isEmpty();
    }

    private static String backtickRuns(int longest) {
        var out = new StringBuilder();
        for (int i = 1; i <= longest; i++) {
            out.append('e').append("`".repeat(i));
        }
        return out.toString();
    }
}
