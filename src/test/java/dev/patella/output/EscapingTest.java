package dev.patella.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.patella.TestSites;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import nu.validator.htmlparser.common.XmlViolationPolicy;
import nu.validator.htmlparser.dom.HtmlDocumentBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Script-bearing strings in every field of every content type arrive in the site only as text.
 * Each page is parsed with a real HTML5 parser (the one inside the Nu HTML Checker) and searched
 * for anything a browser would run.
 */
class EscapingTest {

    private static final String PAYLOAD = "<script>alert(1)</script>";

    @TempDir
    Path tmp;

    @Test
    void noContentStringArrivesLiveInAnyOutputFile() throws Exception {
        Path project = TestSites.project(tmp.resolve("p"), "hostile");

        var run = TestSites.run("build", "--project", project.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(project.resolve("site"))) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        List<String> live = new ArrayList<>();
        int payloadsSeen = 0;
        for (Path file : files) {
            if (file.toString().endsWith(".ico")) {
                continue; // an image copied from the templates, not made from content
            }
            String text = Files.readString(file);
            String name = file.getFileName().toString();
            if (name.endsWith(".html")) {
                live.addAll(liveParts(file, parse(text)));
                payloadsSeen += text.split("alert\\(1\\)", -1).length - 1;
            } else if (name.endsWith(".json") || name.endsWith(".webmanifest")) {
                new ObjectMapper().readTree(text); // data for our scripts, which only ever set textContent
            } else if (name.endsWith(".js")) {
                assertThat(text).as(name).doesNotContain("innerHTML").doesNotContain("outerHTML")
                        .doesNotContain("insertAdjacentHTML").doesNotContain("document.write");
            } else {
                assertThat(text).as(file.toString()).doesNotContain(PAYLOAD).doesNotContain("<img src=x");
            }
        }
        assertThat(live).isEmpty();
        assertThat(payloadsSeen).as("the hostile strings are shown, as text").isGreaterThan(20);
    }

    private static Document parse(String html) throws Exception {
        var builder = new HtmlDocumentBuilder(XmlViolationPolicy.ALTER_INFOSET);
        return builder.parse(new InputSource(new StringReader(html)));
    }

    /** Script elements that are not our JSON-LD or our own files, event-handler attributes, and injected images. */
    private static List<String> liveParts(Path file, Document doc) throws Exception {
        List<String> live = new ArrayList<>();
        NodeList all = doc.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            String tag = e.getLocalName();
            for (int a = 0; a < e.getAttributes().getLength(); a++) {
                String name = e.getAttributes().item(a).getNodeName().toLowerCase(java.util.Locale.ROOT);
                String value = e.getAttributes().item(a).getNodeValue();
                if (name.startsWith("on") || value.trim().toLowerCase(java.util.Locale.ROOT).startsWith("javascript:")) {
                    live.add(file + ": <" + tag + " " + name + "=" + value + ">");
                }
            }
            if (tag.equals("img") && "x".equals(e.getAttribute("src"))) {
                live.add(file + ": injected <img src=x>");
            }
            if (tag.equals("script")) {
                if (e.getAttribute("type").equals("application/ld+json")) {
                    new ObjectMapper().readTree(e.getTextContent()); // must stay one JSON value
                } else if (!e.getAttribute("src").contains("assets/")) {
                    live.add(file + ": <script> " + e.getTextContent());
                }
            }
        }
        return live;
    }
}
