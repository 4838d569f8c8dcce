package dev.patella.source;

import dev.patella.diag.Diagnostics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The text of a new content file for {@code patella new}: every field, each with a comment that
 * says what it is for, filled in with values that build, and {@code draft: true}. Optional
 * fields that need something the project may not have yet (an image, a reviewer) are there as
 * comments. Names taken from the project (the author, an exercise for a new program) are the
 * first ones it has.
 */
public final class Scaffold {

    /** The kinds of content file {@code patella new} writes. */
    public enum Kind {
        EXERCISE("exercises"), CONDITION("conditions"), PAGE("pages");

        private final String folder;

        Kind(String folder) {
            this.folder = folder;
        }

        /** The folder under {@code content/} these files live in. */
        public String folder() {
            return folder;
        }

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private Scaffold() {
    }

    /** {@code words} written as a slug, for a message's example: "Side Plank" is side-plank, "Über uns" uber-uns. */
    public static String slugFor(String words) {
        return FileNames.asSlug(words);
    }

    /** Whether {@code slug} can be a file name and web address: lower-case words joined by single hyphens. */
    public static boolean isSlug(String slug) {
        return ContentDocument.SLUG.matcher(slug).matches() && slug.length() <= 80;
    }

    /** The file {@code patella new} writes for this kind and slug. */
    public static Path file(Path project, Kind kind, String slug) {
        return project.resolve("content").resolve(kind.folder()).resolve(slug + ".md");
    }

    /**
     * The file's text.
     *
     * @throws UncheckedIOException when the project's people or exercises cannot be read
     */
    public static String text(Path project, Kind kind, String slug, LocalDate today) {
        return text(kind, slug, kind == Kind.PAGE ? "" : author(project),
                kind == Kind.CONDITION ? firstExercise(project) : "", today);
    }

    /** The file's text with the author and first exercise given (also read by {@link ScaffoldPlaceholders}). */
    static String text(Kind kind, String slug, String author, String exercise, LocalDate today) {
        String title = title(slug);
        return switch (kind) {
            case EXERCISE -> exercise(title, author, today);
            case CONDITION -> condition(title, author, exercise, today);
            case PAGE -> page(title);
        };
    }

