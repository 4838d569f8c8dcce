package dev.patella.markdown;

import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.RefNode;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.attributes.AttributeNode;
import com.vladsch.flexmark.ext.attributes.AttributesNode;
import com.vladsch.flexmark.ext.attributes.AttributesExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.LineAppendable;
import dev.patella.diag.Diagnostics;
import dev.patella.diag.SourceSpan;
import dev.patella.model.Prose;
import java.nio.charset.Charset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The Flexmark-backed {@link MarkdownRenderer}: CommonMark plus tables, heading ids and
 * {@code {#id .class}} attributes. Raw HTML is escaped (shown as text) and reported; HTML
 * comments, editors' notes, are left out (see {@link HtmlComments}).
 * Each text is parsed with only the extensions it can use (see {@link ParserExtensions}).
 */
final class FlexmarkRenderer implements MarkdownRenderer {

    /** One key in a citation: {@code @key} optionally followed by {@code , locator}. */
    private static final Pattern CITE_ITEM = Pattern.compile("\\s*@([A-Za-z][A-Za-z0-9_-]*)\\s*(?:,\\s*(.+?))?\\s*");
    /** A source key after its "@", as a citation writes it: {@code @smith2018}. */
    private static final Pattern KEY_AFTER_AT = Pattern.compile("@([A-Za-z][A-Za-z0-9_-]*)");
    /** A citation; brackets cannot nest in one, which keeps a text full of "[@" linear to search. */
    private static final Pattern CITATION = Pattern.compile("\\[@[^\\[\\]]*\\]");
    private static final Pattern MARKUP = Pattern.compile("[\\\\`*_\\[\\]()<>#|{}]");
    private static final Pattern NUMERIC_ENTITY = Pattern.compile("&#(?:([0-9]+)|[xX]([0-9a-fA-F]+));");
    /** The code page old Windows programs wrote text in: what they meant by 128 to 159 (see Walk#windowsMeaning). */
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Pattern INVISIBLE = Pattern.compile("[\\s\\p{Cntrl}]");
    private static final Pattern SCHEME = Pattern.compile("[a-z][a-z0-9+.-]*:");
    private static final List<String> SAFE_SCHEMES = List.of("https:", "http:", "mailto:", "tel:");

    /**
     * Parsers with only the extensions a text can use, by {@link #parserFor}: a text without
     * {@code |} holds no table, one without <code>{</code> no attributes, and each extension costs
     * time on every parse (the attributes' also a walk over the whole tree after it).
     */
    private final Parser[] parsers = new Parser[4];
    private final HtmlRenderer renderer;

    FlexmarkRenderer() {
        var options = new MutableDataSet()
                .set(Parser.EXTENSIONS, List.of(TablesExtension.create(), AttributesExtension.create()))
                .set(HtmlRenderer.ESCAPE_HTML, true)
                // "<!-- note --> Hold for 5 seconds." is a paragraph with a note in it, not a comment
                // block that takes the words after the note with it
                .set(Parser.HTML_BLOCK_COMMENT_ONLY_FULL_LINE, true)
                .set(HtmlRenderer.GENERATE_HEADER_ID, true)
                .set(HtmlRenderer.RENDER_HEADER_ID, true)
                .set(HtmlRenderer.SOFT_BREAK, "\n")
                // Flexmark's line formatting looks at every character it writes, one call each, to
                // drop the spaces that begin a line (the only thing it changes in this setup): a
                // tenth of a warm build's CPU. Passed through, the lines are trimmed in one scan.
                .set(HtmlRenderer.FORMAT_FLAGS, LineAppendable.F_PASS_THROUGH)
                .set(TablesExtension.WITH_CAPTION, false)
                .set(TablesExtension.CLASS_NAME, "table")
                .toImmutable();
        for (int i = 0; i < parsers.length; i++) {
            parsers[i] = Parser.builder(new MutableDataSet(options)
                    .set(Parser.EXTENSIONS, List.of(new ParserExtensions((i & 2) != 0, (i & 1) != 0)))).build();
        }
        renderer = HtmlRenderer.builder(options).extensions(List.of(new CitationExtension())).build();
    }

    /** The parser with the extensions {@code markdown} can use: tables if it has a pipe, attributes if a brace. */
    private Parser parserFor(String markdown) {
        return parsers[(markdown.indexOf('|') >= 0 ? 2 : 0) + (markdown.indexOf('{') >= 0 ? 1 : 0)];
    }

    /**
     * {@inheritDoc}
     *
     * <p>Text over one of {@link MarkdownLimits}' limits is not parsed: it is reported where the
     * limit is crossed and comes back as escaped plain text.
     */
    @Override
    public Rendered render(Prose prose, PageContext page, Diagnostics diagnostics) {
        var offsets = new ProseOffsets(prose);
        Optional<MarkdownLimits.Excess> excess = MarkdownLimits.check(prose.markdown());
        if (excess.isPresent()) {
            MarkdownLimits.Excess e = excess.get();
            diagnostics.error(e.code(), offsets.at(e.offset()), e.message());
            return unparsed(prose);
        }
        try {
            String markdown = HtmlComments.inHeadings(prose.markdown()); // the same length, line for line
            Document document = parserFor(markdown).parse(markdown);
            // the plain text of a text without citations is read from this very parse, before the
            // walk below changes the tree: plainText would parse the same string again (a text with
            // citations is parsed without them there, so it is left to plainText)
            Optional<String> plain = prose.markdown().contains("[@") ? Optional.empty()
                    : Optional.of(collapse(words(document)));
            Optional<Node> deep = TreeDepth.firstTooDeep(document);
            if (deep.isPresent()) {
                diagnostics.error("markdown.too-deep", offsets.at(deep.get().getStartOffset()), TreeDepth.MESSAGE);
                return unparsed(prose);
            }
            var walk = new Walk(offsets, page, diagnostics, prose.markdown().contains("](")
                    || prose.markdown().contains("] (") || prose.markdown().contains("]\t("));
            walk.visit(document);
            return new Rendered(trimLineStarts(renderer.render(document)), walk.links, walk.citations, plain);
        } catch (StackOverflowError e) {
            // the limits above are meant to make this unreachable; if some shape slips through, the
            // editor still gets a place and a way out instead of a dead build or dev server
            diagnostics.error("markdown.too-deep", prose.at(), "this text is nested too deeply for Patella to "
                    + "read (lists, quotes, links or emphasis inside each other); flatten it or split it up");
            return unparsed(prose);
        }
    }

    @Override
    public String plainText(String markdown) {
        if (MarkdownLimits.check(markdown).isPresent()) {
            return collapse(MARKUP.matcher(markdown).replaceAll("")); // render() reports the problem
        }
        String withoutCitations = CITATION.matcher(markdown).replaceAll("");
        try {
            return collapse(words(parserFor(withoutCitations).parse(withoutCitations)));
        } catch (StackOverflowError e) {
            return collapse(MARKUP.matcher(markdown).replaceAll(""));
        }
    }

    /**
     * The text of a document's nodes, a space between blocks and lines. Written here because
     * Flexmark's own text collector slows down with the square of the number of nodes.
     */
    private static String words(Document document) {
        var out = new StringBuilder();
        var stack = new ArrayDeque<Node>();
        stack.push(document);
        while (!stack.isEmpty()) {
            Node node = stack.pop();
            if (node instanceof Text || node instanceof HtmlEntity) {
                out.append(node.getChars().unescape());
            } else if (node instanceof LinkRef ref && !ref.isDefined()) {
                out.append(node.getChars().unescape()); // shown as written, brackets and all
                continue;
            } else if (node instanceof SoftLineBreak || node instanceof HardLineBreak || node instanceof Block) {
                out.append(' ');
            }
            for (Node child = node.getLastChild(); child != null; child = child.getPrevious()) {
                stack.push(child);
            }
        }
        return out.toString();
    }

    /**
     * Each run of white space as one space, none before {@code . , ; : ! ?}, none at either end:
     * what replacing {@code \s+} by a space and then {@code " ([.,;:!?])"} by the mark does, in one
     * pass, as it runs on the text of every page.
     */
    static String collapse(String text) {
        var out = new StringBuilder(text.length());
        int n = text.length();
        for (int i = 0; i < n; ) {
            char c = text.charAt(i);
            if (!isRegexSpace(c)) {
                out.append(c);
                i++;
                continue;
            }
            while (i < n && isRegexSpace(text.charAt(i))) {
                i++;
            }
            if (i == n || ".,;:!?".indexOf(text.charAt(i)) < 0) {
                out.append(' ');
            }
        }
        return out.toString().strip();
    }

    /** {@code \s} of a regular expression: space, tab, line feed, vertical tab, form feed, return. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    /**
     * The HTML with the spaces at the start of each line outside {@code <pre>} taken out, as
     * Flexmark's line formatting ({@code F_TRIM_LEADING_WHITESPACE}, its default) takes them out:
     * a tab stays, and so do the spaces after it. The output is escaped, so the only {@code <pre>}
     * and {@code </pre>} in it are the code blocks' own.
     */
    private static String trimLineStarts(String html) {
        int n = html.length();
        StringBuilder out = null;
        int copied = 0;
        boolean lineStart = true;
        int i = 0;
        while (i < n) {
            char c = html.charAt(i);
            if (lineStart && (c == ' ' || c == '\t')) {
                int from = i;
                boolean spaces = false;
                while (i < n && (html.charAt(i) == ' ' || html.charAt(i) == '\t')) {
                    spaces |= html.charAt(i) == ' ';
                    i++;
                }
                if (spaces) {
                    if (out == null) {
                        out = new StringBuilder(n);
                    }
                    out.append(html, copied, from);
                    for (int k = from; k < i; k++) {
                        if (html.charAt(k) == '\t') {
                            out.append('\t');
                        }
                    }
                    copied = i;
                }
                lineStart = false;
            } else if (c == '<' && html.startsWith("<pre", i)) {
                int end = html.indexOf("</pre>", i);
                i = end < 0 ? n : end + "</pre>".length();
                lineStart = false;
            } else {
                lineStart = c == '\n';
                i++;
            }
        }
        return out == null ? html : out.append(html, copied, n).toString();
    }

    /** What a text that was not parsed renders as: its words, escaped, in one paragraph. */
    private static Rendered unparsed(Prose prose) {
        return new Rendered("<p>" + escape(prose.markdown()) + "</p>", List.of(), List.of());
    }

    @Override
    public Rendered renderInline(Prose prose, PageContext page, Diagnostics diagnostics) {
        Rendered block = render(prose, page, diagnostics);
        String html = block.html().strip();
        if (html.startsWith("<p>") && html.endsWith("</p>") && html.indexOf("<p>", 3) < 0) {
            html = html.substring(3, html.length() - 4);
        }
        return new Rendered(html, block.links(), block.citations(), block.plain());
    }

    /** One pass over a parsed document: checks and rewrites links, turns citations into nodes. */
    private static final class Walk {
        static final String HEADING_LEVEL = "markdown.heading-level";
        static final String CODE_BLOCK = "markdown.code-block";
        private final ProseOffsets offsets;
        private final PageContext page;
        private final Diagnostics diagnostics;
        private final List<LinkUse> links = new ArrayList<>();
        private final List<CitationUse> citations = new ArrayList<>();
        private boolean footnoted;
        /** Whether the text holds "](" or "] (" at all: without them no link can have failed on a space. */
        private final boolean brackets;
        /** The end of the last link shown as text for a space in its address: what it holds is not reported again. */
        private int spacedUntil = -1;
        /** The level of the last heading, 1 for the page's title above the text. */
        private int lastHeading = 1;

        Walk(ProseOffsets offsets, PageContext page, Diagnostics diagnostics, boolean brackets) {
            this.offsets = offsets;
            this.page = page;
            this.diagnostics = diagnostics;
            this.brackets = brackets;
        }

        void visit(Node node) {
            Node child = node.getFirstChild();
            while (child != null) {
                Node next = child.getNext();
                handle(child);
                child = next;
            }
        }

        private void handle(Node node) {
            if (node instanceof Heading heading) {
                headingLevel(heading);
            } else if (node instanceof Paragraph paragraph) {
                headingWithoutSpace(paragraph);
            } else if (node instanceof RefNode ref && !ref.isDefined() && !inCode(ref)) {
                UndefinedReferences.message(ref).ifPresent(m -> diagnostics.error(UndefinedReferences.CODE, at(ref), m));
            }
            if (node instanceof Link link) {
                link.setUrl(BasedSequence.of(target(link.getUrl().toString(), false, link.getText().toString(), node)));
            } else if (node instanceof Image image) {
                image.setUrl(BasedSequence.of(target(image.getUrl().toString(), true, image.getText().toString(), node)));
            } else if (node instanceof Reference reference && reference.getChars().startsWith("[^")
                    || node instanceof LinkRef ref && ref.getReference().startsWith("^")) {
                footnote(node);
                return;
            } else if (node instanceof Reference reference) {
                reference.setUrl(BasedSequence.of(target(reference.getUrl().toString(), false, "", node)));
            } else if (node instanceof LinkRef ref && !ref.isDefined() && ref.getReference().startsWith("@")) {
                citation(ref);
                return;
            } else if (node instanceof LinkRef ref && !ref.isDefined() && keysWithoutAt(ref).isPresent()) {
                diagnostics.error("cite.syntax", at(ref), "\"" + abbreviate(ref.getChars().toString()) + "\" would "
                        + "be shown as text: a citation starts each key with @; write " + keysWithoutAt(ref).get());
                return;
            } else if (node instanceof RefNode ref && brackets) {
                SpacedAddress.after(ref).ifPresent(this::spacedAddress);
            } else if (node instanceof IndentedCodeBlock || node instanceof FencedCodeBlock) {
                codeBlock((Block) node);
                return;
            } else if (node instanceof HtmlCommentBlock || node instanceof HtmlInlineComment) {
                if (node instanceof HtmlCommentBlock block) {
                    HtmlComments.inBlock(block).ifPresent(this::brokenComment);
                }
                node.unlink(); // an editor's note: never on the page
                return;
            } else if (node instanceof Text text) {
                if (!inCode(text)) {
                    HtmlComments.inText(text).ifPresent(this::brokenComment);
                }
                unclosedCitation(text);
                keyOutsideBrackets(text);
                if (brackets && text.getChars().indexOf("](") >= 0 && !inCode(text)) {
                    SpacedAddress.in(text).forEach(this::spacedAddress);
                }
            } else if (node instanceof HtmlInline && node.getStartOffset() < spacedUntil) {
                return; // "<a b>" of [x](<a b>), reported as the address it is meant to be
            } else if (node instanceof HtmlBlock || node instanceof HtmlInline) {
                diagnostics.warning("markdown.raw-html", at(node), "raw HTML is not allowed in content and is "
                        + "shown as text; use Markdown instead (for example **bold** or a list)");
            } else if (node instanceof HtmlEntity entity && controlCharacter(entity.getChars().toString()) >= 0) {
                int c = controlCharacter(entity.getChars().toString());
                diagnostics.error("content.control-character", at(node), "\"" + entity.getChars() + "\" gives "
                        + String.format(Locale.ROOT, "U+%04X", c) + ", an invisible control character, not text; "
                        + windowsMeaning(c).map(meant -> "in the old Windows code page " + c + " stood for \""
                        + meant + "\": write \"" + meant + "\" itself instead").orElse("delete it"));
                entity.unlink();
                return;
            } else if (node instanceof AttributesNode attributes) {
                attributes(attributes);
                return;
            }
            visit(node);
        }

        /**
         * A warning for a heading out of its place in the page's outline, which screen readers move through
         * by level: a {@code #} heading, at the level of the page's title, which the page already shows; or
         * one that skips a level ({@code ####} right after {@code ##}).
         */
        private void headingLevel(Heading heading) {
            int level = heading.getLevel();
            String hashes = "#".repeat(level);
            if (level == 1) {
                diagnostics.warning(HEADING_LEVEL, at(heading), "a heading written with one # is at the level of "
                        + "the page's title, which the page already shows above it; write ## for a section of the page");
            } else if (level > lastHeading + 1) {
                diagnostics.warning(HEADING_LEVEL, at(heading), "this " + hashes + " heading skips a level after the "
                        + "#".repeat(lastHeading) + (lastHeading == 1 ? " title" : " heading") + " above it, and "
                        + "screen readers move through a page's headings by level; write " + "#".repeat(lastHeading + 1)
                        + " (one # more than the heading above)");
            }
            lastHeading = Math.max(level, 1);
        }

        /** A warning for a paragraph that starts "##When to start": meant as a heading, shown as text. */
        private void headingWithoutSpace(Paragraph paragraph) {
            if (paragraph.getChars().isEmpty() || paragraph.getChars().charAt(0) != '#') {
                return; // nearly every paragraph: not copied into a string to be looked at
            }
            String text = paragraph.getChars().toString();
            int hashes = 0;
            while (hashes < text.length() && hashes < 7 && text.charAt(hashes) == '#') {
                hashes++;
            }
            if (hashes >= 1 && hashes <= 6 && hashes < text.length() && Character.isLetter(text.charAt(hashes))) {
                int end = text.indexOf('\n');
                String line = end < 0 ? text : text.substring(0, end);
                diagnostics.warning(HEADING_LEVEL, at(paragraph), "this line is shown as text, not as a heading, "
                        + "because a heading needs a space after its #: write " + line.substring(0, hashes) + " "
                        + abbreviate(line.substring(hashes)));
            }
        }

        /**
         * One {@code {...}} of attributes: those other than {@code #id} and {@code .class} are one
         * error, at the first of them, however many there are ({@code {left or right}} in a sentence
         * is one mistake, read as three attributes), and are left out.
         */
        private void attributes(AttributesNode attributes) {
            List<AttributeNode> refused = new ArrayList<>();
            for (Node child = attributes.getFirstChild(); child != null; child = child.getNext()) {
                if (child instanceof AttributeNode attribute) {
                    String name = attribute.getName().toString().toLowerCase(Locale.ROOT);
                    if (!attribute.isId() && !attribute.isClass() && !name.equals("id") && !name.equals("class")) {
                        refused.add(attribute);
                    }
                }
            }
            if (refused.isEmpty()) {
                return;
            }
            String written = attributes.getChars().toString();
            // words without values ({left or right}) are more likely text in braces than attributes
            boolean words = refused.stream().allMatch(a -> a.getValue().isEmpty())
                    && written.startsWith("{") && written.endsWith("}");
            String names = refused.stream().map(a -> "\"" + a.getName() + "\"").collect(Collectors.joining(", "));
            diagnostics.error("markdown.attribute", at(refused.get(0)), "only {#id} and {.class} attributes are "
                    + "allowed in content, not " + names + "; remove " + (refused.size() > 1 ? "them" : "it")
                    + (words ? ", or, if the braces are meant as text, put a backslash before each: \\"
                    + written.substring(0, written.length() - 1) + "\\}" : ""));
            refused.forEach(Node::unlink);
        }

        /** The href to write for {@code url}; reports unsafe or relative links. */
        private String target(String url, boolean image, String text, Node node) {
            String trimmed = url.strip();
            String lower = INVISIBLE.matcher(trimmed.toLowerCase(Locale.ROOT)).replaceAll("");
            if (trimmed.startsWith("#")) {
                links.add(new LinkUse(page.pageUrl() + trimmed, image, text, at(node)));
                return trimmed;
            }
            if (trimmed.startsWith("/") && !trimmed.startsWith("//")) {
                if (climbs(trimmed)) {
                    diagnostics.error("link.outside-site", at(node), "the link \"" + abbreviate(trimmed) + "\" uses "
                            + "\"..\", \".\" or a backslash to leave its folder; link to the page itself, for example "
                            + "/exercises/clamshell/");
                    return "#";
                }
                links.add(new LinkUse(trimmed, image, text, at(node)));
                int hash = trimmed.indexOf('#');
                String path = hash < 0 ? trimmed : trimmed.substring(0, hash);
                return page.link().apply(path) + (hash < 0 ? "" : trimmed.substring(hash));
            }
            if (SAFE_SCHEMES.stream().anyMatch(lower::startsWith)) {
                var mailOrPhone = MailAndPhone.problem(trimmed);
                if (mailOrPhone.isPresent()) {
                    diagnostics.error("link.broken", at(node), mailOrPhone.get());
                    return "#";
                }
                links.add(new LinkUse(trimmed, image, text, at(node)));
                return trimmed;
            }
            if (SCHEME.matcher(lower).lookingAt() || trimmed.startsWith("//")) {
                diagnostics.error("link.unsafe", at(node), "the link \"" + abbreviate(trimmed) + "\" is not allowed; "
                        + LocalFile.advice(trimmed, image).orElse("links must start with https://, http://, mailto: "
                        + "or / (a page of this site)"));
                return "#";
            }
            diagnostics.error("link.relative", at(node), "the link \"" + abbreviate(trimmed) + "\" is relative; "
                    + relativeAdvice(trimmed, image));
            return "#";
        }

        /** Another site's address without its https://: "nhs.uk/conditions/knee-pain/" (not "about.html"). */
        private static final Pattern ANOTHER_SITE = Pattern.compile("(?:[a-z0-9-]+\\.)+(?!(?:html?|md|svg|png|jpe?g|gif"
                + "|webp|avif|pdf|txt|css|js|ico|xml|json|yaml|docx?)(?:[/?#]|$))[a-z]{2,}(?:/.*)?");
        /** A picture's or document's path written without its first slash, or an image's bare name: "images/knee.svg". */
        private static final Pattern FILE_PATH = Pattern.compile("(?:[a-z0-9-]+/)*[a-z0-9-]+\\.(?:svg|png|jpe?g|gif|webp|avif|pdf)");
        /** A page's path as written from the root, without its first slash: "about/", "exercises/clamshell/". */
        private static final Pattern PAGE_PATH = Pattern.compile("[a-z0-9-]+(?:/[a-z0-9-]+)*/?(?:#[\\w-]*)?");

        /** What to write instead of a relative link: another site's whole address, or a page's from the root. */
        private static String relativeAdvice(String target, boolean image) {
            String lower = target.toLowerCase(Locale.ROOT);
            if (lower.matches("www\\.[^/\\s]+\\.[a-z]{2,}.*") || ANOTHER_SITE.matcher(lower).matches()) {
                return "to link to another site, write its whole address: https://" + abbreviate(target);
            }
            // "about/" or "exercises/clamshell/" meant from the root; "images/knee.svg", or an image's bare name
            String fromRoot = PAGE_PATH.matcher(target).matches()
                    ? "/" + target + (target.endsWith("/") || target.contains("#") ? "" : "/")
                    : FILE_PATH.matcher(target).matches() ? "/" + (target.indexOf('/') < 0 ? "images/" : "") + target
                    : fileName(target).map(name -> "/images/" + name).orElse(image ? "/images/knee.svg"
                    : "/exercises/clamshell/");
            return LocalFile.advice(target, image)
                    .orElse("write links to this site from its root, for example " + abbreviate(fromRoot));
        }

        /**
         * The picture's or document's name at the end of {@code target} ({@code ../images/Wall_Sit.svg}), as a
         * file of content/images/ is named: lower-case, with hyphens; empty when it names none.
         */
        private static Optional<String> fileName(String target) {
            Matcher m = LAST_FILE.matcher(target);
            return m.find() ? Optional.of(m.group(1).toLowerCase(Locale.ROOT).replace('_', '-')) : Optional.empty();
        }

        private static final Pattern LAST_FILE = Pattern.compile("(?i)([a-z0-9_-]+\\.(?:svg|png|jpe?g|gif|webp|avif|pdf))$");

        private static boolean climbs(String path) {
            String lower = path.toLowerCase(Locale.ROOT);
            return lower.contains("\\") || lower.contains("%2e") || lower.contains("%2f") || lower.contains("%5c")
                    || Arrays.stream(lower.split("[/#?]")).anyMatch(s -> s.equals("..") || s.equals("."));
        }

        /** A link or image shown as text because its address holds a space, or its "(" is never closed. */
        private void spacedAddress(SpacedAddress.Found found) {
            if (found.start() < spacedUntil) {
                return;
            }
            spacedUntil = found.end();
            diagnostics.error(found.problem() == SpacedAddress.Problem.SPACE || found.problem() == SpacedAddress.Problem.GAP
                    ? "markdown.space-in-address"
                    : "markdown.unclosed-link",
                    offsets.at(found.start()), SpacedAddress.message(found));
        }

        /**
         * A code block, which a page for patients has no use for: most often a paragraph pasted from a
         * word processor with its lines indented, shown as raw Markdown in a box, its links not working.
         */
        private void codeBlock(Block block) {
            if (block instanceof FencedCodeBlock fenced) {
                String fence = fenced.getOpeningMarker().toString();
                diagnostics.error(CODE_BLOCK, at(block), "the lines between " + fence + " and " + fence + " are "
                        + "shown as code (raw text in a box, its Markdown and links not working), which a page for "
                        + "patients has no use for; delete the " + fence + " lines above and below the text");
            } else if (block.getParent() instanceof ListItem item) {
                // inside a list item, its text lines up with the item's words: "- " takes 2 columns, "1. " 3
                int column = item.getOpeningMarker().length() + 1;
                diagnostics.error(CODE_BLOCK, at(block), "this text is indented 4 spaces or more past the start of "
                        + "the item's words, so it is shown as code (raw text in a box, its Markdown and links not "
                        + "working), not as a paragraph of the item; start each of its lines in the same column as "
                        + "the item's words (" + column + " spaces in, for \"" + item.getOpeningMarker() + "\")");
            } else {
                diagnostics.error(CODE_BLOCK, at(block), "this text starts with 4 spaces or a tab (as text pasted "
                        + "from a word processor often does), so it is shown as code (raw text in a box, its "
                        + "Markdown and links not working), not as a paragraph; remove the spaces or tab at the "
                        + "start of each of its lines");
            }
        }

        private void brokenComment(HtmlComments.Problem problem) {
            diagnostics.error(HtmlComments.CODE, offsets.at(problem.offset()), problem.message());
        }

        /** A footnote's mark or note: reported once per text, at the first, and left as written. */
        private void footnote(Node node) {
            if (!footnoted) {
                footnoted = true;
                diagnostics.error("markdown.footnote", at(node), "footnotes (" + abbreviate(node.getChars().toString()
                        .strip()) + ") are not part of the content format; put the note in the text, or cite a "
                        + "source with [@key]");
            }
        }

        /** A "[@" left in plain text is a citation whose closing bracket is missing. */
        private void unclosedCitation(Text text) {
            var chars = text.getChars();
            int at = chars.indexOf("[@");
            while (at > 0 && chars.charAt(at - 1) == '\\') { // written \[@ on purpose
                at = chars.indexOf("[@", at + 2);
            }
            if (at < 0 || inCode(text)) {
                return;
            }
            String rest = chars.subSequence(at, chars.length()).toString().split("\\s", 2)[0];
            diagnostics.error("cite.syntax", offsets.at(text.getStartOffset() + at), "the citation \""
                    + abbreviate(rest) + "\" has no closing \"]\"; close it right after the key, for example "
                    + "[@key], [@key1; @key2] or [@key, p. 12]");
        }

        /**
         * {@code [smith2018]} or {@code [smith2018; powers2014]}: brackets holding only known
         * source keys, written without their {@code @}, as the citation they are meant to be.
         */
        private Optional<String> keysWithoutAt(LinkRef ref) {
            if (!ref.isReferenceTextCombined() || inCode(ref)) {
                return Optional.empty();
            }
            List<String> keys = new ArrayList<>();
            for (String item : ref.getReference().toString().split(";")) {
                String word = item.strip();
                // [smith2018; @powers2014]: the one without its @ is the mistake
                Optional<String> key = knownKey(word.startsWith("@") ? word.substring(1) : word, true);
                if (key.isEmpty()) {
                    return Optional.empty();
                }
                keys.add("@" + key.get());
            }
            return Optional.of("[" + String.join("; ", keys) + "]");
        }

        /** The source key {@code word} names (with {@code anyCase}, ignoring case), if it names one. */
        private Optional<String> knownKey(String word, boolean anyCase) {
            if (page.writtenKeys().contains(word)) {
                return Optional.of(word);
            }
            return anyCase ? page.writtenKeys().stream().filter(k -> k.equalsIgnoreCase(word)).findFirst()
                    : Optional.empty();
        }

        /**
         * A known key written as {@code @smith2018} or {@code (@smith2018)} in the text, outside
         * square brackets: shown as text. An address such as {@code name@smith2018.org} is not one,
         * as a letter, digit or dot comes right before its "@".
         */
        private void keyOutsideBrackets(Text text) {
            var chars = text.getChars();
            if (chars.indexOf('@') < 0 || inCode(text) || text.getParent() instanceof Link) {
                return; // a link's words are a link, whatever they say
            }
            if (text.getParent() instanceof LinkRef ref && !ref.isDefined()) {
                wordsInCitation(ref);
                return;
            }
            for (int at = chars.indexOf('@'); at >= 0; at = chars.indexOf('@', at + 1)) {
                char before = at == 0 ? ' ' : chars.charAt(at - 1);
                if (Character.isLetterOrDigit(before) || before == '.' || before == '_' || before == '-'
                        || before == '[' || before == '\\') {
                    continue;
                }
                int end = at + 1;
                while (end < chars.length() && (Character.isLetterOrDigit(chars.charAt(end))
                        || chars.charAt(end) == '_' || chars.charAt(end) == '-')) {
                    end++;
                }
                Optional<String> key = end > at + 1
                        ? knownKey(chars.subSequence(at + 1, end).toString(), false) : Optional.empty();
                if (key.isPresent()) {
                    boolean parenthesised = before == '(' && end < chars.length() && chars.charAt(end) == ')';
                    int from = parenthesised ? at - 1 : at;
                    String written = chars.subSequence(from, parenthesised ? end + 1 : end).toString();
                    diagnostics.error("cite.syntax", offsets.at(text.getStartOffset() + from), "\"" + written
                            + "\" would be shown as text: a citation is written in square brackets; write [@"
                            + key.get() + "] in its place");
                }
            }
        }

        /**
         * {@code [see @smith2018]}: brackets that hold a known key after words, which Markdown shows as
         * written; a citation holds only its keys (and a locator after a comma), so the words go before it.
         */
        private void wordsInCitation(LinkRef ref) {
            if (reportedRef == ref) {
                return;
            }
            Matcher key = KEY_AFTER_AT.matcher(ref.getReference());
            while (key.find()) {
                if (knownKey(key.group(1), false).isPresent()) {
                    reportedRef = ref;
                    String words = ref.getReference().subSequence(0, key.start()).toString().strip();
                    diagnostics.error("cite.syntax", at(ref), "\"" + abbreviate(ref.getChars().toString()) + "\" would "
                            + "be shown as text: a citation's brackets hold only its keys (and a page after a comma); "
                            + "write the words before it" + (words.isEmpty() ? "" : ": " + abbreviate(words)
                            + " [@" + key.group(1) + "]"));
                    return;
                }
            }
        }

        /** The brackets {@link #wordsInCitation} reported, so that each is told once. */
        private LinkRef reportedRef;

        private static boolean inCode(Node node) {
            for (Node up = node.getParent(); up != null; up = up.getParent()) {
                if (up instanceof Code || up instanceof FencedCodeBlock || up instanceof IndentedCodeBlock) {
                    return true;
                }
            }
            return false;
        }

        private void citation(LinkRef ref) {
            String inner = ref.getReference().toString();
            List<String> parts = new ArrayList<>();
            SourceSpan at = at(ref);
            List<Matcher> items = new ArrayList<>();
            for (String item : inner.split(";")) {
                Matcher m = CITE_ITEM.matcher(item);
                if (!m.matches()) {
                    // nothing numbered: a source numbered here would be listed with no citation to link back to
                    diagnostics.error("cite.syntax", at, "the citation \"[" + abbreviate(inner) + "]\" is not "
                            + "written right; use [@key], [@key1; @key2] or [@key, p. 12]");
                    return;
                }
                items.add(m);
            }
            // AMA: the numbers of one citation in ascending order, a source cited before keeping its number
            TreeMap<Integer, List<String>> numbered = new TreeMap<>();
            for (Matcher m : items) {
                String key = m.group(1);
                Optional<String> locator = Optional.ofNullable(m.group(2));
                citations.add(new CitationUse(key, locator, at));
                if (!page.citeKeys().contains(key)) {
                    parts.add(escape(key)); // reported by validation with the nearest known key
                    continue;
                }
                int number = page.numbers().numberOf(key);
                int use = page.numbers().use(key);
                String id = use == 1 ? "cite-" + number : "cite-" + number + "-" + use;
                numbered.computeIfAbsent(number, n -> new ArrayList<>()).add("<a href=\"#ref-" + number + "\" id=\""
                        + id + "\">" + number + locator.map(l -> "(" + escape(l) + ")").orElse("") + "</a>");
            }
            List<String> inOrder = new ArrayList<>();
            numbered.values().forEach(inOrder::addAll);
            parts.addAll(0, inOrder);
            String html = "<sup class=\"cite\">" + String.join(",", parts) + "</sup>";
            // the number sits right after the word it supports, as in journals
            if (ref.getPrevious() instanceof Text text) {
                text.setChars(text.getChars().trimEnd());
            }
            // AMA style: a full stop or comma right after the citation comes before its number
            if (ref.getNext() instanceof Text next) {
                var chars = next.getChars();
                int stops = 0;
                while (stops < chars.length() && (chars.charAt(stops) == '.' || chars.charAt(stops) == ',')) {
                    stops++;
                }
                if (stops > 0) {
                    ref.insertBefore(new Text(chars.subSequence(0, stops)));
                    next.setChars(chars.subSequence(stops));
                }
            }
            ref.insertBefore(new CitationNode(ref.getChars(), html));
            ref.unlink();
        }

        /**
         * The character an old Windows program meant by a number from 128 to 159 (code page 1252:
         * 150 is an en dash), which text pasted from one often holds as {@code &#150;}; empty for
         * other numbers and for the five that code page leaves unused.
         */
        private static Optional<String> windowsMeaning(int c) {
            if (c < 0x80 || c > 0x9F) {
                return Optional.empty();
            }
            String meant = new String(new byte[] {(byte) c}, WINDOWS_1252);
            return meant.length() == 1 && meant.charAt(0) != '\uFFFD' && meant.charAt(0) != c ? Optional.of(meant)
                    : Optional.empty();
        }

        /**
         * The control character a numeric character reference such as {@code &#27;} gives, when it is
         * one content may not hold (a C0 control other than tab and line breaks, DEL, a C1 control);
         * else -1. {@code &#0;} is not one: CommonMark makes it U+FFFD.
         */
        private static int controlCharacter(String entity) {
            Matcher m = NUMERIC_ENTITY.matcher(entity);
            if (!m.matches()) {
                return -1;
            }
            String digits = m.group(1) != null ? m.group(1) : m.group(2);
            if (digits.length() > 7) {
                return -1;
            }
            int c = Integer.parseInt(digits, m.group(1) != null ? 10 : 16);
            boolean forbidden = c > 0 && c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c >= 0x7F && c <= 0x9F;
            return forbidden ? c : -1;
        }

        private SourceSpan at(Node node) {
            return offsets.at(node.getStartOffset());
        }
    }

    /** {@code text} cut to 60 characters for a message, with "..." when it was longer. */
    static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "..." : text;
    }

    static String escape(String text) {
        var out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
