package dev.patella.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patella.TestSites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The comments of our own stylesheets and scripts are taken out of what is published, and nothing
 * else: a comment mark inside a string, a template literal, a regular expression or an unquoted
 * {@code url(…)} is text, and what cannot be read for certain is published as it is.
 */
class CommentStrippingTest {

    @Test
    void aStylesheetLosesItsCommentsAndTheBlankLinesTheyLeave() {
        String css = """
                /* The stylesheet: calm and readable.
                   Colours meet WCAG 2.2 AA. */
                :root { --ink: #1f2328; }

                body { margin: 0; } /* no gap around the page */
                  /* a note on its own line */
                a { color: red; }
                """;

        assertThat(CssComments.strip(css)).isEqualTo(":root { --ink: #1f2328; }\nbody { margin: 0; }\na { color: red; }\n");
    }

    @Test
    void commentMarksInsideCssStringsAndUnquotedUrlsAreText() {
        String css = """
                a::after { content: "/* not a comment */"; } /* gone */
                b::after { content: '/*'; }
                c::after { content: "say \\"/*\\" twice"; }
                d { background: url(data:image/svg+xml,/*x*/); }
                e { background: URL( /*y*/ ); }
                f { background: url("/*z*/"); }
                """;

        assertThat(CssComments.strip(css)).isEqualTo("""
                a::after { content: "/* not a comment */"; }
                b::after { content: '/*'; }
                c::after { content: "say \\"/*\\" twice"; }
                d { background: url(data:image/svg+xml,/*x*/); }
                e { background: URL( /*y*/ ); }
                f { background: url("/*z*/"); }
                """);
    }

    @Test
    void aCssCommentBetweenTwoTokensThatWouldJoinStays() {
        // in CSS a comment is no space: .a/**/.b is .a.b, and 1/**/px is a number and a word, not 1px
        assertThat(CssComments.strip(".a/* x */.b { margin: 1/* x */px; }")).isEqualTo(".a/**/.b { margin: 1/**/px; }");
        assertThat(CssComments.strip("a/* x */{ b:/* x */c; }")).isEqualTo("a{ b:c; }");
        // url/**/( is a function called url, not an address: its comment goes as any other
        assertThat(CssComments.strip("a { b: url/**/( /*x*/ ); }")).isEqualTo("a { b: url/**/(  ); }");
    }

    @Test
    void aCssLicenceCommentAndEscapedMarksStay() {
        assertThat(CssComments.strip("/*! MIT licence */\n/* note */\na { b: c; }\n"))
                .isEqualTo("/*! MIT licence */\na { b: c; }\n");
        assertThat(CssComments.strip(".a\\/\\* { b: c; }")).isEqualTo(".a\\/\\* { b: c; }");
    }

    @Test
    void anUnclosedCssCommentRunsToTheEndAsInTheBrowser() {
        assertThat(CssComments.strip("a { b: c; }\n/* never closed\nd { e: f; }\n")).isEqualTo("a { b: c; }\n");
        assertThat(CssComments.strip("/*")).isEmpty();
        assertThat(CssComments.strip("a/")).isEqualTo("a/");
    }

    @Test
    void aCssStringEndsAtItsLineBreakAsInTheBrowser() {
        // a string left open ends at the line's end (a bad string): the comment on the next line is one
        assertThat(CssComments.strip("a { content: \"open\n/* gone */b: c; }")).isEqualTo("a { content: \"open\nb: c; }");
        assertThat(CssComments.strip("a { content: \"\\\n/* kept */\"; }")).isEqualTo("a { content: \"\\\n/* kept */\"; }");
    }

    @Test
    void aScriptLosesItsCommentsButNotItsStringsTemplatesOrRegularExpressions() {
        String js = """
                /* Patella: a script. */
                (function () {
                  "use strict";
                  // a note
                  var a = "http://example.org/*"; // after a string
                  var b = 'it\\'s // not a comment';
                  var c = `line one // text
                  /* still text */ ${a /* gone */ + "}"} and ${ {k: 1}.k }`;
                  var d = /\\/\\*[/*]+\\//g.test(a) ? 4 / 2 / 1 : 0; // a regular expression, then division
                  if (a) /\\/\\//.test(b);
                  return c;
                })();
                """;

        assertThat(ScriptComments.strip(js)).contains("""
                (function () {
                  "use strict";
                  var a = "http://example.org/*";
                  var b = 'it\\'s // not a comment';
                  var c = `line one // text
                  /* still text */ ${a  + "}"} and ${ {k: 1}.k }`;
                  var d = /\\/\\*[/*]+\\//g.test(a) ? 4 / 2 / 1 : 0;
                  if (a) /\\/\\//.test(b);
                  return c;
                })();
                """);
    }

