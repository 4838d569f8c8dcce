package dev.patella.markdown;

import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Node;
import java.util.ArrayDeque;
import java.util.Optional;

/**
 * Measures a parsed document without recursion, before anything walks it recursively (our own
 * link checks, Flexmark's HTML renderer). {@link MarkdownLimits} refuses the shapes known to nest
 * deep; this catches any other, such as emphasis built up from many separate markers.
 */
final class TreeDepth {

    /** Nodes inside each other: 2 per list level, 1 per quote, plus inline nesting, with room to spare. */
    static final int MAX_DEPTH = 2 * MarkdownLimits.MAX_BLOCK_DEPTH + MarkdownLimits.MAX_INLINE_DEPTH + 10;

    static final String MESSAGE = "lists, quotes, links or emphasis are nested more than "
            + MarkdownLimits.MAX_INLINE_DEPTH + " levels deep here; flatten the text, or write a mark that is "
            + "only text with a backslash before it (\\* or \\[)";

    private TreeDepth() {
    }

    /** The first node (in document order) that is nested too deep; empty when none is. */
    static Optional<Node> firstTooDeep(Node root) {
        record Visit(Node node, int depth, int inline) {
        }
        var stack = new ArrayDeque<Visit>();
        stack.push(new Visit(root, 0, 0));
        while (!stack.isEmpty()) {
            Visit v = stack.pop();
            if (v.depth() > MAX_DEPTH || v.inline() > MarkdownLimits.MAX_INLINE_DEPTH + 1) {
                return Optional.of(v.node());
            }
            // pushed last child first, so the first child is visited first
            for (Node child = v.node().getLastChild(); child != null; child = child.getPrevious()) {
                boolean inline = !(child instanceof Block);
                stack.push(new Visit(child, v.depth() + 1, inline ? v.inline() + 1 : 0));
            }
        }
        return Optional.empty();
    }
}
