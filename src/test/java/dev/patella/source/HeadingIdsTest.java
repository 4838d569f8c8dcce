package dev.patella.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patella.diag.Diagnostics;
import dev.patella.diag.SourceSpan;
import dev.patella.index.Urls;
import dev.patella.markdown.CitationNumbers;
import dev.patella.markdown.MarkdownRenderer;
import dev.patella.markdown.PageContext;
import dev.patella.model.Prose;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The ids {@link HeadingIds} gives headings, which the translation check compares, are the ids the
 * Markdown stage gives them on the page: for every heading of the shipped content in both
 * languages, and for headings with marks, links, accents and numbers in them.
 */
class HeadingIdsTest {

    private static final Pattern ID = Pattern.compile("<h[1-6][^>]* id=\"([^\"]*)\"");

    @Test
    void headingIdsAreTheOnesThePageGives() throws IOException {
        List<String> bodies = new ArrayList<>(List.of(
                "## Why it hurts\n\n## How often, and for how long?\n\n## Step 1: *lie* down\n\n"
                        + "## See [the guide](/pain-guide/)\n\n## Síntomas y señales\n\n## Don't `lock` it\n\n"
                        + "## Hip_flexors and quads\n\n## Level 2 — harder {.wide}\n\n## Own {#own-id}"));
        try (Stream<Path> files = Files.walk(Path.of("content"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                String text = Files.readString(file);
                bodies.add(text.substring(text.indexOf("\n---", 3) + 4));
            }
        }
        var markdown = MarkdownRenderer.create();
        int compared = 0;
        for (String body : bodies) {
            var prose = new Prose(body, new SourceSpan("content/x.md", 1, 1));
            var page = new PageContext("/x/", to -> Urls.relative("/x/", to), Set.of(), new CitationNumbers());
            String html = markdown.render(prose, page, new Diagnostics()).html();
            List<String> rendered = new ArrayList<>();
            Matcher m = ID.matcher(html);
            while (m.find()) {
                rendered.add(m.group(1));
            }
            assertThat(HeadingIds.of(prose).stream().map(HeadingIds.Heading::id).toList()).as(body)
                    .isEqualTo(rendered);
            compared += rendered.size();
        }
        assertThat(compared).as("headings compared").isGreaterThan(40);
    }
}
