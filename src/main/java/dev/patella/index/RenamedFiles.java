package dev.patella.index;

import dev.patella.diag.Diagnostics;
import dev.patella.diag.SourceSpan;
import dev.patella.model.Key;
import dev.patella.model.Site;
import dev.patella.model.Translation;
import dev.patella.source.Scaffold;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds a page whose file was renamed while what names it was not. The evidence must be strong, as the error
 * takes the place of the errors at each use: a translation is still named after the old file (so that file
 * existed), no page has the old slug any more, and exactly one page that nothing names yet has a title that,
 * written as a slug, is the old name (the file was renamed, its title kept). That is one mistake, told once at
 * the renamed file, not once at each program, link and translation (nor as a glossary term that only the
 * orphaned translation used): those are passed over as they are for a file that could not be read. A name
 * that is only near the old one is no evidence: a typo in a program, or a page deleted while a new one with a
 * similar name was added, is told at each use. Also reports the translations without a source that no rename
 * explains.
 */
public final class RenamedFiles {

    private RenamedFiles() {
    }

    /**
     * @param reserved the addresses and slugs the site itself takes, which a link to names no page of ours
     * @return {@code site} with each renamed page's old slug among the files that could not be read, in every
     *         language, so that what names it is not reported again; {@code site} itself when nothing was renamed
     */
    public static Site settle(Site site, Reserved reserved, Diagnostics diagnostics) {
        Map<PageFolder, Set<String>> oldSlugs = new HashMap<>();
        for (PageFolder folder : PageFolder.values()) {
            List<Rename> renames = find(site, folder, reserved);
            renames.forEach(r -> r.report(folder, diagnostics));
            Set<String> old = new HashSet<>();
            renames.forEach(r -> old.add(r.oldSlug()));
            oldSlugs.put(folder, old);
        }
        for (Translation t : site.translations()) {
            for (Translation.Orphan orphan : t.orphans()) {
                String folder = orphan.folder();
                boolean renamed = oldSlugs.entrySet().stream().anyMatch(e -> e.getKey().folder().equals(folder)
                        && e.getValue().contains(orphan.slug()));
                if (!renamed) {
                    diagnostics.error("translation.no-source", SourceSpan.startOf(orphan.file()), orphan.file()
                            + " translates " + Translation.sourceFile(orphan.file(), t.language()) + ", which does not "
                            + "exist; a translation keeps its source's file name: " + orphan.near().map(n -> "rename "
                            + "it to " + n + ", the file of content/" + folder + "/ it is most likely a translation of")
                            .orElse("rename it to match a file of content/" + folder + "/, or remove it"));
                }
            }
        }
        if (oldSlugs.values().stream().allMatch(Set::isEmpty)) {
            return site;
        }
        var unreadable = site.unreadable();
        for (PageFolder folder : PageFolder.values()) {
            unreadable = folder.withUnread(unreadable, oldSlugs.get(folder));
        }
        List<Translation> translations = new ArrayList<>();
        for (Translation t : site.translations()) {
            var unread = t.unread();
            for (PageFolder folder : PageFolder.values()) {
                unread = folder.withUnread(unread, oldSlugs.get(folder));
            }
            translations.add(t.withUnread(unread));
        }
        return new Site(site.config(), site.people(), site.references(), site.conditions(), site.exercises(),
                site.pages(), site.files(), unreadable, site.glossary(), translations);
    }

    /** The pages of {@code folder} renamed while what names them was not, in file order. */
    private static List<Rename> find(Site site, PageFolder folder, Reserved reserved) {
        List<PageFolder.Named> pages = folder.pages(site);
        Set<String> offered = new TreeSet<>(folder.unread(site.unreadable()));
        Set<String> kept = new HashSet<>();
        for (PageFolder.Named page : pages) {
            offered.add(page.slug());
            page.movedFrom().forEach(k -> kept.add(k.value().startsWith("/") ? k.value() : folder.address(k.value())));
        }
        if (!orphaned(site, folder)) {
            return List.of();
        }
        PageUses uses = PageUses.of(site, folder);
        Map<String, String> meant = new HashMap<>(); // a renamed page's slug to its old one
        Set<String> twice = new HashSet<>();
        uses.bySlug().forEach((old, named) -> {
            boolean gone = !offered.contains(old) && !kept.contains(folder.address(old))
                    && !reserved.urls().contains(folder.address(old)) && !reserved.slugs().contains(old);
            if (!gone || named.orphans().isEmpty()) {
                return;
            }
            only(pages.stream().filter(p -> !uses.named(p.slug()) && Scaffold.slugFor(p.title()).equals(old))
                    .map(PageFolder.Named::slug).toList()).ifPresent(slug -> {
                        if (meant.putIfAbsent(slug, old) != null) {
                            twice.add(slug); // two old slugs for one page: which one it had is not clear
                        }
                    });
        });
        twice.forEach(meant::remove);
        List<Rename> out = new ArrayList<>();
        for (PageFolder.Named page : pages) {
            String old = meant.get(page.slug());
            if (old != null && !page.stem().equals(old)) {
                out.add(new Rename(page, old, uses.bySlug().get(old)));
            }
        }
        return out;
    }

