package dev.patella.validate;

import dev.patella.diag.Diagnostics;
import dev.patella.markdown.LinkUse;
import dev.patella.render.TemplateLink;
import dev.patella.source.ExampleAddresses;
import java.util.Collection;

/**
 * A rule of {@code patella check}: no published link goes to a name reserved for examples
 * ({@code example.org}, {@code *.test}, ...; see {@link ExampleAddresses}), whether written in
 * Markdown or in a template. Such a link sends readers nowhere; it is a placeholder left in.
 */
public final class ExampleDomainRules {

    private ExampleDomainRules() {
    }

    /** Reports each Markdown link or image whose address is on a reserved example name. */
    public static void links(Collection<LinkUse> links, Diagnostics diagnostics) {
        for (LinkUse link : links) {
            ExampleAddresses.reservedName(link.target()).ifPresent(name -> diagnostics.error("link.example-domain",
                    link.at(), "the " + (link.image() ? "image" : "link") + " " + link.target() + " goes to " + name
                            + ", a name reserved for examples (RFC 2606) that no real site or mailbox has; put the "
                            + "real address in, or remove the link"));
        }
    }

    /** Reports each address a template writes literally on a reserved example name. */
    public static void templateLinks(Collection<TemplateLink> links, Diagnostics diagnostics) {
        for (TemplateLink link : links) {
            ExampleAddresses.reservedName(link.target()).ifPresent(name -> diagnostics.error("link.example-domain",
                    link.at(), "the template links to " + link.target() + ", on " + name + ", a name reserved for "
                            + "examples (RFC 2606) that no real site has; put the real address in, or take the link "
                            + "out of the template"));
        }
    }
}
