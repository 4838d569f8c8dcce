package dev.patella.diag;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Finds the known word closest to a misspelt one, for "did you mean" hints. */
public final class Suggestions {

    private Suggestions() {
    }

    /**
     * @return the candidate within a small edit distance of {@code word} (closest first, ties by
     *         order given), or empty when none is close enough to be a likely typo
     */
    public static Optional<String> closest(String word, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        int limit = Math.max(2, word.length() / 3);
        for (String candidate : candidates) {
            int d = distance(word.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (d <= limit && d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Like {@link #closest}, for a hint that decides nothing: else the one candidate that starts with
     * {@code word} or that {@code word} starts with (four letters or more: a name cut short or made
     * longer, as a file renamed from clamshell.md to clam.md); empty when none or several do. Not for
     * addresses, where /exercises/ starts every exercise's.
     */
    public static Optional<String> closestOrStart(String word, Collection<String> candidates) {
        Optional<String> typo = closest(word, candidates);
        if (typo.isPresent() || word.indexOf('/') >= 0) {
            return typo;
        }
        String lower = word.toLowerCase(Locale.ROOT);
        List<String> starting = candidates.stream().filter(candidate -> {
            String other = candidate.toLowerCase(Locale.ROOT);
            String shorter = lower.length() < other.length() ? lower : other;
            return shorter.length() >= 4 && other.indexOf('/') < 0 && (other.startsWith(lower) || lower.startsWith(other));
        }).toList();
        return starting.size() == 1 ? Optional.of(starting.get(0)) : Optional.empty();
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
