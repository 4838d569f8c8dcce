package dev.patella.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import com.vladsch.flexmark.parser.block.BlockParser;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.parser.core.HeadingParser;
import com.vladsch.flexmark.parser.core.ParagraphParser;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.lang.reflect.Proxy;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Flexmark's heading parser builds the content of the whole paragraph above each line that does
 * not begin with a letter, which makes a long paragraph of such lines cost the square of its
 * length; {@link HeadingStarts} answers the same without building it. Counted, not timed.
 */
class HeadingStartsTest {

    /** A paragraph of lines, as Flexmark hands it to a block parser, that counts the builds of its content. */
    private static final class Paragraph implements MatchedBlockParser {
        final ParagraphParser parser = new ParagraphParser();
        int contentBuilds;

        Paragraph(String... lines) {
            BasedSequence source = BasedSequence.of(String.join("\n", lines) + "\n");
            int start = 0;
            for (String line : lines) {
                parser.getBlockContent().add(source.subSequence(start, start + line.length() + 1), 0);
                start += line.length() + 1;
            }
        }

        @Override
        public BlockParser getBlockParser() {
            return parser;
        }

        @Override
        public BasedSequence getParagraphContent() {
            contentBuilds++;
            return parser.getBlockContent().getContents();
        }

        @Override
        public List<BasedSequence> getParagraphLines() {
            return parser.getBlockContent().getLines();
        }

        @Override
        public List<Integer> getParagraphEolLengths() {
            return parser.getBlockContent().getLineIndents();
        }

        @Override
        public MutableDataHolder getParagraphDataHolder() {
            return parser.getDataHolder();
        }
    }

    /** The parser's state on {@code line}, which starts at column 0, inside {@code paragraph}. */
    private static ParserState lineIn(Paragraph paragraph, String line) {
        BasedSequence text = BasedSequence.of(line);
        return (ParserState) Proxy.newProxyInstance(ParserState.class.getClassLoader(),
                new Class<?>[] {ParserState.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getIndent", "getNextNonSpaceIndex" -> 0;
                    case "getLine", "getLineWithEOL" -> text;
                    case "getActiveBlockParser" -> paragraph.parser;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static BlockStart tryStart(BlockParserFactory headings, Paragraph paragraph, String line) {
        return headings.tryStart(lineIn(paragraph, line), paragraph);
    }

    @Test
    void aLineThatStartsNoHeadingIsAnsweredWithoutBuildingTheParagraph() {
        BlockParserFactory stock = new HeadingParser.Factory().apply(new MutableDataSet());
        BlockParserFactory patella = new HeadingStarts().apply(new MutableDataSet());
        for (String line : List.of("[a]", "[a] and more", "![a](b)", "(a)", "1 a", "\"a\"", "*a*", "`a`")) {
            var before = new Paragraph("[first]", "[second]");
            assertThat(tryStart(stock, before, line)).as(line).isNull();
            assertThat(before.contentBuilds).as("stock Flexmark, " + line).isEqualTo(1);

            var after = new Paragraph("[first]", "[second]");
            assertThat(tryStart(patella, after, line)).as(line).isNull();
            assertThat(after.contentBuilds).as(line).isZero();
        }
    }

    @Test
    void headingsStartAsBefore() {
        BlockParserFactory patella = new HeadingStarts().apply(new MutableDataSet());
        for (String line : List.of("---", "===", "# Heading", "###### Six")) {
            var paragraph = new Paragraph("[first]", "[second]");
            assertThat(tryStart(patella, paragraph, line)).as(line).isNotNull();
            assertThat(paragraph.contentBuilds).as(line).isZero();
        }
    }
}