    /**
     * Whether a translation in {@code folder} is left without a source, the sign a rename needs, which costs
     * nothing to see. Only then are the links of every text read ({@link PageUses}), which at 4,000 pages would
     * cost a build a few hundred milliseconds.
     */
    private static boolean orphaned(Site site, PageFolder folder) {
        return site.translations().stream().flatMap(t -> t.orphans().stream())
                .anyMatch(o -> o.folder().equals(folder.folder()));
    }

    private static Optional<String> only(List<String> slugs) {
        return slugs.size() == 1 ? Optional.of(slugs.get(0)) : Optional.empty();
    }

    /** A page found renamed: it was {@code oldSlug}, which {@code uses} still name. */
    private record Rename(PageFolder.Named page, String oldSlug, PageUses.Uses uses) {

        void report(PageFolder folder, Diagnostics diagnostics) {
            String was = "content/" + folder.folder() + "/" + oldSlug + ".md";
            String now = page.slug();
            List<String> users = new ArrayList<>();
            List<String> fixes = new ArrayList<>();
            if (!uses.programs().isEmpty()) {
                Key first = uses.programs().stream().min((a, b) -> a.at().compareTo(b.at())).orElseThrow();
                int n = uses.programs().size();
                users.add((n == 1 ? "the program at " : n + " programs (the first: ") + first.at().file() + ":"
                        + first.at().line() + (n == 1 ? "" : ")"));
                fixes.add("write \"" + now + "\" in the program" + (n == 1 ? "" : "s"));
            }
            if (!uses.links().isEmpty()) {
                int n = uses.linkCount();
                // the first in a file of the default language, where an editor looks first
                List<String> folders = uses.orphans().stream()
                        .map(o -> o.substring(0, o.indexOf('/', "content/".length()) + 1)).toList();
                String first = uses.links().keySet().stream().filter(f -> folders.stream().noneMatch(f::startsWith))
                        .findFirst().orElse(uses.links().keySet().iterator().next());
                users.add(n == 1 ? "a link in " + first : n + " links (the first in " + first + ")");
                fixes.add("link to " + folder.address(now));
            }
            String renameOrphans = "";
            if (!uses.orphans().isEmpty()) {
                List<String> orphans = List.copyOf(uses.orphans());
                users.add(0, (orphans.size() == 1 ? "its translation " : "its translations ") + String.join(", ", orphans));
                renameOrphans = "rename " + String.join(", ", orphans) + " to " + page.stem() + ".md";
                fixes.add(0, renameOrphans);
            }
            diagnostics.error("page.renamed", page.origin(), "this page was " + was + ", and " + joined(users)
                    + (users.size() == 1 && uses.orphans().size() + uses.programs().size() + uses.linkCount() == 1 ? " still uses"
                    : " still use") + " the old name " + oldSlug + "; rename this file back to " + oldSlug + ".md (or, "
                    + "to keep its new name, " + (renameOrphans.isEmpty() ? "" : renameOrphans + " and ") + "write "
                    + "\"slug: " + oldSlug + "\" in this file's front matter; or, to move the page to " + folder.address(now)
                    + (page.draft() ? ", " + joined(fixes) + "; a draft was never published, so it needs no "
                    + "moved_from)" : " for good, " + String.join(", ", fixes) + ", and add \"moved_from: [" + oldSlug
                    + "]\" here)"));
        }

        private static String joined(List<String> parts) {
            if (parts.size() == 1) {
                return parts.get(0);
            }
            return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
        }
    }
}
