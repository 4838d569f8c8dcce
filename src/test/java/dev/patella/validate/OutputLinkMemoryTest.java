package dev.patella.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patella.diag.Diagnostics;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A page that was fine in one check of a session is checked again when what it links to goes. */
class OutputLinkMemoryTest {

    private static final OutputLinkChecker.PageLinks PAGE = new OutputLinkChecker.PageLinks("/a/", Optional.empty(),
            "page.ftlh", Set.of("/b/#steps", "/c/"), List.of());

    private static List<String> check(Map<String, Set<String>> site, OutputLinkChecker.Memory memory) {
        var diagnostics = new Diagnostics();
        OutputLinkChecker.check(new ContentLinkChecker(site, Set.of(), Set.of(), Set.of()), List.of(PAGE), List.of(),
                Set.of(), memory, diagnostics);
        return diagnostics.sorted().stream().map(d -> d.code() + " " + d.message()).toList();
    }

    @Test
    void anUnchangedPageIsReportedWhenAHeadingItLinksToGoes() {
        var memory = new OutputLinkChecker.Memory();
        Map<String, Set<String>> whole = Map.of("/a/", Set.of(), "/b/", Set.of("steps"), "/c/", Set.of());
        Map<String, Set<String>> headingGone = Map.of("/a/", Set.of(), "/b/", Set.of(), "/c/", Set.of());

        assertThat(check(whole, memory)).isEmpty();
        assertThat(check(whole, memory)).isEmpty();
        assertThat(check(headingGone, memory)).singleElement().asString().startsWith("link.broken-anchor")
                .contains("/b/#steps");
        assertThat(check(headingGone, memory)).hasSize(1);
        assertThat(check(whole, memory)).isEmpty();
    }

    @Test
    void anUnchangedPageIsReportedWhenAPageItLinksToGoes() {
        var memory = new OutputLinkChecker.Memory();
        assertThat(check(Map.of("/a/", Set.of(), "/b/", Set.of("steps"), "/c/", Set.of()), memory)).isEmpty();

        assertThat(check(Map.of("/a/", Set.of(), "/b/", Set.of("steps")), memory)).singleElement().asString()
                .startsWith("link.broken ").contains("/c/");
    }
}
