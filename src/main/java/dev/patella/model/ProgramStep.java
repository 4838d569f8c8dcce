package dev.patella.model;

import java.util.List;
import java.util.Optional;

/** One phase of a condition's exercise program: its exercises in the order they are done. */
public record ProgramStep(Phase phase, String title, Optional<Prose> summary, List<Key> exercises) {
    public ProgramStep {
        exercises = List.copyOf(exercises);
    }
}
