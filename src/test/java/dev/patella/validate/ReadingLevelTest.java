package dev.patella.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.patella.TestSites;
import dev.patella.diag.SourceSpan;
import dev.patella.model.Prose;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each language's reading-level formula, its syllables and its target; no formula, no score. */
class ReadingLevelTest {

    @TempDir
    Path tmp;

    private static List<Prose> text(String markdown) {
        return List.of(new Prose(markdown, new SourceSpan("content/pages/about.md", 5, 1)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"en, FLESCH_KINCAID", "en-GB, FLESCH_KINCAID", "EN-us, FLESCH_KINCAID", "es, INFLESZ",
        "es-MX, INFLESZ", "es-419, INFLESZ", "es_ES, INFLESZ"})
    void eachLanguageGetsTheFormulaMadeForIt(String tag, ReadingLevel formula) {
        assertThat(ReadingLevel.forLanguage(tag)).contains(formula);
    }

    /** A translation is measured in its own language, whatever the site's default is. */
    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"content/es/exercises/clamshell.md, es", "content/es/conditions/chondromalacia-patella.md, es",
        "content/pt-BR/pages/about.md, pt-BR", "content/exercises/clamshell.md, en", "content/pages/about.md, en",
        "content/pages/es/about.md, en", "content/es/images/a.md, en"})
    void aPageIsInTheLanguageOfItsFolder(String file, String language) {
        assertThat(EditorialChecks.languageOf(new SourceSpan(file, 1, 1), "en")).isEqualTo(language);
    }

    @ParameterizedTest
    @CsvSource({"fr", "de", "ar", "he", "zh-Hant", "pt-BR", "eu"})
    void aLanguageWithoutAFormulaGetsNone(String tag) {
        assertThat(ReadingLevel.forLanguage(tag)).isEmpty();
    }

    /** Counts by the spelling rules of Spanish (syllables marked with hyphens). */
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        // plain words
        "casa, 2", "perro, 2", "dolor, 2", "rodilla, 3", "músculo, 3", "sentadilla, 4", "rehabilitación, 6",
        "también, 2", "después, 2", "cuádriceps, 3",
        // diphthongs: a closed vowel (i, u) beside another vowel shares its syllable
        "pie, 1", "agua, 2", "piano, 2", "tiene, 2", "ciudad, 2", "cuidado, 3", "ejercicio, 4",
        "ejercicios, 4", "estiramiento, 5", "estudiar, 3", "ruido, 2", "fuerza, 2", "siete, 2",
        // triphthongs
        "averiguáis, 4", "buey, 1", "Uruguay, 3",
        // hiatus: two open vowels, or an accented i or u
        "leer, 2", "poeta, 3", "aéreo, 4", "caoba, 3", "día, 2", "río, 2", "país, 2", "baúl, 2", "oído, 3",
        "frío, 2", "tendría, 3", "continúa, 4",
        // the silent u of que, qui, gue, gui; the sounded ü
        "que, 1", "queso, 2", "quiero, 2", "aquí, 2", "química, 3", "guerra, 2", "guitarra, 3", "guía, 2",
        "pingüino, 3", "vergüenza, 3",
        // y: a vowel at the end of a word and alone, a consonant elsewhere
        "hoy, 1", "muy, 1", "rey, 1", "y, 1", "yo, 1", "ayuda, 3", "mayo, 2", "leyes, 2",
        // h between vowels
        "ahí, 2", "búho, 2", "ahora, 3",
        // capitals, numbers
        "ÁRBOL, 2", "Quién, 1", "10, 1", "2.5, 1"})
    void spanishSyllablesFollowTheSpellingRules(String word, int syllables) {
        assertThat(ReadingLevel.INFLESZ.syllables(word)).isEqualTo(syllables);
    }

    @Test
    void inflesz_is206point835LessSyllablesPerWordTimes62point3LessWordsPerSentence() {
        // el(1) pe-rro(2) co-me(2). la(1) ca-sa(2) es(1) a-zul(2): 7 words, 2 sentences, 11 syllables
        var level = ReadingLevel.INFLESZ.measure(text("El perro come. La casa es azul."));

        assertThat(level.words()).isEqualTo(7);
        assertThat(level.sentences()).isEqualTo(2);
        assertThat(level.scale()).isEqualTo("inflesz");
        assertThat(level.score()).isCloseTo(206.835 - 62.3 * 11 / 7 - 7.0 / 2, within(1e-9));
    }

    @Test
    void spanishWordsKeepTheirAccentedLettersAndSentencesTheirMarks() {
        // ¿ and ¡ open sentences; « » quote; an accented letter does not split a word
        var level = ReadingLevel.INFLESZ.measure(text("¿Está aquí? ¡Sí! Dijo «ya está, me voy.» Y se fue."));

        // es-tá a-quí | sí | di-jo ya es-tá me voy | y se fue
        assertThat(level.sentences()).isEqualTo(4);
        assertThat(level.words()).isEqualTo(11);
        assertThat(level.longest().get(0).words()).isEqualTo(5);
        assertThat(level.longest().get(0).syllables()).isEqualTo(7);
    }

    @Test
    void englishKeepsTheFleschKincaidGrade() {
        // the(1) cat(1) sat(1). it(1) was(1) hap-py(2): 6 words, 2 sentences, 7 syllables
        var level = ReadingLevel.FLESCH_KINCAID.measure(text("The cat sat. It was happy."));

        assertThat(level.scale()).isEqualTo("flesch-kincaid");
        assertThat(level.score()).isCloseTo(0.39 * 6 / 2 + 11.8 * 7 / 6 - 15.59, within(1e-9));
        assertThat(ReadingLevel.FLESCH_KINCAID.syllables("named")).isEqualTo(1);
        assertThat(ReadingLevel.FLESCH_KINCAID.syllables("table")).isEqualTo(2);
    }

    /** An editor's note in an HTML comment is not read by readers, so it does not count. */
    @Test
    void anEditorsNoteIsNotMeasured() {
        var plain = ReadingLevel.FLESCH_KINCAID.measure(text("The cat sat.\n\nIt was happy."));
        var noted = ReadingLevel.FLESCH_KINCAID.measure(text("The cat sat. <!-- Ask the veterinarian whether "
                + "the cat's intermittent immobility indicates musculoskeletal deterioration. -->\n\n"
                + "<!-- Another\nextraordinarily complicated consideration. -->\nIt was happy."));

        assertThat(noted.words()).isEqualTo(plain.words());
        assertThat(noted.score()).isEqualTo(plain.score());
    }

    @Test
    void eachFormulaHasItsOwnTarget() {
        var hardSpanish = new Readability.Level("inflesz", 48.2, 100, 4, List.of());
        var normalSpanish = new Readability.Level("inflesz", 55, 100, 8, List.of());
        var grade9 = new Readability.Level("flesch-kincaid", 9, 100, 5, List.of());

        assertThat(ReadingLevel.INFLESZ.tooHard(hardSpanish, 8)).hasValueSatisfying(why -> assertThat(why)
                .contains("48.2 on the INFLESZ scale").contains("algo difícil").contains("target of 55"));
        assertThat(ReadingLevel.INFLESZ.tooHard(normalSpanish, 8)).isEmpty();
        assertThat(ReadingLevel.FLESCH_KINCAID.tooHard(grade9, 8)).contains(
                "this page reads at grade 9.0, above the site's limit of 8.0; use shorter sentences and plainer words");
        assertThat(ReadingLevel.FLESCH_KINCAID.tooHard(grade9, 10)).isEmpty();
    }

    @Test
    void aHardSpanishPageIsWarnedAboutOnTheInfleszScale() {
        Path project = TestSites.project(tmp.resolve("p"), "publishable");
        Path yaml = project.resolve("content/site.yaml");
        TestSites.write(yaml, TestSites.read(yaml).replace("language: en", "language: es"));
        TestSites.write(project.resolve("content/pages/about.md"), """
                ---
                title: Acerca de
                summary: Sobre este sitio.
                ---
                La condromalacia rotuliana, caracterizada por el reblandecimiento progresivo del cartílago \
                articular retropatelar, constituye una afección musculoesquelética frecuentemente \
                diagnosticada en deportistas adolescentes que practican actividades con sobrecarga \
                repetitiva del aparato extensor.

                Corto y claro.
                """);

        var run = TestSites.run("check", "--project", project.toString());

        assertThat(run.diagnostics()).as(run.err()).contains("warning readability.grade content/pages/about.md:1:1");
        assertThat(run.message("readability.grade")).contains("INFLESZ").contains("muy difícil")
                .contains("line 5 (30 words)").doesNotContain("grade ");
    }

    @Test
    void aLanguageWithoutAFormulaIsNotedOnceAndNoPageIsWarned() {
        Path project = TestSites.project(tmp.resolve("p"), "publishable", "hard-to-read");
        Path yaml = project.resolve("content/site.yaml");
        TestSites.write(yaml, TestSites.read(yaml).replace("language: en", "language: fr"));

        var run = TestSites.run("check", "--project", project.toString());

        assertThat(run.diagnostics()).as(run.err()).noneMatch(d -> d.contains("readability.grade"))
                .containsOnlyOnce("warning readability.no-formula content/conditions/sore-knee.md:1:1");
        assertThat(run.message("readability.no-formula")).contains("\"fr\"").contains("and the 2 others");
    }
}
