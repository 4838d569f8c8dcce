package dev.patella.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patella.cite.FormattedReference;
import dev.patella.cite.ReferenceFormatter;
import dev.patella.diag.SourceSpan;
import dev.patella.model.Reference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The formatted references kept in {@code .patella/}: each build is a new cache over the same
 * project, as each run of {@code patella build} is, around the real citation processor.
 */
class ReferenceCacheTest {

    @TempDir
    Path project;

    /** The real formatter, noting each language it was asked to format in. */
    private final List<String> asked = new ArrayList<>();
    private final ReferenceFormatter counted = new ReferenceFormatter() {
        private final ReferenceFormatter real = ReferenceFormatter.ama();

        @Override
        public Map<String, FormattedReference> format(List<Reference> references) {
            return format(references, "en-US");
        }

        @Override
        public Map<String, FormattedReference> format(List<Reference> references, String language) {
            asked.add(language);
            return real.format(references, language);
        }
    };

    @Test
    void aSiteInTwoLanguagesFormatsEachOnceThenReadsBothFromTheNote() {
        List<Reference> references = List.of(reference("A study of knees"));
        var first = new ReferenceCache(counted, project);
        var english = first.format(references, "en");
        var spanish = first.format(references, "es");

        var second = new ReferenceCache(counted, project);
        var englishAgain = second.format(references, "en");
        var spanishAgain = second.format(references, "es");

        assertThat(asked).containsExactly("en", "es");
        assertThat(englishAgain).isEqualTo(english);
        assertThat(spanishAgain).isEqualTo(spanish);
        // the two languages really differ: the Spanish style writes its own word for "accessed"
        assertThat(spanish.get("s1").text()).isNotEqualTo(english.get("s1").text());
    }

    /** A new Patella formats the references again: it may write them otherwise than the one that made the note. */
    @Test
    void anotherPatellaFormatsTheReferencesAgain() {
        List<Reference> references = List.of(reference("A study of knees"));
        new ReferenceCache(counted, project, "1000 1").format(references, "es");
        new ReferenceCache(counted, project, "1000 1").format(references, "es");
        new ReferenceCache(counted, project, "1001 2").format(references, "es");

        assertThat(asked).containsExactly("es", "es");
    }

    @Test
    void changedReferencesAreFormattedAgainInEveryLanguage() {
        var first = new ReferenceCache(counted, project);
        first.format(List.of(reference("A study of knees")), "en");
        first.format(List.of(reference("A study of knees")), "es");

        var second = new ReferenceCache(counted, project);
        var spanish = second.format(List.of(reference("A better study of knees")), "es");
        var english = second.format(List.of(reference("A better study of knees")), "en");

        assertThat(asked).containsExactly("en", "es", "es", "en");
        assertThat(spanish.get("s1").text()).contains("A better study of knees");
        assertThat(english.get("s1").text()).contains("A better study of knees");
    }

    private static Reference reference(String title) {
        return new Reference("s1", SourceSpan.startOf("content/sources.yaml"), "article-journal",
                SourceSpan.startOf("content/sources.yaml"),
                List.of(new Reference.Name("Petersen", "W")), title, Optional.of("Knee Journal"), Optional.empty(),
                List.of(2014), Optional.of("22"), Optional.of("10"), Optional.of("2389-2402"), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of("https://journal.invalid/a"), List.of(2026, 1, 5), "en");
    }
}
