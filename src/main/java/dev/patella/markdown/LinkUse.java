package dev.patella.markdown;

import dev.patella.diag.SourceSpan;

/**
 * An internal link or image in Markdown: {@code target} is the site-root path as written
 * ({@code /exercises/clamshell/#steps}), or {@code #anchor} for a link within the same page.
 */
public record LinkUse(String target, boolean image, SourceSpan at) {
}
