package dev.patella.model;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * How much of an exercise to do. The limits below are the ones the content schema enforces on an
 * exercise file's {@code dose}, and the ones the handout maker lets a clinician choose within.
 */
public record Dose(int sets, RepRange reps, OptionalInt holdSeconds, Optional<Prose> rest, boolean perSide,
                   Optional<Prose> frequency) {

    /** The most sets a dose can ask for (at least 1). */
    public static final int MAX_SETS = 20;
    /** The most repetitions a set can ask for (at least 1). */
    public static final int MAX_REPS = 100;
    /** The longest hold, in seconds (at least 1 when there is one). */
    public static final int MAX_HOLD_SECONDS = 600;
    /** The longest rest between sets a handout can give, in seconds. */
    public static final int MAX_REST_SECONDS = 600;
    /** The most days a week a handout can give. */
    public static final int MAX_DAYS_PER_WEEK = 7;
}
