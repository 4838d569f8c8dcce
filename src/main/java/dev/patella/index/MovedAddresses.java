package dev.patella.index;

import dev.patella.diag.Diagnostics;
import dev.patella.diag.SourceSpan;
import dev.patella.model.Condition;
import dev.patella.model.Exercise;
import dev.patella.model.Key;
import dev.patella.model.Page;
import dev.patella.model.Site;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Which old addresses each published page keeps ({@code moved_from:}), each sent on to the page's
 * address now. An old address is refused, reported at the line that names it, when a page of the
 * edition (a draft too, which will be published one day) or the site itself has it
 * ({@code moved.clash}), when another page claimed it first ({@code moved.duplicate}), and when it
 * is the page's own address ({@code moved.own-address}). An old slug is read as the address a page
 * of the same kind had under it. A condition's old address keeps its printable program's too
 * ({@code /conditions/old/program/}).
 */
public final class MovedAddresses {

    /** The folders of the site's content pages, which old addresses of two parts or more may be in. */
    private static final Set<String> PAGE_FOLDERS = Set.of("exercises", "conditions");

    /**
     * An old address kept.
     *
     * @param to     the page's address now, in the same edition
     * @param at     where the old address is written ({@code moved_from:})
     * @param origin the content file of the page
     */
    public record Move(String to, SourceSpan at, SourceSpan origin) {
    }

    /** One old address a page claims. */
    private record Claim(String from, String to, Key written, SourceSpan origin) {

        /**
         * Whether a translation keeps it from its source's {@code moved_from:}: the default language's
         * edition has judged it already, at the same line, so it is told again only for what this
         * edition alone has (a translation at a slug of its own).
         */
        boolean inherited() {
            return !written.at().file().equals(origin.file());
        }
    }

    private MovedAddresses() {
    }

    /**
     * @param site     one edition, its slugs settled
     * @param drafts   whether drafts are published: a draft keeps its old addresses only then
     * @param reserved what the site takes itself
     * @return every old address kept, by its address in the edition ({@code /exercises/clamshell/}), in order
     */
    static Map<String, Move> of(Site site, boolean drafts, Reserved reserved, Diagnostics diagnostics) {
        Map<String, String> owners = owners(site, reserved);
        Set<String> ownSlugs = ownSlugs(site);
        List<Claim> claims = new ArrayList<>();
        for (Condition c : site.conditions()) {
            if (drafts || !c.draft()) {
                claim(c.movedFrom(), Urls::condition, Urls.condition(c.slug()), c.origin(), claims);
            }
        }
        for (Exercise e : site.exercises()) {
            if (drafts || !e.draft()) {
                claim(e.movedFrom(), Urls::exercise, Urls.exercise(e.slug()), e.origin(), claims);
            }
        }
        for (Page p : site.pages()) {
            if (drafts || !p.draft()) {
                claim(p.movedFrom(), Urls::page, Urls.page(p.slug()), p.origin(), claims);
            }
        }
        claims.sort(Comparator.comparing((Claim c) -> c.written().at()));
        Map<String, Move> kept = new LinkedHashMap<>();
        for (Claim claim : claims) {
            if (accepted(claim, owners, ownSlugs, reserved, kept, diagnostics)) {
                kept.put(claim.from(), new Move(claim.to(), claim.written().at(), claim.origin()));
                // a condition's printable program is at an address below its own: it moved with it
                String program = claim.from() + "program/";
                if (claim.to().startsWith("/conditions/") && claim.from().matches("/conditions/[^/]+/")
                        && !owners.containsKey(program) && !kept.containsKey(program)) {
                    kept.put(program, new Move(claim.to() + "program/", claim.written().at(), claim.origin()));
                }
            }
        }
        return new TreeMap<>(kept);
    }

    private static void claim(List<Key> written, Function<String, String> urlOfSlug, String own, SourceSpan origin,
                              List<Claim> claims) {
        for (Key key : written) {
            String from = key.value().startsWith("/") ? key.value() : urlOfSlug.apply(key.value());
            claims.add(new Claim(from, own, key, origin));
        }
    }

