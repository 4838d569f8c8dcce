package dev.patella.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.patella.TestSites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A drawing with words in it (the "Start" and "End" labels of the shipped drawings) is read in the page's
 * language: a translated exercise whose source's drawing has words names a drawing of its own, whose words
 * are not the source's. Cases are every translated exercise of the shipped content.
 */
class TranslatedDrawingsTest {

    private static final Path CONTENT = TestSites.PROJECT.resolve("content");
    private static final Pattern WORDS = Pattern.compile("<(?:text|title)[^>]*>([^<]*\\p{L}{2}[^<]*)</(?:text|title)>");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static List<Path> translatedExercises() throws IOException {
        try (Stream<Path> walk = Files.walk(CONTENT)) {
            return walk.filter(p -> CONTENT.relativize(p).toString().matches("[a-z]{2}(-[A-Z]{2})?/exercises/[^/]+\\.md"))
                    .sorted().toList();
        }
    }

    @ParameterizedTest
    @MethodSource("translatedExercises")
    void aDrawingWithWordsIsInThePagesLanguage(Path translation) throws IOException {
        Path source = CONTENT.resolve(CONTENT.relativize(translation).subpath(1, 3));
        String englishDrawing = drawing(source);
        List<String> englishWords = words(englishDrawing);
        if (englishWords.isEmpty()) {
            return;
        }
        String drawing = drawing(translation);
        assertThat(drawing).as(translation + " names the drawing of its source, whose words are English")
                .isNotEqualTo(englishDrawing);
        assertThat(words(drawing)).as(drawing).doesNotContainAnyElementsOf(englishWords);
    }

    private static String drawing(Path markdown) throws IOException {
        String text = Files.readString(markdown);
        String front = text.substring(text.indexOf("---") + 3, text.indexOf("\n---", 3));
        return YAML.readTree(front).path("illustration").path("src").asText();
    }

    private static List<String> words(String src) throws IOException {
        String svg = Files.readString(CONTENT.resolve(src.substring(1)));
        return WORDS.matcher(svg).results().map(m -> m.group(1)).filter(w -> !w.matches("\\d+ .*")).toList();
    }
}
