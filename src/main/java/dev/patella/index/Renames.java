package dev.patella.index;

import dev.patella.diag.SourceSpan;
import dev.patella.diag.Suggestions;
import dev.patella.model.Key;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Finds the entries of a file of entries ({@code people.yaml}, {@code sources.yaml}) whose id was
 * changed by mistake: several pages name an id that no entry has, and the entry closest to it (as
 * "did you mean" finds it) is named by no page. Shared by {@link RenamedPeople} and
 * {@link RenamedSources}.
 */
final class Renames {

    /** Fewer pages naming the id may as well have the typo themselves: each is told so at its line. */
    static final int PAGES = 2;

    private Renames() {
    }

    /**
     * @param ids     the entries' ids
     * @param offered the ids "did you mean" chooses among: the entries' and those of entries that could not be read
     * @param unknown each id no entry has, with the keys of the pages that name it
     * @param named   whether any page, a draft or a translation included, names an entry's id
     * @return an entry's id, for each entry renamed by mistake, to the id its pages use
     */
    static Map<String, String> meant(Set<String> ids, Set<String> offered, Map<String, List<Key>> unknown,
                                     Predicate<String> named) {
        Map<String, String> meant = new HashMap<>();
        Set<String> twice = new HashSet<>();
        unknown.forEach((id, keys) -> {
            if (pages(keys) >= PAGES) {
                Suggestions.closest(id, new TreeSet<>(offered)).filter(entry -> ids.contains(entry) && !named.test(entry))
                        .ifPresent(entry -> {
                            if (meant.putIfAbsent(entry, id) != null) {
                                twice.add(entry); // two ids near one entry: which one it had is not clear
                            }
                        });
            }
        });
        twice.forEach(meant::remove);
        return meant;
    }

    /**
     * @param meant  an entry's id, for each entry renamed by mistake, to the id its pages use ({@link #meant})
     * @param rename the entry under the id its pages use
     * @param tell   reports an entry renamed, given the id its pages use
     * @return {@code entries}, in their order, each renamed one under the id its pages use
     */
    static <T> List<T> renamed(List<T> entries, Function<T, String> id, Map<String, String> meant,
                               BiFunction<T, String, T> rename, BiConsumer<T, String> tell) {
        List<T> out = new ArrayList<>();
        for (T entry : entries) {
            String used = meant.get(id.apply(entry));
            if (used == null) {
                out.add(entry);
            } else {
                tell.accept(entry, used);
                out.add(rename.apply(entry, used));
            }
        }
        return out;
    }

    /** "2 pages name "ed" (the first: content/conditions/sore-knee.md:9)", with {@code verb} for "name". */
    static String told(String id, List<Key> keys, String verb) {
        SourceSpan first = keys.stream().map(Key::at).sorted().findFirst().orElseThrow();
        return pages(keys) + " pages " + verb + " \"" + id + "\" (the first: " + first.file() + ":" + first.line() + ")";
    }

    private static long pages(List<Key> keys) {
        return keys.stream().map(k -> k.at().file()).distinct().count();
    }
}