    /** Whether {@code claim} may keep its old address; reports why not. */
    private static boolean accepted(Claim claim, Map<String, String> owners, Set<String> ownSlugs, Reserved reserved,
                                    Map<String, Move> kept, Diagnostics diagnostics) {
        // an inherited address refused for a reason the default language's edition gave at that line is not told again
        boolean told = !claim.inherited() || ownSlugs.contains(claim.from());
        return judged(claim, owners, reserved, kept, told ? diagnostics : new Diagnostics());
    }

    private static boolean judged(Claim claim, Map<String, String> owners, Reserved reserved,
                                  Map<String, Move> kept, Diagnostics diagnostics) {
        String from = claim.from();
        SourceSpan at = claim.written().at();
        String start = "the old address " + from + " ";
        if (from.equals(claim.to())) {
            diagnostics.error("moved.own-address", at, start + "is this page's own address now, so there is nothing"
                    + " to keep; remove it from moved_from (list only the addresses the page had before)");
            return false;
        }
        String owner = owners.get(from);
        if (owner != null) {
            diagnostics.error("moved.clash", at, start + "is the address of " + owner + ", so it cannot lead to "
                    + "this page as well; remove it from moved_from (or give that page another slug first)");
            return false;
        }
        String[] parts = from.substring(1).split("/");
        boolean ownFolder = parts.length == 1 ? reserved.slugs().contains(parts[0])
                : reserved.slugs().contains(parts[0]) && !PAGE_FOLDERS.contains(parts[0]);
        if (ownFolder) {
            diagnostics.error("moved.clash", at, start + "is in /" + parts[0] + "/, which the site keeps for its own "
                    + "pages and files, so no page can have had it; remove it from moved_from");
            return false;
        }
        Move earlier = kept.get(from);
        if (earlier != null) {
            String where = earlier.at().file().equals(at.file()) ? "this file already lists it at line "
                    + earlier.at().line() + "; list it once"
                    : earlier.at().file() + " already keeps it (line " + earlier.at().line() + "), and one old address can "
                    + "lead to one page only; remove it from one of them";
            diagnostics.error("moved.duplicate", at, start + "is kept twice: " + where);
            return false;
        }
        return true;
    }

    /**
     * The addresses of the edition's translations at slugs of their own ({@code slug: almeja}), which
     * no page of the default language has; empty in the default language's edition.
     */
    private static Set<String> ownSlugs(Site site) {
        Set<String> out = new HashSet<>();
        if (site.config().isDefaultEdition()) {
            return out;
        }
        for (Condition c : site.conditions()) {
            if (!c.slugAt().equals(c.origin())) {
                out.add(Urls.condition(c.slug()));
                out.add(Urls.program(c.slug()));
            }
        }
        site.exercises().stream().filter(e -> !e.slugAt().equals(e.origin())).forEach(e -> out.add(Urls.exercise(e.slug())));
        site.pages().stream().filter(p -> !p.slugAt().equals(p.origin())).forEach(p -> out.add(Urls.page(p.slug())));
        return out;
    }

    /**
     * Who has each address of the edition now, in words: every page made from content (drafts too)
     * and the site's own pages.
     */
    private static Map<String, String> owners(Site site, Reserved reserved) {
        Map<String, String> out = new HashMap<>();
        reserved.urls().forEach(url -> out.put(url, "a page the site makes itself"));
        out.put(Urls.HOME, "the home page");
        if (!site.glossary().isEmpty()) {
            out.put(Urls.GLOSSARY, "the glossary");
        }
        for (Condition c : site.conditions()) {
            out.putIfAbsent(Urls.condition(c.slug()), c.origin().file());
            out.putIfAbsent(Urls.program(c.slug()), "the printable program of " + c.origin().file());
        }
        site.exercises().forEach(e -> out.putIfAbsent(Urls.exercise(e.slug()), e.origin().file()));
        site.pages().forEach(p -> out.putIfAbsent(Urls.page(p.slug()), p.origin().file()));
        return out;
    }
}