    @Test
    void aScriptCommentKeepsTheLineBreakOrSpaceItStoodFor() {
        // a comment holding a line break ends a statement without a semicolon, as the line break would
        assertThat(ScriptComments.strip("return/*\n*/x")).contains("return\nx");
        assertThat(ScriptComments.strip("a/**/b")).contains("a b");
        assertThat(ScriptComments.strip("a +/**/+ b")).contains("a + + b");
        assertThat(ScriptComments.strip("x = 1; //! not a licence\n")).contains("x = 1;\n");
        assertThat(ScriptComments.strip("/*! licence */\n/** @license MIT */\nx();\n"))
                .contains("/*! licence */\n/** @license MIT */\nx();\n");
    }

    @Test
    void aScriptReadsDivisionAndRegularExpressionsByWhatCameBefore() {
        assertThat(ScriptComments.strip("x = a / b / c; // d\n")).contains("x = a / b / c;\n");
        assertThat(ScriptComments.strip("x = a++ / 2 /* note */;")).contains("x = a++ / 2 ;");
        assertThat(ScriptComments.strip("x = f() / 2 // half\n")).contains("x = f() / 2\n");
        assertThat(ScriptComments.strip("x = {a: 1} / 2 // an object's end divides\n")).contains("x = {a: 1} / 2\n");
        assertThat(ScriptComments.strip("{ }\n/\\/\\*/.test(s) // a block's end starts a statement\n"))
                .contains("{ }\n/\\/\\*/.test(s)\n");
        assertThat(ScriptComments.strip("return /[/*]/.test(s); // after return\n")).contains("return /[/*]/.test(s);\n");
        assertThat(ScriptComments.strip("x = a.return / 2; // a property named return\n")).contains("x = a.return / 2;\n");
        assertThat(ScriptComments.strip("f = () => /\\/\\//; // after an arrow\n")).contains("f = () => /\\/\\//;\n");
    }

    @Test
    void aScriptThatCannotBeReadForCertainIsLeftAsItIs() {
        assertThat(ScriptComments.strip("x(); /* never closed")).isEmpty();
        assertThat(ScriptComments.strip("x = \"open")).isEmpty();
        assertThat(ScriptComments.strip("x = 'open\ny'; // z")).isEmpty();
        assertThat(ScriptComments.strip("x = `open ${a}")).isEmpty();
        assertThat(ScriptComments.strip("x = `open ${a")).isEmpty();
        assertThat(ScriptComments.strip("x = \"\\\"")).isEmpty();
        assertThat(ScriptComments.strip("x = /open")).isEmpty();
        assertThat(ScriptComments.strip("f(a));")).isEmpty();
        assertThat(ScriptComments.strip("{ f(a); ")).isEmpty();
        assertThat(ScriptComments.strip("x = 1; <!-- y\n")).isEmpty();
    }

    @Test
    void escapedQuotesDoNotEndAString() {
        assertThat(ScriptComments.strip("a = \"\\\" // still a string\"; // gone\n"))
                .contains("a = \"\\\" // still a string\";\n");
        assertThat(ScriptComments.strip("a = '\\\\'; // the backslash is escaped, the quote ends it\n"))
                .contains("a = '\\\\';\n");
        assertThat(ScriptComments.strip("a = `\\` /* text */ \\${x /* text */}`; // gone\n"))
                .contains("a = `\\` /* text */ \\${x /* text */}`;\n");
    }

    /**
     * Each shipped stylesheet and script is read for certain (none is published with its comments
     * by a giving up), and stripping what was stripped changes nothing. The QR code library, never
     * stripped, is read too: a real file written by another hand.
     */
    @Test
    void everyShippedStylesheetAndScriptIsReadForCertain() throws IOException {
        Path assets = TestSites.PROJECT.resolve("templates/assets");
        for (String name : List.of("search.js", "filter.js", "program.js", "handout.js", "uqr.js")) {
            Optional<String> stripped = ScriptComments.strip(Files.readString(assets.resolve(name)));
            assertThat(stripped).as(name).isPresent();
            assertThat(ScriptComments.strip(stripped.get())).as(name + " stripped again").contains(stripped.get());
        }
        String css = CssComments.strip(Files.readString(assets.resolve("style.css")));
        assertThat(CssComments.strip(css)).isEqualTo(css);
    }

    @Test
    void aLibraryAMinifiedFileAndTextThatIsNotUtf8ArePublishedAsTheyAre() {
        byte[] js = "/* licence */\nx();\n".getBytes(StandardCharsets.UTF_8);
        assertThat(Assets.published("uqr.js", js, true)).isEqualTo(js);
        assertThat(Assets.published("lib.min.js", js, false)).isEqualTo(js);
        assertThat(new String(Assets.published("own.js", js, false), StandardCharsets.UTF_8)).isEqualTo("x();\n");
        byte[] latin1 = {'/', '*', (byte) 0xE9, '*', '/', 'a', '{', '}'};
        assertThat(Assets.published("old.css", latin1, false)).isEqualTo(latin1);
        assertThat(ScriptComments.strip("")).isEqualTo(Optional.of(""));
    }
}
