package dev.patella.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patella.TestSites;
import dev.patella.serve.DevServer;
import dev.patella.serve.ServeOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drawings that could run script or reach outside their file are refused however they are
 * written (upper case, white space, character references, entities, CSS escapes), by
 * {@code build}, {@code check} and {@code serve}; ordinary drawings, the shipped ones included,
 * pass. The one-mistake fixtures under {@code sites/errors/svg-*} cover each construct once.
 */
class SafeImagesTest {

    private static final String OPEN = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">";
    private static final String UNSAFE = "image.unsafe-svg";
    private static final String MALFORMED = "image.malformed-svg";

    @TempDir
    Path tmp;

    /** Each file, alone in its drawing, with the one error it must give; "" for none. */
    private static Map<String, String> drawings() {
        var cases = new LinkedHashMap<String, String>();
        cases.put("handler-mixed-case.svg", OPEN.replace(">", " onLoad=\"alert(1)\">") + "</svg>|" + UNSAFE + ":1:61");
        cases.put("handler-on-shape.svg", OPEN + "\n<circle r=\"1\"\n  onclick='alert(1)'/></svg>|" + UNSAFE + ":3:3");
        cases.put("script-upper-case.svg", OPEN + "<SCRIPT>alert(1)</SCRIPT></svg>|" + UNSAFE + ":1:61");
        cases.put("script-xhtml.svg", OPEN + "<h:script xmlns:h=\"http://www.w3.org/1999/xhtml\">alert(1)"
                + "</h:script></svg>|" + UNSAFE);
        cases.put("script-external.svg", OPEN + "<script href=\"/assets/x.js\"/></svg>|" + UNSAFE);
        cases.put("iframe-xhtml.svg", OPEN + "<iframe xmlns=\"http://www.w3.org/1999/xhtml\" src=\"/\"/></svg>|"
                + UNSAFE);
        cases.put("js-char-refs.svg", OPEN + "<a href=\"&#106;ava&#x73;cript&#x3A;alert(1)\"><path d=\"M0 0\"/>"
                + "</a></svg>|" + UNSAFE + ":1:64");
        cases.put("js-entity.svg", "<!DOCTYPE svg [<!ENTITY go \"javascript:alert(1)\">]>\n" + OPEN
                + "<a href=\"&go;\"><path d=\"M0 0\"/></a></svg>|" + UNSAFE + ":2:64");
        cases.put("js-whitespace.svg", OPEN + "<a href=\"\n\t jav\tascript :alert(1)\"><path d=\"M0 0\"/></a></svg>|"
                + UNSAFE);
        cases.put("js-xlink-upper.svg", OPEN + "<a xmlns:x=\"http://www.w3.org/1999/xlink\" x:href=\"JAVASCRIPT:"
                + "alert(1)\"><path d=\"M0 0\"/></a></svg>|" + UNSAFE);
        cases.put("js-animation.svg", OPEN + "<a href=\"#a\"><set attributeName=\"href\" to=\"javascript:alert(1)\"/>"
                + "<path d=\"M0 0\"/></a></svg>|" + UNSAFE);
        cases.put("js-animation-values.svg", OPEN + "<a href=\"#a\"><animate attributeName=\"x\" "
                + "values=\"#a;javascript:alert(1)\"/></a></svg>|" + UNSAFE);
        cases.put("data-image.svg", OPEN + "<image href=\"data:image/svg+xml,&lt;svg onload=alert(1)>\"/></svg>|"
                + UNSAFE);
        cases.put("fill-url.svg", OPEN + "<path d=\"M0 0\" fill=\"url( 'https://tracker.local/g.svg#a' )\"/></svg>|"
                + UNSAFE);
        cases.put("style-attribute-url.svg", OPEN + "<path d=\"M0 0\" style=\"fill:URL(//tracker.local/a)\"/></svg>|"
                + UNSAFE);
        cases.put("css-escaped-import.svg", OPEN + "<style><![CDATA[\n/* theme */\n@\\69mport 'x.css';\n]]></style>"
                + "</svg>|" + UNSAFE + ":3:1");
        cases.put("css-comment-import.svg", OPEN + "<style>@im/**/port url(#a);</style></svg>|" + UNSAFE);
        cases.put("css-image-set.svg", OPEN + "<style>g{fill:image-set('https://tracker.local/a.png' 1x)}</style>"
                + "</svg>|" + UNSAFE);
        cases.put("entity-bomb.svg", "<!DOCTYPE svg [<!ENTITY a \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\">"
                + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
                + "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">]>\n"
                + OPEN + "<title>&e;&e;&e;&e;</title></svg>|" + MALFORMED);
        cases.put("not-svg-root.svg", "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>|" + MALFORMED
                + ":1:1");
        cases.put("no-namespace.svg", "<svg viewBox=\"0 0 1 1\"><path d=\"M0 0\"/></svg>|" + MALFORMED + ":1:1");
        cases.put("not-xml.svg", "just some words, not a drawing|" + MALFORMED + ":1:1");
        // a picture renamed .svg is told what it is, not what an XML parser makes of its first byte
        cases.put("a-gif.svg", "GIF89a not a drawing|image.wrong-type:1:1");
        // drawings as drawing programs save them: these must pass
        cases.put("fine-own-parts.svg", OPEN + "<defs><linearGradient id=\"g\"/><path id=\"p\" d=\"M0 0\"/></defs>"
                + "<use href=\"#p\"/><path d=\"M0 0\" fill=\"url(#g)\" style=\"stroke:url('#g')\"/>"
                + "<a href=\"#p\"><text>knee</text></a><style>path{fill:url(#g)}</style></svg>|");
        cases.put("fine-doctype.svg", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n"
                + "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n"
                + OPEN + "<title>Knee</title></svg>|");
        cases.put("fine-illustrator-entities.svg", "<!DOCTYPE svg [<!ENTITY ns_svg \"http://www.w3.org/2000/svg\">]>"
                + "<svg xmlns=\"&ns_svg;\" xmlns:i=\"http://ns.adobe.com/AdobeIllustrator/10.0/\" i:viewOrigin=\"0 0\" "
                + "opacity=\"0.5\"><metadata><i:pgf>abc</i:pgf></metadata></svg>|");
        return cases;
    }

    @Test
    void checkRefusesEachUnsafeDrawingOnceAndPassesOrdinaryOnes() throws IOException {
        Path project = TestSites.project(tmp.resolve("p"));
        Path images = Files.createDirectories(project.resolve("content/images"));
        drawings().forEach((name, c) -> TestSites.write(images.resolve(name), c.substring(0, c.lastIndexOf('|'))));

        var run = TestSites.run("check", "--project", project.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
        drawings().forEach((name, c) -> {
            String expected = c.substring(c.lastIndexOf('|') + 1);
            List<String> found = run.diagnostics().stream().filter(d -> d.contains("content/images/" + name + ":"))
                    .toList();
            if (expected.isEmpty()) {
                assertThat(found).as(name + "\n" + run.err()).isEmpty();
            } else {
                String code = expected.split(":", 2)[0];
                assertThat(found).as(name + "\n" + run.err()).hasSize(1)
                        .allMatch(d -> d.startsWith("error " + code + " content/images/" + name + ":"));
                if (expected.contains(":")) {
                    assertThat(found.get(0)).as(name).endsWith(name + expected.substring(code.length()));
                }
            }
        });
    }

    @Test
    @org.junit.jupiter.api.Timeout(120) // a hang detector, not a speed check
    void aPipeAmongThePicturesIsRefusedWithoutWaitingForIt() throws Exception {
        Path project = TestSites.project(tmp.resolve("p"), "publishable"); // check passes but for the pipe
        Path pipe = Files.createDirectories(project.resolve("content/images")).resolve("knee.png");
        Process mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo is not available");

        var run = TestSites.run("check", "--project", project.toString());

        assertThat(run.errors()).as(run.err()).containsExactly("error image.wrong-type content/images/knee.png:1:1");
    }

    /** An error about a picture's file (here its name) shows no excerpt: its first "line" is the picture's bytes. */
    @Test
    void aPictureNamedWronglyIsReportedWithoutItsBytes() throws IOException {
        Path project = TestSites.project(tmp.resolve("p"), "publishable");
        Path photo = Files.createDirectories(project.resolve("content/images")).resolve("Wall_squat.png");
        Files.write(photo, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R',
            0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0});

        var run = TestSites.run("check", "--project", project.toString());

        assertThat(run.errors()).as(run.err()).containsExactly("error slug.invalid content/images/Wall_squat.png:1:1");
        assertThat(run.err()).doesNotContain("IHDR").doesNotContain("    1 | ");
    }

    @Test
    void theShippedDrawingsPass() {
        Path project = TestSites.shipped(tmp.resolve("p"));
        var run = TestSites.run("build", "--project", project.toString());
        assertThat(run.diagnostics()).as(run.err()).isEmpty();
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @Test
    void serveShowsTheRefusalAndRechecksTheDrawingWhenItChanges() throws IOException, InterruptedException {
        Path project = TestSites.project(tmp.resolve("p"));
        Path drawing = project.resolve("content/images/knee.svg");
        TestSites.write(drawing, OPEN + "<script>alert(1)</script></svg>");
        var out = new StringWriter();
        var err = new StringWriter();
        try (var server = DevServer.start(ServeOptions.of(project, "127.0.0.1", 0, true, TestSites.TODAY),
                System::nanoTime, new PrintWriter(out, true), new PrintWriter(err, true))) {
            assertThat(err.toString()).contains("content/images/knee.svg:1:61: error: ").contains("[" + UNSAFE + "]");
            var rebuilt = new java.util.concurrent.LinkedBlockingQueue<DevServer.Rebuilt>();
            server.onRebuilt(rebuilt::add);

            Files.writeString(drawing, OPEN + "<title>Knee</title></svg>");

            // the watcher may see the file half-written (truncated, then filled) and rebuild once
            // from that; the rebuild after the last write must find the drawing safe
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
            DevServer.Rebuilt event;
            do {
                event = rebuilt.poll(Math.max(0, deadline - System.nanoTime()),
                        java.util.concurrent.TimeUnit.NANOSECONDS);
                assertThat(event).as("no clean rebuild within the hang detector's minute").isNotNull();
            } while (!event.errors().isEmpty());
        }
    }
}
