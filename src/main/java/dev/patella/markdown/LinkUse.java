package dev.patella.markdown;

import dev.patella.diag.SourceSpan;

/**
 * A link or image written in Markdown. For links to this site {@code target} is the site-root
 * path as written ({@code /exercises/clamshell/#steps}), a same-page {@code #anchor} made
 * absolute ({@code /exercises/clamshell/#steps}); for other sites it is the address as written
 * ({@code https://example.org/}).
 *
 * @param text the link text or the image's alt text, as written; empty when there is none
 */
public record LinkUse(String target, boolean image, String text, SourceSpan at) {

    /** Whether the link points at this site (and so can be checked against its pages and files). */
    public boolean internal() {
        return target.startsWith("/");
    }
}
