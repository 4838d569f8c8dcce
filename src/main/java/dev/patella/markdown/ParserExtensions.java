package dev.patella.markdown;

import com.vladsch.flexmark.ext.attributes.internal.AttributesInlineParserExtension;
import com.vladsch.flexmark.ext.attributes.internal.AttributesNodePostProcessor;
import com.vladsch.flexmark.ext.tables.internal.TableParagraphPreProcessor;
import com.vladsch.flexmark.parser.InlineParserExtension;
import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.LightInlineParser;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.ParagraphPreProcessor;
import com.vladsch.flexmark.parser.block.ParagraphPreProcessorFactory;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import java.util.Set;

/**
 * The parser's side of Flexmark's tables and attributes extensions, as {@code TablesExtension} and
 * {@code AttributesExtension} add them, with one difference: the table pre-processor and the
 * attributes' inline parser are made once per parser, not once per document. Flexmark makes
 * both for every parse and each compiles regular expressions as it is made (one for tables, two
 * for attributes), which was a steady share of every page's parse; neither keeps any state
 * between calls but its options and those expressions, so one of each serves every document
 * and thread. The HTML side of both extensions is Flexmark's own.
 *
 * <p>Every parser also gets {@link HeadingStarts} in place of Flexmark's heading parser, which
 * made a long paragraph of lines that begin with a bracket cost the square of its length.
 *
 * <p>{@code MarkdownRendererTest} renders texts of every kind through this and through the stock
 * extensions and expects the same HTML.
 */
final class ParserExtensions implements Parser.ParserExtension {

    private final boolean tables;
    private final boolean attributes;

    /** The extensions to add: tables ({@code | a | b |}), attributes ({@code {#id .class}}), or both. */
    ParserExtensions(boolean tables, boolean attributes) {
        this.tables = tables;
        this.attributes = attributes;
    }

    @Override
    public void parserOptions(MutableDataHolder options) {
        // neither extension sets parser options for the settings Patella uses; the stock heading
        // parser is replaced by HeadingStarts, added below
        options.set(Parser.HEADING_PARSER, false);
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.customBlockParserFactory(new HeadingStarts());
        if (tables) {
            builder.paragraphPreProcessorFactory(new OneTablePreProcessor(TableParagraphPreProcessor.Factory()));
        }
        if (attributes) {
            builder.postProcessorFactory(new AttributesNodePostProcessor.Factory());
            builder.customInlineParserExtensionFactory(new OneAttributesParser(
                    new AttributesInlineParserExtension.Factory()));
        }
    }

    /** Flexmark's table pre-processor factory, making its pre-processor once. */
    private static final class OneTablePreProcessor implements ParagraphPreProcessorFactory {
        private final ParagraphPreProcessorFactory stock;
        private volatile ParagraphPreProcessor made;

        OneTablePreProcessor(ParagraphPreProcessorFactory stock) {
            this.stock = stock;
        }

        @Override
        public ParagraphPreProcessor apply(ParserState state) {
            ParagraphPreProcessor one = made;
            if (one == null) {
                one = stock.apply(state); // two threads may both make one: they are the same
                made = one;
            }
            return one;
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
    }

    /** Flexmark's attributes inline parser factory, making its parser once. */
    private static final class OneAttributesParser implements InlineParserExtensionFactory {
        private final InlineParserExtensionFactory stock;
        private volatile InlineParserExtension made;

        OneAttributesParser(InlineParserExtensionFactory stock) {
            this.stock = stock;
        }

        @Override
        public InlineParserExtension apply(LightInlineParser inlineParser) {
            InlineParserExtension one = made;
            if (one == null) {
                one = stock.apply(inlineParser);
                made = one;
            }
            return one;
        }

        @Override
        public CharSequence getCharacters() {
            return stock.getCharacters();
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
    }
}
