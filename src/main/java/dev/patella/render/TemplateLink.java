package dev.patella.render;

import dev.patella.diag.SourceSpan;

/**
 * A link written literally in a template, found by reading the template's source.
 *
 * @param written the attribute value as written, for example {@code ${page.layout.place.root}exercises/}
 * @param target  what it points at: a site-root path ({@code /exercises/}) for {@link Kind#SITE},
 *                the anchor with its {@code #} for {@link Kind#ANCHOR}, the address for the others
 * @param at      where the attribute value starts in the template
 */
public record TemplateLink(Kind kind, String written, String target, SourceSpan at) {

    /** What kind of link the template writes. */
    public enum Kind {
        /** A page or file of this site, written from the site root. */
        SITE,
        /** A heading or section of the page itself: {@code #main}. */
        ANCHOR,
        /** Another site over https (or mailto:, tel:). */
        EXTERNAL,
        /** Another site over plain http. */
        INSECURE,
        /** A relative path such as {@code ../about/}, which breaks on pages at another depth. */
        RELATIVE,
        /** An {@code <img>} with no {@code alt} attribute ({@code target} is its {@code src}). */
        IMAGE_WITHOUT_ALT
    }
}
