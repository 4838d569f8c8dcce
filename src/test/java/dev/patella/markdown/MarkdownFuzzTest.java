package dev.patella.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.patella.diag.Diagnostic;
import dev.patella.diag.Diagnostics;
import dev.patella.diag.SourceSpan;
import dev.patella.index.Urls;
import dev.patella.model.Prose;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Tag;

/**
 * Fuzzes Markdown rendering with citations and links: the result is always HTML with no live
 * script, and every diagnostic points inside the text.
 */
@Tag("fuzz") // replayed in a JVM of its own: see the pom
class MarkdownFuzzTest {

    private static final MarkdownRenderer MARKDOWN = MarkdownRenderer.create();

    @FuzzTest(maxDuration = "20s")
    void anyMarkdownRendersToSafeHtmlOrPositionedDiagnostics(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        var diagnostics = new Diagnostics(1000);
        var page = new PageContext("/exercises/x/", to -> Urls.relative("/exercises/x/", to),
                Set.of("smith2018", "powers2014"), new CitationNumbers());

        Rendered rendered = MARKDOWN.render(new Prose(text, new SourceSpan("content/x.md", 5, 1)), page, diagnostics);

        String html = rendered.html().toLowerCase(Locale.ROOT);
        assertThat(html).doesNotContain("<script").doesNotContain("javascript:").doesNotContainPattern("<[a-z][^>]*\\son[a-z]+=");
        long lines = text.lines().count() + 1;
        for (Diagnostic d : diagnostics.sorted()) {
            assertThat(d.at().line()).isBetween(5, (int) (5 + lines));
        }
        rendered.links().forEach(link -> assertThat(link.target()).startsWith("/"));
    }
}
