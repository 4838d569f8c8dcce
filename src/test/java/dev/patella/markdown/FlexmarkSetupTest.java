package dev.patella.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import com.vladsch.flexmark.ext.attributes.AttributesExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import dev.patella.diag.Diagnostics;
import dev.patella.diag.SourceSpan;
import dev.patella.model.Prose;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The renderer parses each text with only the extensions it can use, and makes the extensions'
 * per-document parts once ({@link ParserExtensions}), and reads a text's plain words from the
 * parse it renders. These prove that none of it changes a byte: the HTML equals what stock
 * Flexmark with both extensions makes, and the plain text equals {@link MarkdownRenderer#plainText}'s
 * own parse, for every Markdown text of the shipped content and for thousands of random mixtures
 * of tables, attributes, pipes and braces in text, lists, headings, emphasis and code.
 */
class FlexmarkSetupTest {

    private static final String CITATION = "\\[@[^\\[\\]]*\\]";
    private static final String[] SEPARATORS = {" ", " ", "\n\n", "\n", "\n  ", "\n\t "};

    private final MarkdownRenderer markdown = MarkdownRenderer.create();
    private final Parser stockParser;
    private final HtmlRenderer stockRenderer;

    FlexmarkSetupTest() {
        // the settings FlexmarkRenderer had when it loaded both extensions into one parser
        var options = new MutableDataSet()
                .set(Parser.EXTENSIONS, List.of(TablesExtension.create(), AttributesExtension.create()))
                .set(HtmlRenderer.ESCAPE_HTML, true)
                .set(Parser.HTML_BLOCK_COMMENT_ONLY_FULL_LINE, true)
                .set(HtmlRenderer.GENERATE_HEADER_ID, true)
                .set(HtmlRenderer.RENDER_HEADER_ID, true)
                .set(HtmlRenderer.SOFT_BREAK, "\n")
                .set(TablesExtension.WITH_CAPTION, false)
                .set(TablesExtension.CLASS_NAME, "table")
                .toImmutable();
        stockParser = Parser.builder(options).build();
        stockRenderer = HtmlRenderer.builder(options).build();
    }

    private void sameAsStock(String text) {
        // links left as written, so that only the parse can make a difference
        var page = new PageContext("/exercises/clamshell/", to -> to, Set.of(), new CitationNumbers());
        var diagnostics = new Diagnostics(Integer.MAX_VALUE);
        Rendered rendered = markdown.render(new Prose(text, new SourceSpan("content/x.md", 1, 1)), page, diagnostics);
        assertThat(rendered.plain()).as(text).contains(markdown.plainText(text));
        if (diagnostics.sorted().stream().noneMatch(d -> d.code().equals("markdown.attribute"))) {
            // an attribute other than an id or a class is an error, and taken out of the tree
            assertThat(rendered.html()).as(text).isEqualTo(stockRenderer.render(stockParser.parse(text)));
        }
    }

    @Test
    void everyTextOfTheShippedContentRendersAsWithStockFlexmark() throws IOException {
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("content"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                String source = Files.readString(file);
                int end = source.indexOf("\n---\n", 3);
                // citations are rewritten by the renderer's own walk, so they are left out here
                texts.add(source.substring(end + 5).replaceAll(CITATION, ""));
            }
        }
        assertThat(texts).hasSizeGreaterThan(10);
        texts.forEach(this::sameAsStock);
    }

    @Test
    void longParagraphsOfLinesThatBeginWithABracketRenderAsWithStockFlexmark() {
        for (String line : List.of("[a]", "[a] b", "(x)", "> [a]", "  [a]", "- [a]\n  [b]")) {
            String lines = (line + "\n").repeat(900); // MarkdownLimits refuses over 1,000 lines in a quote
            sameAsStock(lines);
            sameAsStock("start\n" + lines + "---\n");
            sameAsStock("> start\n" + lines + "===\n");
        }
    }

    @Test
    void randomMixturesOfTablesAttributesAndEverythingElseRenderAsWithStockFlexmark() {
        String[] parts = {
            "| Week | Sets |\n|---|---|\n| 1 | 2 |\n", "| a | b |\n| - | - |\n", "a | b\n--|--\n1 | 2\n",
            "|---|\n", "Text with a | pipe.", "A {brace} in text.", "## Heading {#own-id}\n", "## Heading\n",
            "Paragraph.{.note}", "{lang=en}", "*word*{.stress}", "{#only}", "{.a .b #c}", "{ }", "{#}", "{{#x}}", "- item\n",
            "- item {.x}\n", "1. one\n2. two\n", "> quote | with pipe\n", "`code | {x}`", "    indented | {x}\n",
            "**bold**", "_it_", "[link](https://example.org/ \"t\")", "[ref]\n\n[ref]: https://example.org/\n",
            "Line one\nline two", "Setext\n---\n", "***\n", "Tab\there", "á | é {#ñ}", "\\| escaped \\{",
            "<b>raw</b> | {x}", "![img](/images/a.svg){.wide}", "Hard  \nbreak", "&amp; | &#123;", "|", "{", "\n\n",
            // spaces and tabs that begin a line, which Flexmark's line formatting takes out (outside code blocks)
            "Line one\n   indented two", "Hard  \n    indented", "Hard\\\n  after", "  two spaces", "\tTab first",
            "\t  tab then spaces", " \t space then tab", "- item\n   lazy line", "> quote\n  lazy", "| a |\n|---|\n|  b |\n",
            "```\n  code\n\n   more\n\tand tab\n```\n", "    indented code\n      deeper\n", "<div>\n  html block\n</div>\n",
            "[link](https://example.org/ \"title\n   indented\")", "`code\n   span`", "*em\n   phasis*", "&amp;\n  &#123;",
            // lines that begin with no letter, which Flexmark offers to the heading parser (HeadingStarts)
            "[a]\n[b] c\n(d)\n", "> [a]\n> (b)\n", "1 a\n2 b\n", "[a]\n---\n", "(x)\n===\n", "- [a]\n  [b]\n",
            "[a]\n# Heading\n", "> [a]\n> ---\n", "[a]\n    [b]\n",
        };
        var random = new Random(13);
        for (int n = 0; n < 6000; n++) {
            var text = new StringBuilder();
            int count = 1 + random.nextInt(6);
            for (int i = 0; i < count; i++) {
                text.append(parts[random.nextInt(parts.length)]).append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
            }
            sameAsStock(text.toString());
        }
    }
}
