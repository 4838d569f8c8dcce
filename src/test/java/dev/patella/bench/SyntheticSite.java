package dev.patella.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes a large project for measurements: the shipped content and templates plus generated
 * conditions, exercises (each in one condition's program) and plain pages, whose Markdown mixes
 * paragraphs, headings, lists, tables, links and citations.
 */
public final class SyntheticSite {

    /** Exercises per generated condition. */
    static final int PROGRAM = 50;

    private SyntheticSite() {
    }

    /** {@code SyntheticSite DIR EXTRA_PAGES}: writes a project, for trying commands on a large site. */
    public static void main(String[] args) {
        int exercises = generate(Path.of("").toAbsolutePath(), Path.of(args[0]), Integer.parseInt(args[1]));
        System.out.println("Wrote " + args[0] + " with " + args[1] + " extra pages (" + exercises + " exercises)");
    }

    /** The generated exercise with this number's slug. */
    public static String exercise(int n) {
        return "gen-exercise-" + n;
    }

    /**
     * Writes a project to {@code dir} holding the shipped site and {@code extra} more pages: one
     * condition per {@value #PROGRAM} exercises, a quarter of the pages exercises, the rest plain pages.
     *
     * @return the number of generated exercises
     */
    public static int generate(Path shipped, Path dir, int extra) {
        copy(shipped.resolve("content"), dir.resolve("content"));
        copy(shipped.resolve("templates"), dir.resolve("templates"));
        int conditions = Math.max(1, extra / (4 * PROGRAM + 4));
        int exercises = conditions * PROGRAM;
        int pages = extra - conditions - exercises;
        for (int c = 0; c < conditions; c++) {
            List<String> program = new ArrayList<>();
            for (int i = 0; i < PROGRAM; i++) {
                program.add(exercise(c * PROGRAM + i));
            }
            write(dir.resolve("content/conditions/gen-condition-" + c + ".md"), condition(c, program));
        }
        for (int e = 0; e < exercises; e++) {
            write(dir.resolve("content/exercises/" + exercise(e) + ".md"), exercise(e, e / PROGRAM, "Body text"));
        }
        for (int p = 0; p < pages; p++) {
            write(dir.resolve("content/pages/gen-page-" + p + ".md"), page(p));
        }
        return exercises;
    }

    static String condition(int c, List<String> program) {
        return """
                ---
                title: Generated condition %d
                summary: A condition made up for measuring Patella.
                symptoms: [A dull ache., Stiffness after sitting.]
                program:
                  - phase: early
                    title: "Early phase"
                    exercises: [%s]
                  - phase: later
                    title: "Later phase"
                    exercises: [%s]
                sources: [gasnick]
                author: patella-editors
                published: 2026-01-01
                reviewed: 2026-01-01
                ---
                %s
                """.formatted(c, String.join(", ", program.subList(0, program.size() / 2)),
                String.join(", ", program.subList(program.size() / 2, program.size())), prose(c));
    }

    /** An exercise file; {@code body} is its first sentence, which measurements change. */
    public static String exercise(int e, int condition, String body) {
        return """
                ---
                title: Generated exercise %d
                summary: Strengthens the muscles that keep the knee in line.
                muscles:
                  primary: [gluteus medius]
                feel_it: The side of your hip.
                equipment: []
                chain: %s
                phase: %s
                position: Lie on one side with your knees bent.
                steps:
                  - Keep your ankles together.
                  - Slowly lift your top knee.
                  - Lower it again with control.
                dose:
                  sets: 3
                  reps: 10-15
                  per_side: true
                tips: [Move slowly.]
                mistakes: [Rolling the hips backward.]
                sources: [gasnick]
                author: patella-editors
                published: 2026-01-01
                reviewed: 2026-01-01
                ---
                %s about this exercise. It belongs to [generated condition %d](/conditions/gen-condition-%d/#program).

                %s
                """.formatted(e, e % PROGRAM < PROGRAM / 2 ? "open" : "closed",
                e % PROGRAM < PROGRAM / 2 ? "early" : "later", body, condition, condition, prose(e));
    }

    static String page(int p) {
        return """
                ---
                title: Generated page %d
                summary: A page made up for measuring Patella.
                ---
                %s
                """.formatted(p, prose(p));
    }

    private static String prose(int n) {
        return """
                ## Why it matters

                Kneecap pain is common in people who run and jump [@gasnick]. Most people get better with
                exercise, and the [exercises](/exercises/) on this site are a good place to start. See the
                [steps of the clamshell](/exercises/clamshell/#steps) for an example.

                - Warm up for five minutes first.
                - Stop if the pain gets sharp.
                - Build up slowly, week by week.

                | Week | Sets | Repetitions |
                |------|------|-------------|
                | 1    | 2    | 10          |
                | 2    | 3    | 12          |

                ### A note on pace %d

                Go at a pace where you can *talk*, and keep **good form** over speed. Read [about this
                site](/about/) to see who writes it.
                """.formatted(n);
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(Path from, Path to) {
        try (var walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
