package dev.patella.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Spec and input hashes: equal values hash the same, different values differently, and what has no stable hash has none. */
class ValueHashTest {

    private record Dose(int sets, OptionalInt hold, OptionalLong days, OptionalDouble angle) {
    }

    private final ValueHash hasher = new ValueHash();

    @Test
    void primitiveOptionalsHashByTheirValue() {
        var a = new Dose(3, OptionalInt.of(10), OptionalLong.empty(), OptionalDouble.of(45));
        var same = new Dose(3, OptionalInt.of(10), OptionalLong.empty(), OptionalDouble.of(45));

        assertThat(hasher.of(a)).isPresent().isEqualTo(hasher.of(same));
        assertThat(hasher.of(a)).isNotEqualTo(hasher.of(new Dose(3, OptionalInt.of(11), OptionalLong.empty(),
                OptionalDouble.of(45))));
        assertThat(hasher.of(a)).isNotEqualTo(hasher.of(new Dose(3, OptionalInt.empty(), OptionalLong.empty(),
                OptionalDouble.of(45))));
        assertThat(hasher.of(a)).isNotEqualTo(hasher.of(new Dose(3, OptionalInt.of(10), OptionalLong.of(10),
                OptionalDouble.of(45))));
        assertThat(hasher.of(OptionalInt.of(1))).isNotEqualTo(hasher.of(OptionalLong.of(1)));
    }

    @Test
    void anObjectKnownByItsIdentityHasNoHash() {
        assertThat(hasher.of(List.of("a", Optional.of(new Object())))).isEmpty();
    }
}
