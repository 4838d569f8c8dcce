package dev.patella.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a translation's stamp hashes of a text: editors' notes ({@code <!-- -->}) are not part of what
 * a page says, so a text with notes added, changed or taken out reads as the text without them, and
 * a text that never held a note reads exactly as it did before notes were left out.
 */
class TranslationPartsTest {

    private static final String PLAIN = "Lift the leg.\nHold it.\n\nLower it slowly.";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a note at the end of a line|Lift the leg. <!-- ask Dr Smith -->~Hold it.~~Lower it slowly.",
        "a note inside a sentence|Lift the <!-- which one? -->leg.~Hold it.~~Lower it slowly.",
        "a note on a line of its own inside a paragraph|Lift the leg.~<!-- ask Dr Smith -->~Hold it.~~Lower it slowly.",
        "a note between paragraphs|Lift the leg.~Hold it.~~<!-- ask Dr Smith -->~~Lower it slowly.",
        "a note over several lines|<!--~TODO: ask Dr Smith~about the hold~-->~Lift the leg.~Hold it.~~Lower it slowly.",
        "two notes on one line|Lift the leg.~<!-- a --> <!-- b -->~Hold it.~~Lower it slowly.~<!-- the end -->"})
    void aTextWithNotesReadsAsTheTextWithoutThem(String name, String noted) {
        String text = noted.replace('~', '\n');

        assertThat(TranslationParts.text(TranslationParts.withoutNotes(text))).isEqualTo(TranslationParts.text(PLAIN));
    }

    /** The stamps written before notes were left out stay good: a text without a note is the same string. */
    @ParameterizedTest
    @ValueSource(strings = {PLAIN, "", "A <b> tag, a -> arrow and a -- dash.", "Written as text: \\<!-- not a note -->.",
        "Never closed: <!-- ask Dr Smith"})
    void aTextWithoutANoteIsLeftAsItIs(String text) {
        assertThat(TranslationParts.withoutNotes(text)).isSameAs(text);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a word changed next to a note|Lift the arm. <!-- ask Dr Smith -->~Hold it.~~Lower it slowly.",
        "a paragraph split next to a note|Lift the leg.~<!-- ask Dr Smith -->~~Hold it.~~Lower it slowly."})
    void aChangeToTheWordsNextToANoteStillCounts(String name, String noted) {
        String text = noted.replace('~', '\n');

        assertThat(TranslationParts.text(TranslationParts.withoutNotes(text))).isNotEqualTo(TranslationParts.text(PLAIN));
    }
}
