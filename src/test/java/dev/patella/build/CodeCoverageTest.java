package dev.patella.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patella.DiagnosticCodes;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every diagnostic code Patella can report has an error fixture that makes exactly that one
 * mistake: a folder under {@code src/test/resources/sites/errors/} whose {@code expected.txt}
 * names the code (see {@link ContentErrorsTest} for the format). Adding a code means adding its
 * fixture; nothing else needs listing.
 */
class CodeCoverageTest {

    /** Codes that no fixture can show, each with the test that covers it instead. Keep this short. */
    static final Map<String, String> EXEMPT = Map.of(
            "file.too-large", "needs a content file over 2 MiB: ReliabilityTest writes one instead of keeping it here",
            "path.outside-content", "needs a symbolic link, which fixture copies do not keep: ReliabilityTest makes one",
            "file.not-a-file", "needs a named pipe, which git does not keep: ReliabilityTest makes one",
            "path.outside-project", "needs a symbolic link, which fixture copies do not keep: TemplateLimitsTest makes one",
            "content.placeholder", "reported by check only, on a site whose addresses are real: sites/check-errors/, run by CheckCommandTest",
            "link.example-domain", "reported by check only, on a site whose addresses are real: sites/check-errors/, run by CheckCommandTest");

    @Test
    void everyCodeHasAFixtureWithThatOneMistake() {
        Set<String> covered = new TreeSet<>();
        for (ErrorFixture fixture : ErrorFixture.all()) {
            assertThat(fixture.codes()).as("errors/%s/expected.txt: one mistake per fixture", fixture.name())
                    .hasSize(1);
            covered.addAll(fixture.codes());
        }
        Set<String> uncovered = new TreeSet<>(DiagnosticCodes.inSource());
        uncovered.removeAll(covered);
        uncovered.removeAll(EXEMPT.keySet());
        assertThat(uncovered).as("codes without a fixture under src/test/resources/sites/errors/").isEmpty();
        assertThat(DiagnosticCodes.inSource()).as("exempt codes that no longer exist").containsAll(EXEMPT.keySet());
    }

    @Test
    void everyReportedCodeIsOfAKnownKind() {
        assertThat(DiagnosticCodes.literalsOfUnknownKinds())
                .as("add the first word of these codes to DiagnosticCodes.KINDS").isEmpty();
    }
}
