package dev.patella.model;

/** How many repetitions: a single number when {@code min == max}. */
public record RepRange(int min, int max) {
    public RepRange {
        if (min < 1 || max < min) {
            throw new IllegalArgumentException("bad repetition range " + min + "-" + max);
        }
    }

    @Override
    public String toString() {
        return min == max ? Integer.toString(min) : min + "\u2013" + max;
    }
}
