package dev.patella.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * axe-core, the accessibility engine, run on the page a browser has open. The script is the one
 * Deque ships in its Playwright jar; it is put into the page and run with the WCAG 2.2 A and AA
 * rules and axe's best practices, and only the violations come back, one line per element.
 *
 * <p>Deque's own {@code AxeBuilder} takes 1.5 to 3.5 s a page here, five to ten times what axe
 * itself takes: it sends every rule's passes and inapplicable results, elements and all, back to
 * Java as JSON. Over the 70-odd pages the browser tests check that was three minutes of the test
 * command.
 */
final class Axe {

    static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice");

    private static final String SCRIPT = script();

    /** Runs in the page once axe is loaded: the rules that ran, and one line per element that fails one. */
    private static final String RUN = """
            async (tags) => {
              const results = await axe.run(document, {
                runOnly: {type: 'tag', values: tags},
                resultTypes: ['violations']
              });
              const lines = [];
              for (const rule of results.violations) {
                for (const node of rule.nodes) {
                  lines.push(rule.id + ' at ' + JSON.stringify(node.target) + ': ' + rule.help);
                }
              }
              return {ran: results.passes.length + results.violations.length + results.incomplete.length, violations: lines};
            }""";

    private Axe() {
    }

    /** The violations on the page {@code page} shows, each as "{@code label}: rule at element: help". */
    static List<String> violations(Page page, String label) {
        page.evaluate(SCRIPT);
        @SuppressWarnings("unchecked")
        var result = (Map<String, Object>) page.evaluate(RUN, TAGS);
        assertThat(((Number) result.get("ran")).intValue()).as("axe ran its rules on " + label).isPositive();
        @SuppressWarnings("unchecked")
        var lines = (List<String>) result.get("violations");
        return lines.stream().map(line -> label + ": " + line).toList();
    }

    private static String script() {
        try (InputStream in = AxeBuilder.class.getResourceAsStream("/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is missing from the axe-core Playwright jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