    /** "wall-squat" becomes "Wall squat". */
    static String title(String slug) {
        String words = slug.replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String exercise(String title, String author, LocalDate today) {
        return """
                ---
                # A new exercise. Replace every value, keep the keys. Lines starting with # are notes for
                # you and are not published. The README's "content format" section explains each field.
                title: %s                      # the name readers know it by
                other_names: []                # other names, for example [Clam, Clamshell exercise]
                summary: What this exercise does, in one sentence.   # shown under the title and on cards
                muscles:
                  primary: [quadriceps]        # the muscles it mainly works
                  secondary: []                # others it works a little
                feel_it: Where the reader should feel it, such as the front of the thigh.
                equipment: []                  # what they need, for example [chair]; [] for nothing
                optional_equipment: []         # what makes it harder or easier, for example [resistance band]
                chain: open                    # open (the foot moves freely) or closed (feet on the floor)
                phase: early                   # early or later: where it belongs in a program
                position: The starting position, such as lying on the back with one knee bent.
                steps:                         # one action per step, in order
                  - The first thing to do, such as tightening the muscle at the front of the thigh.
                  - The next thing to do, one action per step.
                dose:
                  sets: 3                      # how many sets
                  reps: 10-15                  # repetitions per set: a number or a range
                  # hold_seconds: 5            # how long to hold each repetition, when it is held
                  rest: How long to rest between sets, in plain words.
                  per_side: true               # true when each leg is done separately
                  frequency: How often to do it, such as once or twice a day.
                # Lists of sentences: one "- " line per item, so a comma stays inside its sentence.
                tips:
                  - Something that helps to do it well, such as moving slowly.
                mistakes:                      # common mistakes
                  - A mistake people often make, such as moving too fast.
                progressions:                  # how to make it harder
                  - A way to make it harder, such as holding the lift a few seconds longer.
                regressions:                   # how to make it easier
                  - A way to make it easier, such as lifting the leg only a short way.
                stop_if:                       # added to the site's own list
                  - A sign to stop this exercise, such as a sharp pain in the knee.
                # illustration:                # a drawing, once it is in content/images/
                #   src: /images/%s.svg
                #   alt: What the drawing shows, for someone who cannot see it.
                #   credit: "Drawing: Patella"
                sources: []                    # keys from content/sources.yaml, for example [gasnick]
                author: %s                     # an id from content/people.yaml
                # reviewer: jane-doe           # the clinician who checked it, from content/people.yaml
                # adapted_from: gasnick        # a source this page is adapted from, credited on the page
                published: %s
                reviewed: %s
                # review_due: %s               # default: reviewed + the site's review interval
                # slug: %s                     # the web address; default: the file name
                draft: true                    # remove this line when the page is ready to publish
                ---
                Why this exercise helps and how it fits the program, in plain words. Cite a source with
                `[@key]`, with a key from content/sources.yaml.
                """.formatted(title, slugOf(title), author, today, today, today.plusYears(2), slugOf(title));
    }

    private static String condition(String title, String author, String exercise, LocalDate today) {
        return """
                ---
                # A new condition. Replace every value, keep the keys. Lines starting with # are notes for
                # you and are not published. The README's "content format" section explains each field.
                title: %s                      # the name readers know it by
                other_names: []                # other names, for example [Runner's knee]
                summary: What it is, in one sentence.    # shown under the title and on the home page
                # icd10: M22.4                 # the ICD-10 code, when there is one
                # Lists of sentences: one "- " line per item, so a comma stays inside its sentence.
                symptoms:                      # what readers notice
                  - Something readers notice, such as a dull ache around the kneecap.
                risk_factors: []               # what makes it more likely: "- " lines like symptoms
                # anatomy: [Kneecap (patella)]  # the body parts involved, for search engines
                avoid: []                      # what to avoid until it settles: "- " lines like symptoms
                program:                       # the exercises in the order they are done, by phase
                  - phase: early               # early or later
                    title: "Early phase"
                    # summary: One or two sentences about this phase.
                    exercises: [%s]            # exercise file names from content/exercises/
                sources: []                    # keys from content/sources.yaml
                author: %s                     # an id from content/people.yaml
                # reviewer: jane-doe           # the clinician who checked it, from content/people.yaml
                # adapted_from: gasnick        # a source this page is adapted from, credited on the page
                published: %s
                reviewed: %s
                # review_due: %s               # default: reviewed + the site's review interval
                # slug: %s                     # the web address; default: the file name
                draft: true                    # remove this line when the page is ready to publish
                ---
                ## What it is

                Explain the condition in plain words: what it is, its causes, who gets it, how it is
                treated and what to expect. Cite a source with `[@key]`, with a key from content/sources.yaml.
                """.formatted(title, exercise, author, today, today, today.plusYears(2), slugOf(title));
    }

    private static String page(String title) {
        return """
                ---
                # A new page, published at /<file name>/. Lines starting with # are notes for you.
                title: %s                      # the page's heading and title
                summary: What this page is about, in one sentence.   # for search results
                nav: false                     # true lists it in every page's footer
                # slug: %s                     # the web address; default: the file name
                draft: true                    # remove this line when the page is ready to publish
                ---
                Write the page here, in Markdown. Link to other pages from the site root, for example
                [the exercises](/exercises/).
                """.formatted(title, slugOf(title));
    }

    private static String slugOf(String title) {
        return title.toLowerCase(Locale.ROOT).replace(' ', '-');
    }

    /** The first person in people.yaml, or a placeholder the build will point at. */
    private static String author(Path project) {
        Path people = project.resolve("content/people.yaml");
        if (!Files.isRegularFile(people)) {
            return "your-id";
        }
        try {
            String text = Files.readString(people, StandardCharsets.UTF_8);
            Optional<YNode> root = new YamlReader().read(text, "content/people.yaml", 1, new Diagnostics());
            return root.filter(YNode.YMap.class::isInstance).map(YNode.YMap.class::cast)
                    .flatMap(map -> map.entries().keySet().stream().findFirst()).orElse("your-id");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + people, e);
        }
    }

    /** The first exercise file, by name, for a new program; a placeholder when there is none. */
    private static String firstExercise(Path project) {
        Path dir = project.resolve("content/exercises");
        if (!Files.isDirectory(dir)) {
            return "your-first-exercise";
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md"))
                    .filter(n -> !n.startsWith(".")).sorted().toList();
            return names.isEmpty() ? "your-first-exercise" : names.get(0).substring(0, names.get(0).length() - 3);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
