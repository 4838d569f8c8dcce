package dev.patella.diag;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** "Did you mean": a typo's nearest word, else a name cut short or made longer, never a mere three letters in common. */
class SuggestionsTest {

    @Test
    void aTypoFindsTheNearestWordAndARenamedFileItsNewName() {
        List<String> exercises = List.of("clam", "semi-squat", "straight-leg-raise");

        assertThat(Suggestions.closestOrStart("semi-sqaut", exercises)).contains("semi-squat");
        // a file renamed from clamshell.md to clam.md: too far for a typo, but one name starts the other
        assertThat(Suggestions.closestOrStart("clamshell", exercises)).contains("clam");
        assertThat(Suggestions.closestOrStart("straight", exercises)).contains("straight-leg-raise");
        // a typo wins over a name that only starts the same
        assertThat(Suggestions.closestOrStart("clamp", List.of("clamshell-variation", "clamps"))).contains("clamps");
        // three letters are not a name
        assertThat(Suggestions.closestOrStart("sem", List.of("semi-squat-with-a-chair"))).isEmpty();
        assertThat(Suggestions.closestOrStart("wall-squat", exercises)).isEmpty();
        // two names that start the same: which one is not clear
        assertThat(Suggestions.closestOrStart("smith", List.of("smith2018", "smith2020"))).isEmpty();
        // the plain "did you mean" (which decides, as for a misnamed folder) offers no such name
        assertThat(Suggestions.closest("clamshell", exercises)).isEmpty();
        assertThat(Suggestions.closest("imagesoriginals", List.of("images", "pages"))).isEmpty();
        // an address is no name: the exercise list's starts every exercise's
        assertThat(Suggestions.closestOrStart("/exercises/clamshell/", List.of("/exercises/", "/about/"))).isEmpty();
    }
}
