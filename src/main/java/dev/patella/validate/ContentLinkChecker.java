package dev.patella.validate;

import dev.patella.diag.Diagnostics;
import dev.patella.diag.Suggestions;
import dev.patella.index.SourcePages;
import dev.patella.index.Urls;
import dev.patella.markdown.LinkUse;
import dev.patella.model.Condition;
import dev.patella.model.Exercise;
import dev.patella.model.Page;
import dev.patella.model.Site;
import dev.patella.model.Unreadable;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Checks that every link and image in the content that points at this site finds a page,
 * heading or file the site really has. Links to other sites are left alone.
 *
 * @param pages   every page URL ({@code /exercises/clamshell/}) with the ids its HTML holds
 * @param files   every other file the site publishes, as site paths ({@code /images/clamshell.svg})
 * @param broken  pages whose own file has errors, so they could not be made: links to them are
 *                not reported (the file's errors say what to fix)
 * @param unreadFolders content folders that are not folders ({@code "conditions"}, {@code "images"}…):
 *                links to what they would publish are not reported (the folder's error says what to fix)
 * @param drafts  the pages left out because they are drafts, by site URL, with the file that says so
 * @param otherLanguages the prefixes of the editions in other languages than the default ({@code /es}):
 *                a broken link's "did you mean" names a page of its own language only
 * @param moved   the old addresses pages keep ({@code moved_from:}), by site path, each with the page's
 *                site path now: a link to one still leads to the page, and is told the address to write
 * @param renamed the addresses pages would have by their file names, which a {@code slug:} changed and no
 *                {@code moved_from:} keeps, by site path: a link to one is told the address now and
 *                {@code moved_from:}
 * @param sourceForms each translated page's site path ({@code /es/exercises/almeja/}) with the address a
 *                translation's link writes for it, its source's ({@code /exercises/clamshell/}): the
 *                "did you mean" of a broken link in a translation
 */
public record ContentLinkChecker(Map<String, Set<String>> pages, Set<String> files, Set<String> broken,
                                 Set<String> unreadFolders, Map<String, String> drafts, List<String> otherLanguages,
                                 Map<String, String> moved, Map<String, Renamed> renamed,
                                 Map<String, String> sourceForms) {

    /**
     * A page whose file name is not its slug.
     *
     * @param file   the file whose {@code moved_from:} would keep the old address (a translation's source,
     *               when the translation takes its slug from it)
     * @param oldKey the slug it had by its file name, as {@code moved_from:} writes it
     * @param address the address a link written where the old one was should name
     * @param slugIn the file whose {@code slug:} gave it its address now
     */
    public record Renamed(String file, String oldKey, String address, String slugIn) {
    }

    /** A link to another site: a scheme or {@code //}; compiled once, as it runs for every link. */
    private static final Pattern OTHER_SITE =
            Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*:|//).*");

    /** A page of a language other than the default one: {@code /es/pages-path/}, its code and the path without it. */
    private static final Pattern LANGUAGE_PREFIX = Pattern.compile("/([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)(/.+)");

    public ContentLinkChecker {
        pages = Map.copyOf(pages);
        files = Set.copyOf(files);
        broken = Set.copyOf(broken);
        unreadFolders = Set.copyOf(unreadFolders);
        drafts = Map.copyOf(drafts);
        otherLanguages = List.copyOf(otherLanguages);
        moved = Map.copyOf(moved);
        renamed = Map.copyOf(renamed);
        sourceForms = Map.copyOf(sourceForms);
    }

    /** A checker of a site whose pages keep the addresses of their slugs. */
    public ContentLinkChecker(Map<String, Set<String>> pages, Set<String> files, Set<String> broken,
                              Set<String> unreadFolders, Map<String, String> drafts, List<String> otherLanguages,
                              Map<String, String> moved) {
        this(pages, files, broken, unreadFolders, drafts, otherLanguages, moved, Map.of(), Map.of());
    }

    /** A checker of a site whose pages keep no old address. */
    public ContentLinkChecker(Map<String, Set<String>> pages, Set<String> files, Set<String> broken,
                              Set<String> unreadFolders, Map<String, String> drafts, List<String> otherLanguages) {
        this(pages, files, broken, unreadFolders, drafts, otherLanguages, Map.of());
    }

    /** A checker of a site in one language that knows of no drafts. */
    public ContentLinkChecker(Map<String, Set<String>> pages, Set<String> files, Set<String> broken,
                              Set<String> unreadFolders) {
        this(pages, files, broken, unreadFolders, Map.of(), List.of(), Map.of());
    }

    /**
     * The pages of {@code site}, the edition published under {@code prefix}, that are drafts, by
     * site URL, with the file that says {@code draft: true} (a translation's source, when that is a draft: a
     * translation of a draft is a draft too): a link to one is broken until it is published, and says so.
     */
    public static Map<String, String> draftPages(String prefix, Site site, SourcePages sourcePages) {
        Map<String, String> out = new HashMap<>();
        String language = site.config().language();
        site.conditions().stream().filter(Condition::draft).forEach(c -> {
            String file = sourcePages.draftSaidIn(c.origin().file(), language);
            out.put(prefix + Urls.condition(c.slug()), file);
            out.put(prefix + Urls.program(c.slug()), file);
        });
        site.exercises().stream().filter(Exercise::draft).forEach(e -> out.put(prefix + Urls.exercise(e.slug()),
                sourcePages.draftSaidIn(e.origin().file(), language)));
        site.pages().stream().filter(Page::draft).forEach(p -> out.put(prefix + Urls.page(p.slug()),
                sourcePages.draftSaidIn(p.origin().file(), language)));
        return out;
    }

    /**
     * The pages of the edition published under {@code prefix} ({@code ""} for the default language,
     * {@code "/es"}) that would come from files that could not be read: links to them are not
     * reported, whether the page is in the default language or a translation (its file's errors
     * say what to fix; a link to it is no second mistake).
     */
    public static Set<String> unreadPages(String prefix, Unreadable unreadable) {
        Set<String> out = new HashSet<>();
        unreadable.exercises().forEach(slug -> out.add(prefix + Urls.exercise(slug)));
        unreadable.conditions().forEach(slug -> {
            out.add(prefix + Urls.condition(slug));
            out.add(prefix + Urls.program(slug));
        });
        unreadable.pages().forEach(slug -> out.add(prefix + Urls.page(slug)));
        return out;
    }

    /** Whether {@code path} could only have come from something that could not be read. */
    private boolean unknowable(String path) {
        if (broken.contains(path)) {
            return true;
        }
        // a folder of pictures refused whole (a link to a folder): "/images/ext/", and each file under it
        if (!broken.isEmpty() && path.startsWith("/images/")) {
            for (String refused : broken) {
                if (refused.startsWith("/images/") && refused.endsWith("/") && path.startsWith(refused)) {
                    return true;
                }
            }
        }
        if (unreadFolders.isEmpty()) {
            return false; // the common case, on every link of every page
        }
        // a page of another language comes from its folder there and, as a translation, from the source's
        String inEdition = path.substring(languageOf(path).length());
        return unreadFolders.stream().anyMatch(folder -> (Urls.mayComeFrom(folder, path)
                || Urls.mayComeFrom(folder, inEdition)) && !pages.containsKey(path));
    }

    public void check(List<LinkUse> links, Diagnostics diagnostics) {
        for (LinkUse link : links) {
            if (!link.internal() && OTHER_SITE.matcher(link.target()).matches()) {
                continue; // another site
            }
            String target = link.target();
            String path = pathOf(target);
            String anchor = anchorOf(target);
            if (unknowable(path)) {
                continue;
            }
            String movedTo = moved.get(path);
            if (movedTo != null && !link.image()) {
                // the old address still leads there; the page's own address is one step shorter, and keeps the #part
                String now = movedTo + (anchor.isEmpty() ? "" : "#" + anchor);
                if (!resolves(now)) {
                    diagnostics.error("link.broken-anchor", link.at(), "the link points at " + path + ", an old "
                            + "address of the page now at " + movedTo + ", which has no heading or section with the id \""
                            + anchor + "\"" + hint(anchor, pages.getOrDefault(movedTo, Set.of())));
                    continue;
                }
                diagnostics.warning("link.moved", link.at(), "the link points at " + path + ", an old address of the "
                        + "page now at " + movedTo + " (kept with moved_from, so it still leads there); link to "
                        + now + " instead");
                continue;
            }
            if (link.image() || files.contains(path)) {
                if (!files.contains(path)) {
                    diagnostics.error("link.missing-file", link.at(), "there is no file " + path + " in the site; "
                            + "put it under content/images/ and link it as /images/<name>" + hint(path, files));
                }
                continue;
            }
            Set<String> ids = pages.get(path);
            if (ids == null && drafts.containsKey(path)) {
                diagnostics.error("link.broken", link.at(), "the link points at " + path + ", a draft (\"draft: "
                        + "true\" in " + drafts.get(path) + "), which is not published; publish it, or leave the link "
                        + "out until it is (build --drafts and serve show drafts)");
                continue;
            }
            if (ids == null) {
                var untranslated = LANGUAGE_PREFIX.matcher(path);
                if (untranslated.matches() && pages.containsKey(untranslated.group(2))) {
                    diagnostics.error("link.broken", link.at(), "the link points at " + path + ", but the page "
                            + untranslated.group(2) + " has no translation into " + untranslated.group(1)
                            + " yet; translate that page too (same file name, under content/" + untranslated.group(1)
                            + "/), or leave the link out until it is");
                    continue;
                }
                Renamed r = renamed.get(path);
                String prefix = languageOf(path);
                boolean inTranslation = !prefix.isEmpty() && link.at().file().startsWith("content" + prefix + "/");
                if (r != null) {
                    diagnostics.error("link.broken", link.at(), "the link points at " + path + ", but the \"slug:\" line "
                            + "of " + r.slugIn() + " gives that page another address; link to " + r.address() + " instead"
                            + (inTranslation ? " (a translation's links name a page by its source's address)" : "")
                            + ", or keep the old address leading to it (bookmarks, printed handouts, other sites) "
                            + "with \"moved_from: [" + r.oldKey() + "]\" in " + r.file());
                    continue;
                }
                String fix = pages.containsKey(path + "/") ? "; add the closing slash: " + path + "/"
                        : inTranslation ? translationHint(path.substring(prefix.length()), asTranslationsWrite(prefix, path))
                        : hint(path, sameLanguage(path));
                // a translation writes its source's address, which its page shows under the language's folder
                String shown = inTranslation ? path.substring(prefix.length()) + " (" + path + " on this page)" : path;
                diagnostics.error("link.broken", link.at(), "the link points at " + shown
                        + ", but the site has no such page" + fix);
            } else if (!anchor.isEmpty() && !ids.contains(anchor)) {
                // a glossary entry's id is its key with "term-" before it: #kneecap means #term-kneecap
                String hint = ids.contains("term-" + anchor) ? "; did you mean term-" + anchor + "? (a glossary "
                        + "entry's id is \"term-\" and its key)" : hint(anchor, ids);
                diagnostics.error("link.broken-anchor", link.at(), "the page " + path + " has no heading or "
                        + "section with the id \"" + anchor + "\"" + (hint.isEmpty() ? sections(ids) : hint));
            }
        }
    }

    /** @return whether the site has the page (and heading) or file {@code target} points at */
    public boolean resolves(String target) {
        String path = pathOf(target);
        String anchor = anchorOf(target);
        if (files.contains(path)) {
            return anchor.isEmpty();
        }
        if (unknowable(path)) {
            return true;
        }
        String movedTo = moved.get(path);
        if (movedTo != null) {
            return resolves(movedTo + (anchor.isEmpty() ? "" : "#" + anchor));
        }
        Set<String> ids = pages.get(path);
        return ids != null && (anchor.isEmpty() || ids.contains(anchor));
    }

    /**
     * The page or file a site-root target names: the target without its {@code ?query} (which the
     * page reads in the browser, as {@code /search/?q=glute} does) and its {@code #anchor}.
     */
    public static String pathOf(String target) {
        int hash = target.indexOf('#');
        String beforeAnchor = hash < 0 ? target : target.substring(0, hash);
        int query = beforeAnchor.indexOf('?');
        return query < 0 ? beforeAnchor : beforeAnchor.substring(0, query);
    }

    /**
     * A site-root target as the finished page's links are read ({@code /search/?q=glute#results}
     * is {@code /search/#results}): its path and anchor, without its {@code ?query}.
     */
    public static String withoutQuery(String target) {
        int hash = target.indexOf('#');
        int query = target.indexOf('?');
        if (query < 0 || hash >= 0 && query > hash) {
            return target;
        }
        return target.substring(0, query) + (hash < 0 ? "" : target.substring(hash));
    }

    /** The anchor of a site-root target, without its {@code #}; empty when it has none. */
    /** The part of {@code target} after its {@code #}, or nothing. */
    public static String anchorOf(String target) {
        int hash = target.indexOf('#');
        return hash < 0 ? "" : target.substring(hash + 1);
    }

    /**
     * The pages in the same language as {@code path}: an English link that misses is not sent to a
     * Spanish page that happens to be spelt closer, nor to an old address.
     */
    private Set<String> sameLanguage(String path) {
        String language = languageOf(path);
        Set<String> out = new HashSet<>();
        // an old address a page keeps is no page to suggest: its page is
        pages.keySet().stream().filter(p -> languageOf(p).equals(language) && !moved.containsKey(p)).forEach(out::add);
        return out;
    }

    /**
     * The pages of {@code path}'s language as a translation's links name them: by their source's address
     * ({@code /exercises/clamshell/}), the README's rule for links in a translation.
     */
    private Set<String> asTranslationsWrite(String prefix, String path) {
        Set<String> out = new HashSet<>();
        for (String page : sameLanguage(path)) {
            out.add(sourceForms.getOrDefault(page, page.substring(prefix.length())));
        }
        return out;
    }

    /** The prefix of the edition a site path is in ({@code /es}), {@code ""} for the default language. */
    private String languageOf(String path) {
        for (String prefix : otherLanguages) {
            if (path.startsWith(prefix + "/")) {
                return prefix;
            }
        }
        return "";
    }

    /** Ids a page gives its citation marks and numbered references, which no editor links to by hand. */
    private static final Pattern NUMBERED = Pattern.compile("(?:cite|ref)-[0-9-]+");
    private static final int SECTIONS_SHOWN = 15;

    /** The ids a link to the page can name, for a message: its headings' and sections' ids, alphabetically. */
    private static String sections(Set<String> ids) {
        List<String> named = new TreeSet<>(ids).stream().filter(id -> !NUMBERED.matcher(id).matches()).toList();
        if (named.isEmpty()) {
            return "; it has no heading or section to link to: link to the page itself";
        }
        return "; its ids are " + String.join(", ", named.subList(0, Math.min(SECTIONS_SHOWN, named.size())))
                + (named.size() > SECTIONS_SHOWN ? " and " + (named.size() - SECTIONS_SHOWN) + " more" : "");
    }

    /**
     * The "did you mean" of a broken link in a translation, written as its source's address: a page of the
     * translation's language, or else one of the default language not translated yet (a page renamed in the
     * default language while its translation kept the old name: linking to it is told to translate it).
     */
    private String translationHint(String wrong, Set<String> translated) {
        String hint = hint(wrong, translated);
        return hint.isEmpty() ? hint(wrong, sameLanguage(wrong)) : hint;
    }

    private static String hint(String wrong, Set<String> known) {
        return Suggestions.closest(wrong, new TreeSet<>(known)).or(() -> renamed(wrong, known))
                .map(k -> "; did you mean " + k + "?").orElse("");
    }

    /**
     * The one page of the folder {@code wrong} is in whose name starts the wrong one's or starts with
     * it, as a renamed file's often does ({@code /pain/} for {@code /pain-guide/}); empty when there is
     * no such page, or more than one.
     */
    private static Optional<String> renamed(String wrong, Set<String> known) {
        String bare = wrong.endsWith("/") ? wrong.substring(0, wrong.length() - 1) : wrong;
        String folder = bare.substring(0, bare.lastIndexOf('/') + 1);
        Map<String, String> byName = new TreeMap<>();
        for (String path : known) {
            String name = path.endsWith("/") && path.length() > folder.length() && path.startsWith(folder)
                    ? path.substring(folder.length(), path.length() - 1) : "";
            if (!name.isEmpty() && name.indexOf('/') < 0) {
                byName.put(name, path);
            }
        }
        return Suggestions.closestOrStart(bare.substring(folder.length()), byName.keySet()).map(byName::get);
    }
}
