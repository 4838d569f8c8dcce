package dev.patella.index;

import dev.patella.model.Condition;
import dev.patella.model.Exercise;
import dev.patella.model.Key;
import dev.patella.model.Page;
import dev.patella.model.ProgramStep;
import dev.patella.model.Prose;
import dev.patella.model.Site;
import dev.patella.model.Translation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What names each page of one folder of {@code content/} by its slug, in every language, before anything is
 * rendered: the programs that list it, the links written to it in Markdown, and the translations named after
 * it whose source does not exist. Read from the Markdown's text, so a link inside a code sample counts too: it
 * only tells {@link RenamedFiles} how often an old address is still used.
 */
final class PageUses {

    /** A link's target as Markdown or HTML writes it: {@code ](/x/)}, {@code [ref]: /x/}, {@code href="/x/"}. */
    private static final Pattern TARGET = Pattern.compile(
            "(?:\\]\\(\\s*<?|^ {0,3}\\[[^\\]\\n]+\\]:[ \\t]*<?|href=[\"'])(/[^\\s)\"'>#?]*)", Pattern.MULTILINE);

    private final Map<String, Uses> bySlug = new TreeMap<>();

    private PageUses() {
    }

    /** What names each slug of {@code folder}'s pages in {@code site} and its translations. */
    static PageUses of(Site site, PageFolder folder) {
        var out = new PageUses();
        List<String> languages = site.translations().stream().map(Translation::language).toList();
        out.texts(site.conditions(), site.exercises(), site.pages(), folder, languages);
        site.glossary().forEach(term -> out.links(term.definition(), folder, languages));
        if (folder == PageFolder.EXERCISES) {
            out.programs(site.conditions());
        }
        for (Translation t : site.translations()) {
            out.texts(t.conditions(), t.exercises(), t.pages(), folder, languages);
            t.glossary().forEach(term -> out.links(term.definition(), folder, languages));
            if (folder == PageFolder.EXERCISES) {
                out.programs(t.conditions());
            }
            t.orphans().stream().filter(o -> o.folder().equals(folder.folder()))
                    .forEach(o -> out.uses(o.slug()).orphans.add(o.file()));
        }
        return out;
    }

    /** The slugs named, each with what names it, in slug order. */
    Map<String, Uses> bySlug() {
        return bySlug;
    }

    /** Whether anything names {@code slug} (a translation named after it is no use of the page's address). */
    boolean named(String slug) {
        Uses uses = bySlug.get(slug);
        return uses != null && (!uses.programs.isEmpty() || !uses.links.isEmpty());
    }

    private Uses uses(String slug) {
        return bySlug.computeIfAbsent(slug, s -> new Uses(new ArrayList<>(), new TreeMap<>(), new TreeSet<>()));
    }

    private void texts(List<Condition> conditions, List<Exercise> exercises, List<Page> pages, PageFolder folder,
                       List<String> languages) {
        conditions.forEach(c -> c.texts().forEach(p -> links(p, folder, languages)));
        exercises.forEach(e -> e.texts().forEach(p -> links(p, folder, languages)));
        pages.forEach(p -> links(p.body(), folder, languages));
    }

    private void programs(List<Condition> conditions) {
        for (Condition c : conditions) {
            for (ProgramStep step : c.program()) {
                step.exercises().stream().filter(k -> k.several().isEmpty()).forEach(k -> uses(k.value()).programs.add(k));
            }
        }
    }

    private void links(Prose prose, PageFolder folder, List<String> languages) {
        String text = prose.markdown();
        if (text.indexOf('/') < 0) {
            return;
        }
        Matcher m = TARGET.matcher(text);
        while (m.find()) {
            String path = m.group(1);
            // a translation's link writes its source's address; one written with the language's folder means the same
            for (String language : languages) {
                if (path.startsWith("/" + language + "/")) {
                    path = path.substring(language.length() + 1);
                    break;
                }
            }
            folder.slugOf(path).ifPresent(slug -> uses(slug).links.merge(prose.at().file(), 1, Integer::sum));
        }
    }

    /**
     * What names one slug.
     *
     * @param programs the programs' items that list it
     * @param links    how many links to it each file has, by file
     * @param orphans  the translations named after it that have no source
     */
    record Uses(List<Key> programs, Map<String, Integer> links, Set<String> orphans) {

        /** The files that name it: programs' and links'. */
        Set<String> files() {
            Set<String> out = new TreeSet<>(links.keySet());
            programs.forEach(k -> out.add(k.at().file()));
            return out;
        }

        int linkCount() {
            return links.values().stream().mapToInt(Integer::intValue).sum();
        }
    }
}
