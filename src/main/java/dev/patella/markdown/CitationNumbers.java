package dev.patella.markdown;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Numbers the sources cited on one page in order of first use. One per page render; not shared
 * between threads.
 */
public final class CitationNumbers {

    private final Map<String, Integer> numbers = new LinkedHashMap<>();
    private final Map<String, Integer> uses = new LinkedHashMap<>();

    /** The number of {@code key} on this page, giving it the next number on first use. */
    public int numberOf(String key) {
        return numbers.computeIfAbsent(key, k -> numbers.size() + 1);
    }

    /** Counts a use of {@code key} and returns which use this is (1 for the first). */
    int use(String key) {
        return uses.merge(key, 1, Integer::sum);
    }

    /** The keys cited so far, in number order; empty when none. */
    public List<String> keys() {
        return new ArrayList<>(numbers.keySet());
    }
}
