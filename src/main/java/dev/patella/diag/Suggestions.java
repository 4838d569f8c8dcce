package dev.patella.diag;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Finds the known word closest to a misspelt one, for "did you mean" hints. */
public final class Suggestions {

    private Suggestions() {
    }

    /**
     * @return the candidate within a small edit distance of {@code word} (closest first, ties by
     *         order given), else the first that starts with {@code word} or that {@code word} starts
     *         with (four letters or more: a name cut short or made longer; not for addresses), or empty
     *         when none is close enough to be a likely typo
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
        if (best == null && word.indexOf('/') < 0) {
            // a name cut short or made longer ("clam" for "clamshell", a file renamed so): one starts the other
            // (not an address: /exercises/ starts every exercise's)
            String lower = word.toLowerCase(Locale.ROOT);
            for (String candidate : candidates) {
                String other = candidate.toLowerCase(Locale.ROOT);
                String shorter = lower.length() < other.length() ? lower : other;
                if (shorter.length() >= 4 && other.indexOf('/') < 0 && (other.startsWith(lower) || lower.startsWith(other))) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.ofNullable(best);
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
