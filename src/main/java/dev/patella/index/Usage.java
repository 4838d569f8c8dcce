package dev.patella.index;

import dev.patella.model.Condition;
import dev.patella.model.ProgramStep;

/** An exercise's place in one condition's program: which condition, which phase, which position (1-based). */
public record Usage(Condition condition, ProgramStep step, int position) {
}
