package dev.patella.cli;

import dev.patella.diag.Diagnostics;
import dev.patella.diag.FileFailure;
import dev.patella.source.TranslationFolders;
import dev.patella.source.TranslationMarker;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
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
            return mark(targets, folders, out, err);
        } catch (UncheckedIOException e) {
            err.println("patella: " + FileFailure.of(e).getMessage());
            return ExitCode.FAILURE;
        }
    }

    private int mark(List<String> targets, TranslationFolders folders, PrintWriter out, PrintWriter err) {
        var marker = new TranslationMarker();
        int marked = 0;
        int current = 0;
        List<String> refused = new ArrayList<>();
        var problems = new Diagnostics();
        for (String file : targets.stream().distinct().toList()) {
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
