package dev.patella.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patella.TestSites;
import dev.patella.diag.Diagnostics;
import dev.patella.model.Site;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Content files as an earlier run parsed them: a load that takes them from a note gives the same
 * site and the same problems as a load that parses every file, and a file with a mistake is never
 * taken from the note.
 */
class ParsedDocumentsTest {

    @TempDir
    Path tmp;

    @Test
    void aLoadFromKeptDocumentsGivesTheSameSite() {
        Path project = TestSites.project(tmp.resolve("p"), "every-field");
        var first = ParsedDocuments.none();
        var d1 = new Diagnostics();
        Optional<Site> parsed = load(project, first, d1);
        byte[] note = first.encode();

        var second = ParsedDocuments.decode(note).orElseThrow();
        var d2 = new Diagnostics();
        Optional<Site> kept = load(project, second, d2);

        assertThat(parsed).isPresent();
        assertThat(kept).isEqualTo(parsed);
        assertThat(d2.sorted()).isEqualTo(d1.sorted());
        // every file was found in the note, so this run used the same documents
        assertThat(second.encode()).isEqualTo(note).hasSizeGreaterThan(1000);
        assertThat(first.changed()).isTrue();
        assertThat(second.changed()).isFalse();
    }

    @Test
    void aChangedFileIsParsedAgain() {
        Path project = TestSites.project(tmp.resolve("p"), "every-field");
        var first = ParsedDocuments.none();
        load(project, first, new Diagnostics());
        Path about = project.resolve("content/pages/about.md");
        TestSites.write(about, TestSites.read(about).replace("About us.", "About them."));

        var kept = load(project, ParsedDocuments.decode(first.encode()).orElseThrow(), new Diagnostics());
        var fresh = load(project, ParsedDocuments.none(), new Diagnostics());

        assertThat(kept).isEqualTo(fresh);
        assertThat(kept.orElseThrow().pages().toString()).contains("About them.");
    }

    @Test
    void aFewChangedFilesDoNotRewriteTheNoteButManyDo() {
        Path project = TestSites.project(tmp.resolve("p"), "every-field");
        var first = ParsedDocuments.none();
        load(project, first, new Diagnostics());
        Path about = project.resolve("content/pages/about.md");
        TestSites.write(about, TestSites.read(about).replace("About us.", "About them."));
        var one = ParsedDocuments.decode(first.encode()).orElseThrow();
        load(project, one, new Diagnostics());
        assertThat(one.changed()).as("one file changed").isFalse();

        for (int i = 0; i < 10; i++) {
            TestSites.write(project.resolve("content/pages/more-" + i + ".md"),
                    "---\ntitle: More " + i + "\nsummary: More to read.\n---\nText " + i + ".\n");
        }
        var many = ParsedDocuments.decode(first.encode()).orElseThrow();
        load(project, many, new Diagnostics());
        assertThat(many.changed()).as("eleven files new or changed").isTrue();
    }

    /**
     * A process that loads again and again (the build server) keeps one version of each file: an
     * edit repeated a dozen times neither grows what it holds nor has the note rewritten, and the
     * note it writes holds the files as they are now.
     */
    @Test
    void aFileEditedAgainAndAgainInOneProcessStaysOneDocument() {
        Path project = TestSites.project(tmp.resolve("p"), "every-field");
        var first = ParsedDocuments.none();
        load(project, first, new Diagnostics());
        byte[] note = first.encode();
        var documents = ParsedDocuments.decode(note).orElseThrow();
        var loader = new ContentLoader();
        loader.keepDocumentsIn(documents);
        Path about = project.resolve("content/pages/about.md");
        String original = TestSites.read(about);
        loader.load(project, new Diagnostics());
        for (int i = 0; i < 12; i++) {
            TestSites.write(about, original.replace("About us.", "About us, edit " + i + "."));
            loader.load(project, new Diagnostics());
            assertThat(documents.changedNote()).as("after edit %d", i).isEmpty();
        }
        TestSites.write(about, original);
        loader.load(project, new Diagnostics());
        assertThat(documents.encode()).isEqualTo(note);

        for (int i = 0; i < 10; i++) {
            TestSites.write(project.resolve("content/pages/more-" + i + ".md"),
                    "---\ntitle: More " + i + "\nsummary: More to read.\n---\nText " + i + ".\n");
        }
        loader.load(project, new Diagnostics());
        byte[] written = documents.changedNote().orElseThrow();
        TestSites.write(about, original.replace("About us.", "About them."));
        loader.load(project, new Diagnostics());
        assertThat(documents.changedNote()).as("one edit after the note was written").isEmpty();
        var next = ParsedDocuments.decode(written).orElseThrow();
        load(project, next, new Diagnostics());
        assertThat(next.changed()).as("the written note holds the ten new files").isFalse();
    }

    /** A Markdown file that does not parse, or an image that fails its check, is never taken from the note. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "content/pages/about.md          | (?m)^title:  | title: [unclosed",
        "content/images/leg-lift.svg     | </svg>       | <script>alert(1)</script></svg>"})
    void aFileWithAMistakeIsReportedInEveryLoad(String file, String pattern, String replacement) {
        Path project = TestSites.project(tmp.resolve("p"), "every-field");
        Path path = project.resolve(file);
        TestSites.write(path, TestSites.read(path).replaceFirst(pattern, replacement));
        var first = ParsedDocuments.none();
        var d1 = new Diagnostics();
        load(project, first, d1);

        var d2 = new Diagnostics();
        load(project, ParsedDocuments.decode(first.encode()).orElseThrow(), d2);

        assertThat(d1.sorted()).anyMatch(d -> d.isError() && d.at().file().equals(file));
        assertThat(d2.sorted()).isEqualTo(d1.sorted());
    }

    @Test
    void anImageCheckedCleanIsCheckedAgainOnceItsBytesChange() {
        Path project = TestSites.project(tmp.resolve("p"), "every-field");
        var first = ParsedDocuments.none();
        var d1 = new Diagnostics();
        load(project, first, d1);
        assertThat(d1.sorted()).as("every image passed").noneMatch(d -> d.code().startsWith("image."));
        Path drawing = project.resolve("content/images/leg-lift.svg");
        TestSites.write(drawing, TestSites.read(drawing).replace("</svg>", "<script>alert(1)</script></svg>"));

        var d2 = new Diagnostics();
        load(project, ParsedDocuments.decode(first.encode()).orElseThrow(), d2);

        assertThat(d2.sorted()).anyMatch(d -> d.code().equals("image.unsafe-svg")
                && d.at().file().equals("content/images/leg-lift.svg"));
    }

    @Test
    void aDamagedNoteReadsAsNone() {
        Path project = TestSites.project(tmp.resolve("p"), "every-field");
        var first = ParsedDocuments.none();
        load(project, first, new Diagnostics());
        byte[] note = first.encode();

        assertThat(ParsedDocuments.decode(Arrays.copyOf(note, note.length - 7))).isEmpty();
        byte[] longer = Arrays.copyOf(note, note.length + 1);
        assertThat(ParsedDocuments.decode(longer)).isEmpty();
    }

    private static Optional<Site> load(Path project, ParsedDocuments documents, Diagnostics diagnostics) {
        var loader = new ContentLoader();
        loader.keepDocumentsIn(documents);
        return loader.load(project, diagnostics);
    }
}
