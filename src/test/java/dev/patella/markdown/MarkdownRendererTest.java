package dev.patella.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patella.diag.Diagnostic;
import dev.patella.diag.Diagnostics;
import dev.patella.diag.SourceSpan;
import dev.patella.index.Urls;
import dev.patella.model.Prose;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class MarkdownRendererTest {

    private final MarkdownRenderer markdown = MarkdownRenderer.create();
    private final Diagnostics diagnostics = new Diagnostics();

    private Rendered render(String text, CitationNumbers numbers) {
        var page = new PageContext("/exercises/clamshell/", to -> Urls.relative("/exercises/clamshell/", to),
                Set.of("smith2018", "powers2014", "willy2019"), numbers);
        return markdown.render(new Prose(text, new SourceSpan("content/x.md", 10, 1)), page, diagnostics);
    }

    @Test
    void numbersCitationsInOrderOfFirstUseAndLinksThemToTheReferenceList() {
        var numbers = new CitationNumbers();

        var html = render("Pain is common [@powers2014]. Very common [@smith2018; @powers2014].\n\n"
                + "See the guideline [@willy2019, p. CPG12].", numbers).html();

        assertThat(numbers.keys()).containsExactly("powers2014", "smith2018", "willy2019");
        // AMA: the number goes after the full stop or comma, before a colon or semicolon
        assertThat(html).contains("common.<sup class=\"cite\"><a href=\"#ref-1\" id=\"cite-1\">1</a></sup> Very")
                // AMA: a citation's numbers in ascending order, whatever order its keys are written in
                .contains("<a href=\"#ref-1\" id=\"cite-1-2\">1</a>,<a href=\"#ref-2\" id=\"cite-2\">2</a>")
                .contains("<a href=\"#ref-3\" id=\"cite-3\">3(p. CPG12)</a>");
    }

    @Test
    void citationNumberFollowsACommaButNotASemicolon() {
        var html = render("Runners [@powers2014], and jumpers [@smith2018]; all of them.", new CitationNumbers()).html();

        assertThat(html).contains("Runners,<sup class=\"cite\"><a href=\"#ref-1\" id=\"cite-1\">1</a></sup> and")
                .contains("jumpers<sup class=\"cite\"><a href=\"#ref-2\" id=\"cite-2\">2</a></sup>; all");
    }

    @Test
    void rewritesSiteLinksToRelativeOnesAndRecordsWhereTheyWereWritten() {
        var rendered = render("Intro.\n\nSee [the program](/conditions/knee/#program).", new CitationNumbers());

        assertThat(rendered.html()).contains("<a href=\"../../conditions/knee/#program\">the program</a>");
        assertThat(rendered.links()).singleElement().satisfies(link -> {
            assertThat(link.target()).isEqualTo("/conditions/knee/#program");
            assertThat(link.at()).isEqualTo(new SourceSpan("content/x.md", 12, 5));
        });
    }

    @Test
    void escapesRawHtmlAndRefusesScriptLinksAndEventAttributes() {
        var html = render("<script>alert(1)</script>\n\nHi <b onmouseover=x>there</b> "
                + "[click](javascript:alert(2)) and *this*{onclick=\"alert(3)\"}", new CitationNumbers()).html();

        assertThat(html).doesNotContain("<script").doesNotContain("<b ").doesNotContain("javascript:")
                .doesNotContain("onclick").contains("&lt;script&gt;");
        assertThat(diagnostics.sorted()).extracting(Diagnostic::code)
                .contains("markdown.raw-html", "link.unsafe", "markdown.attribute");
    }

    @Test
    void givesHeadingsIdsForAnchors() {
        var rendered = render("## What it is\n\n## How it is treated", new CitationNumbers());

        assertThat(rendered.html()).contains("<h2 id=\"what-it-is\">What it is</h2>")
                .contains("<h2 id=\"how-it-is-treated\">How it is treated</h2>");
    }

    static Stream<Arguments> spacedAddresses() {
        return Stream.of(
                Arguments.of("![Side plank](/images/side plank.svg)", 10, 1,
                        "rename the file content/images/side plank.svg to content/images/side-plank.svg"),
                Arguments.of("See [the clamshell](/exercises/clam shell/).", 10, 5, "take the space out"),
                Arguments.of("Intro.\n\nSee [the\nclamshell](/exercises/clam\nshell/) first.", 12, 5,
                        "\"/exercises/clam shell/\""),
                Arguments.of("> Quoted [a](/exercises/clam\n> shell/).", 10, 10, "\"/exercises/clam shell/\""),
                Arguments.of("- [Brackets [inside] it](/pages/pain guide/)", 10, 3, "\"/pages/pain guide/\""),
                Arguments.of("![](/images/a b.svg)", 10, 1, "/images/a-b.svg"),
                Arguments.of("![Squat](/images/Wall squat (1).jpg)", 10, 1,
                        "rename the file content/images/Wall squat (1).jpg to content/images/wall-squat-1.jpg"),
                Arguments.of("![A squat](/images/Squat (1).jpg)", 10, 1,
                        "rename the file content/images/Squat (1).jpg to content/images/squat-1.jpg"),
                Arguments.of("[the leaflet](https://example.org/files/Leaflet (2).pdf)", 10, 1, "write %20"),
                // a space between the brackets and the address
                Arguments.of("See [the guide] (/pain-guide/) first.", 10, 5,
                        "there is a space between \"]\" and \"(\"; write them together, as in [...](/pain-guide/)"),
                Arguments.of("![Knee] (/images/knee.svg)", 10, 1, "as in ![...](/images/knee.svg)"),
                Arguments.of("[a](/b c \"A title\")", 10, 1, "\"/b c\" holds a space"),
                Arguments.of("*[a](/b c)*", 10, 2, "\"/b c\""),
                Arguments.of("| Step |\n|---|\n| [a](/b c) |", 12, 3, "\"/b c\""),
                Arguments.of("[the study](https://example.org/my study.pdf)", 10, 1, "write %20 in place of each space"),
                Arguments.of("[x](<a b>)", 10, 1, "not even between < and >"));
    }

    /**
     * A relative link or image is told what its editor most likely meant: another site's whole address, or the
     * page or file from the root (a picture named alone is one of content/images/).
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "See [it](nhs.uk/conditions/knee-pain/).|whole address: https://nhs.uk/conditions/knee-pain/",
            "See [it](www.nhs.uk).|whole address: https://www.nhs.uk",
            "See [it](about/).|from its root, for example /about/",
            "See [it](exercises/clamshell).|from its root, for example /exercises/clamshell/",
            "See [it](notes.html).|from its root, for example /exercises/clamshell/",
            "See [it](images/leaflet.pdf).|from its root, for example /images/leaflet.pdf",
            "![A knee](images/wall-sit.svg)|from its root, for example /images/wall-sit.svg",
            "![A knee](wall-sit.svg)|from its root, for example /images/wall-sit.svg",
            "![A knee](images/Wall_Sit.svg)|from its root, for example /images/wall-sit.svg",
            "See [the leaflet](leaflet.pdf).|from its root, for example /images/leaflet.pdf"})
    void aRelativeLinkIsToldTheAddressItMeant(String markdown, String advice) {
        render(markdown, new CitationNumbers());

        assertThat(diagnostics.sorted()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("link.relative");
            assertThat(d.message()).endsWith(advice);
        });
    }

    @ParameterizedTest
    @MethodSource("spacedAddresses")
    void aLinkWhoseAddressHoldsASpaceIsAnErrorAtItsBracket(String text, int line, int column, String words) {
        var rendered = render(text, new CitationNumbers());

        assertThat(rendered.links()).isEmpty();
        assertThat(diagnostics.sorted()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("markdown.space-in-address");
            assertThat(d.at()).isEqualTo(new SourceSpan("content/x.md", line, column));
            assertThat(d.message()).contains(words);
        });
    }

    static Stream<Arguments> unclosedLinks() {
        return Stream.of(
                Arguments.of("See [the guide](/pain-guide/ for more.", 10, 5,
                        "write \")\" right after the address, as in (/pain-guide/)"),
                Arguments.of("See [the guide](/pain-guide/", 10, 5, "as in (/pain-guide/)"),
                Arguments.of("Intro.\n\n![Knee](/images/knee.svg \"A knee", 12, 1, "this image is shown as text"),
                Arguments.of("[the guide](\n\nMore.", 10, 1, "write the address after the \"(\", then \")\""),
                Arguments.of("[a](/b c\n\nd)", 10, 1, "as in (/b)"),
                // a ")" left out, and a later link or parentheses in the paragraph: the pairs are passed over
                Arguments.of("See [the pain guide](/pain-guide/ and the [about page](/about/) for more.", 10, 5,
                        "as in (/pain-guide/)"),
                Arguments.of("See [the guide](/pain-guide/ for more. Do 2/3 of the sets (or fewer).", 10, 5,
                        "as in (/pain-guide/)"),
                Arguments.of("See [the guide](/pain-guide/ for more (it helps).", 10, 5, "as in (/pain-guide/)"),
                // an address between < and >, never closed
                Arguments.of("See [the guide](</pain-guide/> for more.", 10, 5, "as in (</pain-guide/>)"),
                Arguments.of("See [the guide](</pain-guide/ for more.", 10, 5, "as in (</pain-guide/>)"),
                Arguments.of("See [the guide](</pain-guide/> for more (it helps).", 10, 5, "as in (</pain-guide/>)"),
                // a title Markdown cannot read: not closed, closed early by an apostrophe, curly, words after it
                Arguments.of("A [link](/about/ \"unclosed title) here.", 10, 3,
                        "what follows its address /about/, \"unclosed title, is not a title"),
                Arguments.of("A [link](/about/ 'It's here') here.", 10, 3,
                        "'It's here', is not a title Markdown can read: a title is written in straight double quotes, "
                                + "closed right before the \")\", as in (/about/ \"It's here\")"),
                Arguments.of("Go [a](/pain-guide/ \u201CPain guide\u201D) too.", 10, 4, "as in (/pain-guide/ \"Pain guide\")"),
                Arguments.of("A [link](/about/ \u201CThe about page\u201D) here.", 10, 3,
                        "as in (/about/ \"The about page\")"),
                Arguments.of("A [link](/about/ \"title\" extra) here.", 10, 3, "or leave it out, as in (/about/)"));
    }

    /** A link whose "(" no ")" closes before its paragraph ends, which the page would show as text. */
    @ParameterizedTest
    @MethodSource("unclosedLinks")
    void aLinkNeverClosedIsAnErrorAtItsBracket(String text, int line, int column, String words) {
        render(text, new CitationNumbers());

        assertThat(diagnostics.sorted()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("markdown.unclosed-link");
            assertThat(d.at()).isEqualTo(new SourceSpan("content/x.md", line, column));
            assertThat(d.message()).contains(words);
        });
    }

    /** Every link never closed in a paragraph is reported in the same build, each at its own bracket. */
    @ParameterizedTest
    @ValueSource(strings = {
        "See [the guide](/pain-guide/ for more, and [the program](/program/ too.",
        "[the guide](/pain-guide/ [the program](/program/",
        "See [the guide](/pain-guide/ and ![a knee](/images/knee.svg \"A knee"})
    void everyLinkNeverClosedInAParagraphIsReported(String text) {
        render(text, new CitationNumbers());

        var found = diagnostics.sorted();
        assertThat(found).extracting(Diagnostic::code).containsOnly("markdown.unclosed-link").hasSize(2);
        assertThat(found.get(0).at()).isEqualTo(new SourceSpan("content/x.md", 10, text.indexOf('[') + 1));
        int second = text.indexOf('[', text.indexOf('[') + 1);
        assertThat(found.get(1).at().column()).isEqualTo(text.charAt(second - 1) == '!' ? second : second + 1);
        assertThat(found.get(0).message()).contains("as in (/pain-guide/)");
    }

    /**
     * A space after a whole address may follow a ")" left out: the message says so too, but not for
     * an address cut in the middle of a word ("https://example.org/my notes.pdf").
     */
    @Test
    void aSpaceAfterAWholeAddressIsToldTheParenthesisMayBeMissing() {
        render("See [the guide](/pain-guide/ for more).", new CitationNumbers());
        render("[PDF](https://example.org/my notes.pdf) and [x](<https://example.org/a b>)", new CitationNumbers());

        var messages = diagnostics.sorted().stream().map(Diagnostic::message).toList();
        assertThat(messages).hasSize(3).filteredOn(m -> m.contains("if the address is")).singleElement().asString()
                .contains("if the address is /pain-guide/, write \")\" right after it; if not, take the space out");
        assertThat(messages).anyMatch(m -> m.contains("https://example.org/my notes.pdf") && m.contains("%20"))
                .anyMatch(m -> m.contains("not even between < and >"));
    }

    /** A reference defined below does not hide an address with a space written right after its brackets. */
    @Test
    void aDefinedReferenceFollowedByAnAddressWithASpaceIsStillAnError() {
        render("Try the [clamshell](/exercises/clam shell/) first.\n\n[clamshell]: /exercises/clamshell/",
                new CitationNumbers());

        assertThat(diagnostics.sorted()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("markdown.space-in-address");
            assertThat(d.at()).isEqualTo(new SourceSpan("content/x.md", 10, 9));
        });
    }

    /** Text with a "](" or a space near a link that Markdown reads as meant: no error. */
    @ParameterizedTest
    @ValueSource(strings = {
        "[the program](/conditions/knee/ \"The whole program\")",
        "[the program](/conditions/knee/ 'The whole program')",
        "[the program]( /conditions/knee/ )",
        "`[a](/b c)` is how not to write it.",
        "```\n[a](/b c)\n```",
        "Text.\n\n    [a](/b c)",
        "Check the [tick] (not a link).",
        "Do the [optional] (harder) version, or [skip it] (#next) if it hurts.\n\n[skip it]: #next",
        "\\[a](/b c) is written with a backslash.",
        "[a\\](/b c) has its bracket escaped.",
        "A [link](/ok) and a picture ![knee](/images/knee.svg), then (a b).",
        "[a](/b c",
        "[a](/b c\n\nd)",
        "Read the [pain guide](see the last section) first.\n\n[pain guide]: /pain-guide/"})
    void textThatOnlyLooksLikeASpacedAddressIsNoError(String text) {
        render(text, new CitationNumbers());

        assertThat(diagnostics.sorted()).extracting(Diagnostic::code).doesNotContain("markdown.space-in-address");
    }

    /** An editor's note in an HTML comment is never shown, nor is it a word of the page's plain text. */
    @ParameterizedTest
    @ValueSource(strings = {
        "Do the exercise.\n\n<!-- TODO: ask Dr Smith -->\n\nRest after it.",
        "Do the exercise. <!-- TODO: ask Dr Smith -->\n\nRest after it.",
        "Do the <!-- TODO: ask Dr Smith --> exercise.\n\nRest after it.",
        "<!-- TODO: ask Dr Smith --> Do the exercise.\n\nRest after it.",
        "Do the exercise,\n<!-- TODO: ask Dr Smith --> slowly.\n\nRest after it.",
        "<!-- TODO: ask\nDr Smith, and\n\nthe nurse -->\nDo the exercise.\n\nRest after it.",
        "- Do the exercise.\n- <!-- TODO: ask Dr Smith -->\n\nRest after it.",
        "> Do the exercise. <!-- TODO: ask\n> Dr Smith -->\n\nRest after it."})
    void anHtmlCommentIsAnEditorsNoteThatReadersNeverSee(String text) {
        var rendered = render(text, new CitationNumbers());

        assertThat(rendered.html()).doesNotContain("TODO").doesNotContain("Smith").doesNotContain("!--")
                .contains("exercise").contains("Rest after it.");
        assertThat(rendered.plain()).hasValueSatisfying(plain -> assertThat(plain).doesNotContain("Smith"));
        assertThat(markdown.plainText(text)).doesNotContain("Smith").contains("Rest after it.");
        assertThat(diagnostics.sorted()).isEmpty();
    }

    static Stream<Arguments> brokenComments() {
        return Stream.of(
                // at the start of a line, a comment never closed runs to the end of the text, hiding it
                Arguments.of("Intro.\n\n<!-- TODO: ask Dr Smith\n\nDo the exercise.", 12, 1,
                        "everything below it, to the end of the text, would be hidden"),
                // in a paragraph, it is shown as text
                Arguments.of("Do the exercise. <!-- TODO: ask Dr Smith\n\nRest.", 10, 18,
                        "never closed with --> in its paragraph, so readers would see it"),
                Arguments.of("Do the exercise. <!-- TODO: ask -- Dr Smith -->", 10, 18, "two dashes (--)"),
                Arguments.of("<!-- TODO: ask\nDr Smith --> Hold for 5 seconds.", 11, 14,
                        "the words after --> (\"Hold for 5 seconds.\") would be hidden with the note"),
                // closed only by a later note's "-->": the paragraph between them would vanish
                Arguments.of("Intro.\n\n<!-- TODO: ask Dr Smith\n\nDo the exercise.\n\n<!-- done -->", 12, 1,
                        "not closed with --> before the next note starts"));
    }

    /** A note that Markdown does not read as one would reach readers, or take the text after it away. */
    @ParameterizedTest
    @MethodSource("brokenComments")
    void aNoteThatIsNotReadAsOneIsAnErrorAtItsStart(String text, int line, int column, String words) {
        render(text, new CitationNumbers());

        assertThat(diagnostics.sorted()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("markdown.broken-comment");
            assertThat(d.at()).isEqualTo(new SourceSpan("content/x.md", line, column));
            assertThat(d.message()).contains(words);
        });
    }

    /** A "<!--" in code or written with a backslash is meant as text. */
    @ParameterizedTest
    @ValueSource(strings = {"Write `<!-- a note` to start a note.", "Write \\<!-- to start a note."})
    void aCommentMarkMeantAsTextIsNoError(String text) {
        render(text, new CitationNumbers());

        assertThat(diagnostics.sorted()).extracting(Diagnostic::code).doesNotContain("markdown.broken-comment");
    }

    static Stream<Arguments> codeBlocks() {
        return Stream.of(
                Arguments.of("Intro.\n\n    Pasted from a letter, with [a link](/about/).\n    And a second line.", 12, 5,
                        "starts with 4 spaces or a tab"),
                Arguments.of("Intro.\n\n\tPasted with a tab.", 12, 2, "remove the spaces or tab at the start"),
                Arguments.of("```\nLie on your side.\n```", 10, 1, "the lines between ``` and ``` are shown as code"),
                Arguments.of("Intro.\n\n~~~~\nLie on your side.\n~~~~", 12, 1, "delete the ~~~~ lines"));
    }

    /** A patient page has no use for code: a code block is a paragraph gone wrong, shown as raw Markdown. */
    @ParameterizedTest
    @MethodSource("codeBlocks")
    void aCodeBlockIsAnErrorAtItsFirstLine(String text, int line, int column, String words) {
        render(text, new CitationNumbers());

        assertThat(diagnostics.sorted()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("markdown.code-block");
            assertThat(d.at()).isEqualTo(new SourceSpan("content/x.md", line, column));
            assertThat(d.message()).contains(words);
        });
    }

    /** Lines indented inside a paragraph or a list item are that paragraph's or item's, not code. */
    @ParameterizedTest
    @ValueSource(strings = {"Lie on your side\n    with your knees bent.", "- Lie down.\n\n    Bend your knees.",
        "1. Lie down.\n\n    Bend your knees.", "Use `code` in a sentence."})
    void indentedLinesThatAreNotCodeAreNoError(String text) {
        render(text, new CitationNumbers());

        assertThat(diagnostics.sorted()).isEmpty();
    }

    static Stream<Arguments> undefinedReferences() {
        return Stream.of(
                Arguments.of("See [the guide][pg] first.", 10, 5,
                        "no line \"[pg]: address\" in this text defines [pg]; add that line, or write the link with its "
                                + "address: [the guide](/address/)"),
                Arguments.of("Intro.\n\nSee [the guide][] first.", 12, 5, "defines [the guide]"),
                Arguments.of("See [the guide][pain-gide].\n\n[pain-guide]: /about/", 10, 5,
                        "did you mean [pain-guide]? Write [the guide][pain-guide]"),
                Arguments.of("![A knee][knee]", 10, 1, "the picture ![A knee][knee] is shown as text"));
    }

    /** A reference link whose label nothing defines would reach the page as its brackets. */
    @ParameterizedTest
    @MethodSource("undefinedReferences")
    void aReferenceLinkWithNoDefinitionIsAnErrorAtItsBracket(String text, int line, int column, String words) {
        render(text, new CitationNumbers());

        assertThat(diagnostics.sorted()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("markdown.undefined-reference");
            assertThat(d.at()).isEqualTo(new SourceSpan("content/x.md", line, column));
            assertThat(d.message()).contains(words);
        });
    }

    /** Text indented too far inside a list item is told to line up with the item's words, not to lose its indent. */
    @Test
    void aCodeBlockInAListItemIsToldTheItemsColumn() {
        render("1. Lie on your side.\n\n         Keep your hips still.", new CitationNumbers());

        assertThat(diagnostics.sorted()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("markdown.code-block");
            assertThat(d.message()).endsWith("start each of its lines in the same column as the item's words "
                    + "(3 spaces in, for \"1.\")");
        });
    }

    /** A note at the end of a heading leaves the heading's id as a link to it is written. */
    @Test
    void aNoteAtTheEndOfAHeadingLeavesItsIdAlone() {
        String html = render("## Warm up <!-- check with Dr Smith -->\n\nGently.", new CitationNumbers()).html();

        assertThat(html).contains("id=\"warm-up\"").doesNotContain("warm-up-").doesNotContain("Smith");
        assertThat(diagnostics.sorted()).isEmpty();
    }

    /** Words in brackets that are not meant as a link, citations, and references defined in any case, are no error. */
    @ParameterizedTest
    @ValueSource(strings = {"He said it [sic].", "As shown [1].", "Lift one leg [left or right] [slowly].",
        "Pain [@smith2018] is common.", "See [the guide][PG].\n\n[pg]: /about/", "See [the guide].\n\n[the guide]: /about/",
        "Use `[the guide][pg]` as an example.", "A list:\n\n- [ ] not done", "- Monday: [ ][ ][ ]",
        "- Sets done [x][ ][ ]", "Studies show this helps [1][2].", "As in [3][4-6]."})
    void bracketsThatAreNotAnUndefinedReferenceAreNoError(String text) {
        render(text, new CitationNumbers());

        assertThat(diagnostics.sorted()).extracting(Diagnostic::code).doesNotContain("markdown.undefined-reference");
    }
}
