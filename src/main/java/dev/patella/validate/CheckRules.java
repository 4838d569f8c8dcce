package dev.patella.validate;

import dev.patella.diag.Diagnostics;
import dev.patella.index.SiteIndex;
import dev.patella.markdown.LinkUse;
import dev.patella.model.Editorial;
import dev.patella.model.Exercise;
import dev.patella.render.TemplateLink;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The stricter rules of {@code patella check}, on top of everything a build checks: every
 * exercise is part of a program, a page that names a clinical reviewer names a clinician, images
 * have alt text and belong to the project, and links to other sites use https.
 */
public final class CheckRules {

    private CheckRules() {
    }

    /** Reports each published exercise that no published condition's program lists. */
    public static void exercisesInPrograms(SiteIndex index, Diagnostics diagnostics) {
        var unreadable = index.site().unreadable();
        if (!unreadable.conditions().isEmpty() || unreadable.folder("conditions")) {
            return; // a program that could not be read may list any of them: its own error says why
        }
        Set<String> published = new HashSet<>();
        index.exercises().forEach(e -> published.add(e.slug()));
        boolean unresolved = index.conditions().stream().flatMap(c -> c.program().stream())
                .flatMap(step -> step.exercises().stream()).anyMatch(key -> !published.contains(key.value()));
        if (unresolved) {
            // a program's item that names no exercise (misspelt, an old slug, several as one text; reported)
            // may be meant for any of them: none is called unused until every item names one
            return;
        }
        for (Exercise e : index.exercises()) {
            if (index.usagesOf(e.slug()).isEmpty()) {
                diagnostics.error("exercise.unused", e.origin(), "the exercise \"" + e.slug() + "\" is not in any "
                        + "condition's program, so readers can only find it in the full list; add it to a "
                        + "program: list in content/conditions/, or mark it draft: true until it is");
            }
        }
    }

    /**
     * Reports each page whose {@code reviewer:} is not a person with credentials in
     * {@code content/people.yaml}: naming a reviewer claims a clinical review, and a team or a
     * person without credentials cannot give one. (An unknown name is reported by every build.)
     */
    public static void clinicalReviewers(SiteIndex index, Diagnostics diagnostics) {
        Stream.concat(index.conditions().stream().map(c -> c.editorial()),
                index.exercises().stream().map(e -> e.editorial())).forEach(e -> clinicalReviewer(index, e, diagnostics));
    }

    private static void clinicalReviewer(SiteIndex index, Editorial e, Diagnostics diagnostics) {
        e.reviewer().ifPresent(key -> index.findPerson(key.value()).filter(p -> !p.clinician())
                .ifPresent(p -> diagnostics.error("review.no-clinician", key.at(), "\"" + key.value() + "\" is "
                        + (p.organization() ? "a team" : "listed without credentials")
                        + " in content/people.yaml, so the page would claim a clinical review nobody with "
                        + "clinical training gave; name a clinician with credentials: (such as PT, DPT), or "
                        + "remove reviewer: until one has reviewed the page")));
    }

    /** Reports images without alt text or from outside the project, and links to other sites over plain http. */
    public static void linksAndImages(Collection<LinkUse> links, Diagnostics diagnostics) {
        for (LinkUse link : links) {
            if (link.image() && link.text().isBlank()) {
                diagnostics.error("image.missing-alt", link.at(), "the image " + link.target() + " has no alt text, "
                        + "so people who cannot see it get nothing; describe it: ![what it shows](" + link.target()
                        + ")");
            }
            if (link.image() && !link.internal()) {
                diagnostics.error("image.outside-project", link.at(), "the image " + link.target() + " comes from "
                        + "another site, which can change it, remove it or track readers; save it in "
                        + "content/images/ and write /images/<name>");
            } else if (link.image() && climbs(link.target())) {
                diagnostics.error("image.outside-project", link.at(), "the image path " + link.target() + " climbs "
                        + "out of the site with \"..\"; put the image in content/images/ and write /images/<name>");
            }
            if (link.target().toLowerCase(Locale.ROOT).startsWith("http://")) {
                diagnostics.warning("link.insecure", link.at(), "the link " + link.target() + " uses http://, "
                        + "which readers' browsers may block or warn about; use https:// if the site offers it");
            }
        }
    }

    /** The same rules for links and images written literally in templates. */
    public static void templateLinks(Collection<TemplateLink> links, Diagnostics diagnostics) {
        for (TemplateLink link : links) {
            switch (link.kind()) {
                case INSECURE -> diagnostics.warning("link.insecure", link.at(), "the template links to "
                        + link.target() + " over http://, which readers' browsers may block or warn about; use "
                        + "https:// if the site offers it");
                case IMAGE_WITHOUT_ALT -> diagnostics.error("image.missing-alt", link.at(), "this <img> has no alt "
                        + "attribute; add alt=\"what it shows\" (or alt=\"\" when it is only decoration)");
                default -> {
                    // checked by every build
                }
            }
        }
    }

    private static boolean climbs(String target) {
        String path = target.toLowerCase(Locale.ROOT).replace("%2e", ".").replace('\\', '/');
        for (String segment : path.split("[/#?]")) {
            if (segment.equals("..") || segment.equals(".")) {
                return true;
            }
        }
        return false;
    }
}
