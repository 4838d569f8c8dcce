package dev.patella.model;

import java.util.Optional;
import java.util.OptionalInt;

/** How much of an exercise to do. */
public record Dose(int sets, RepRange reps, OptionalInt holdSeconds, Optional<Prose> rest, boolean perSide,
                   Optional<Prose> frequency) {
}
