package dev.patella.markdown;

import com.vladsch.flexmark.parser.block.BlockParser;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.core.HeadingParser;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.mappers.SpecialLeadInHandler;
import java.util.List;
import java.util.Set;

/**
 * Flexmark's heading parser, asked about each line without the cost of the paragraph above it.
 *
 * <p>Flexmark offers every line of a paragraph that does not begin with a letter (a line that
 * begins with {@code [}, {@code (}, a digit, a quote, {@code *} ...) to each kind of block in turn,
 * to see whether the line starts one. The heading parser, before it even looks at the line, asks
 * for the paragraph's content, and Flexmark builds that content anew, from every line so far,
 * each time it is asked. A paragraph of such lines thus costs the square of its length: 20,000
 * lines of {@code [a]} made a build of the shipped site take 24 s instead of 2, and 5,000 of
 * {@code > [a]} in a block quote 26 s.
 *
 * <p>The heading parser only checks that there is a paragraph (a {@code ---} or {@code ===} line
 * under one makes it a heading); when it makes that heading it reads the paragraph's lines, which
 * costs nothing until then. So this passes it the paragraph's span in the source, which Flexmark
 * gives without building anything, where it would have built the content. Everything else is the
 * stock parser's, and it keeps its place among the other kinds of block, which is set by the
 * dependencies it declares: {@link ParserExtensions} turns the stock one off and adds this one.
 * {@code FlexmarkSetupTest} checks that the HTML is stock Flexmark's.
 */
final class HeadingStarts implements CustomBlockParserFactory {

    private final CustomBlockParserFactory stock = new HeadingParser.Factory();

    @Override
    public BlockParserFactory apply(DataHolder options) {
        BlockParserFactory headings = stock.apply(options);
        return (state, matched) -> headings.tryStart(state, new SpanOnly(matched));
    }

    @Override
    public SpecialLeadInHandler getLeadInHandler(DataHolder options) {
        return stock.getLeadInHandler(options);
    }

    @Override
    public Set<Class<?>> getAfterDependents() {
        return stock.getAfterDependents();
    }

    @Override
    public Set<Class<?>> getBeforeDependents() {
        return stock.getBeforeDependents();
    }

    @Override
    public boolean affectsGlobalScope() {
        return stock.affectsGlobalScope();
    }

    /** The block a line continues, with a paragraph's content given as its span in the source. */
    private record SpanOnly(MatchedBlockParser matched) implements MatchedBlockParser {

        @Override
        public BlockParser getBlockParser() {
            return matched.getBlockParser();
        }

        /**
         * The paragraph's span in the source, from its first line to its last, or null when the
         * block is no paragraph (its content, without the prefixes of a quote or list, would be
         * built line by line).
         */
        @Override
        public BasedSequence getParagraphContent() {
            BlockParser block = matched.getBlockParser();
            return block.isParagraphParser() ? block.getBlockContent().getSpanningChars() : null;
        }

        @Override
        public List<BasedSequence> getParagraphLines() {
            return matched.getParagraphLines();
        }

        @Override
        public List<Integer> getParagraphEolLengths() {
            return matched.getParagraphEolLengths();
        }

        @Override
        public MutableDataHolder getParagraphDataHolder() {
            return matched.getParagraphDataHolder();
        }
    }
}
