package dev.patella.cli;

import dev.patella.build.Builder;
import dev.patella.config.BuildOptions;
import dev.patella.diag.Diagnostic;
import dev.patella.diag.Diagnostics;
import dev.patella.model.Translation;
import dev.patella.diag.FileFailure;
import dev.patella.source.TranslationFolders;
import dev.patella.source.TranslationMarker;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code patella translated} with its options read (see {@link TranslatedCommand} for their meaning).
 *
 * @param files the translations as typed, relative to the project folder (or absolute); empty with {@code all}
 * @param all   the language code of {@code --all CODE}
 */
record TranslatedRequest(Path project, List<String> files, Optional<String> all) implements Request {

    static final String COMMAND = "patella translated";

    TranslatedRequest {
        files = List.copyOf(files);
    }

    @Override
    public int run(Clock clock, PrintWriter out, PrintWriter err) {
        Optional<String> projectProblem = CommandLineMistakes.projectProblem(project);
        if (projectProblem.isPresent()) {
            return CommandLineMistakes.error(err, COMMAND, projectProblem.get());
        }
        try {
            var folders = TranslationFolders.read(project);
            List<String> targets = new ArrayList<>();
            if (all.isPresent()) {
                String code = all.get();
                if (!folders.codes().contains(code)) {
                    return CommandLineMistakes.error(err, COMMAND, "--all " + code + ": " + code + " is not one of the "
                            + "site's other languages " + folders.described());
                }
                targets.addAll(TranslationFolders.translations(project, code));
                if (targets.isEmpty()) {
                    out.println("content/" + code + "/ holds no translations yet, so there is nothing to mark.");
                    return ExitCode.OK;
                }
            }
            for (String typed : files) {
                Optional<String> file = inProject(typed);
                Optional<String> problem = file.isEmpty() ? Optional.of(typed + " is not inside the project folder "
                        + project) : TranslationMarker.notATranslation(project, file.get(), folders);
                if (problem.isPresent()) {
                    return CommandLineMistakes.error(err, COMMAND, problem.get());
                }
                targets.add(file.get());
            }
            return mark(targets, folders, clock, out, err);
        } catch (UncheckedIOException e) {
            err.println("patella: " + FileFailure.of(e).getMessage());
            return ExitCode.FAILURE;
        }
    }

    private int mark(List<String> targets, TranslationFolders folders, Clock clock, PrintWriter out, PrintWriter err) {
        var marker = new TranslationMarker();
        int marked = 0;
        int current = 0;
        List<String> refused = new ArrayList<>();
        var problems = new Diagnostics();
        Map<String, List<Diagnostic>> errors = errorsByFile(clock);
        for (String file : targets.stream().distinct().toList()) {
            String source = Translation.sourceFile(file, file.split("/", 3)[1]);
            List<Diagnostic> sourceErrors = errors.getOrDefault(source, List.of());
            if (!sourceErrors.isEmpty()) {
                // a translation marked now would be marked as following the mistake, and be called out of date once it is fixed
                sourceErrors.forEach(problems::add);
                err.println("patella: " + file + " was not marked: its source " + source + " has "
                        + Report.count(sourceErrors.size(), "error") + " (listed below); fix "
                        + (sourceErrors.size() == 1 ? "it" : "them") + " first, then mark the translation");
                refused.add(file);
                continue;
            }
            var outcome = marker.mark(project, file, folders);
            if (outcome instanceof TranslationMarker.Marked m) {
                out.println("Marked " + m.file() + " as translated from " + m.source() + " as it is now.");
                marked++;
            } else if (outcome instanceof TranslationMarker.AlreadyMarked a) {
                if (all.isEmpty()) {
                    out.println(a.file() + " was already marked as translated from " + a.source() + " as it is now; "
                            + "it was not changed.");
                }
                current++;
            } else if (outcome instanceof TranslationMarker.Refused r) {
                r.problems().forEach(problems::add);
                if (!r.reason().isEmpty()) {
                    err.println("patella: " + r.reason());
                }
                refused.add(r.file());
            }
        }
        Report.print(project, problems, err);
        if (all.isPresent()) {
            out.println("Marked " + Report.count(marked, "translation") + " in content/" + all.get() + "/"
                    + (current > 0 ? "; " + current + (current == 1 ? " was" : " were") + " already up to date" : "")
                    + ".");
        }
        if (!refused.isEmpty()) {
            err.println("Not marked: " + String.join(", ", refused) + ". Fix what is listed above, then run "
                    + COMMAND + " again.");
            return ExitCode.CONTENT_ERRORS;
        }
        return ExitCode.OK;
    }

    /**
     * The errors of the content as a build finds them (drafts too, which may be translated before they are
     * published), by the file they are in; nothing is written.
     */
    private Map<String, List<Diagnostic>> errorsByFile(Clock clock) {
        var options = new BuildOptions(project, project.resolve("site"), Optional.empty(), true, false,
                LocalDate.now(clock));
        var diagnostics = new Diagnostics(Integer.MAX_VALUE);
        new Builder(System::nanoTime).inMemory(options, diagnostics);
        Map<String, List<Diagnostic>> out = new HashMap<>();
        diagnostics.sorted().stream().filter(Diagnostic::isError)
                .forEach(d -> out.computeIfAbsent(d.at().file(), f -> new ArrayList<>()).add(d));
        return out;
    }

    /** @return the file's path relative to the project, with forward slashes; empty when it is outside */
    private Optional<String> inProject(String typed) {
        try {
            Path given = Path.of(typed);
            Path root = project.toAbsolutePath().normalize();
            Path file = (given.isAbsolute() ? given : root.resolve(given)).normalize();
            return file.startsWith(root) ? Optional.of(root.relativize(file).toString().replace('\\', '/'))
                    : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}
