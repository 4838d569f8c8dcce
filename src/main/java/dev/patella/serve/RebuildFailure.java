package dev.patella.serve;

import dev.patella.diag.Diagnostic;
import dev.patella.diag.FileFailure;
import dev.patella.diag.SourceSpan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A rebuild that threw, as an error the overlay and the terminal show like any other: at the
 * best place known, with what went wrong in plain words. A rebuild throwing is a bug in Patella
 * (content mistakes are diagnostics), but it is nearly always set off by the file just saved,
 * so that file is where the editor is sent: the newest of the files changed since the last
 * rebuild that finished, or, when none is known (the first build), the newest file in
 * {@code content/} and {@code templates/}.
 */
final class RebuildFailure {

    static final String CODE = "serve.rebuild-failed";
    /** Lines of the stack trace printed to the terminal: enough to report, not a thousand of a stack overflow. */
    static final int TRACE_LINES = 25;

    private final Path project;

    RebuildFailure(Path project) {
        this.project = project.toAbsolutePath().normalize();
    }

    /**
     * The file Patella could not read or write that stopped the build, if that is what stopped it: no
     * bug, but a file the operating system refused (its permissions, a full disk), told as such.
     */
    static Optional<FileFailure> fileFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UncheckedIOException io) {
                return Optional.of(FileFailure.of(io)); // a FileFailure itself, or one a library threw without words
            }
            if (t instanceof IOException io) {
                return Optional.of(FileFailure.of(new UncheckedIOException(io)));
            }
        }
        return Optional.empty();
    }

    /** The error to show for {@code crash}. */
    Diagnostic diagnostic(Rebuilder.Crashed crash) {
        Optional<FileFailure> file = fileFailure(crash.failure());
        if (file.isPresent()) {
            SourceSpan at = file.get().path().map(p -> p.toAbsolutePath().normalize()).filter(p -> p.startsWith(project))
                    .map(this::at).orElse(SourceSpan.startOf("content"));
            return Diagnostic.error(CODE, at, file.get().getMessage() + "; the pages show the last version that "
                    + "built, and the next save builds again");
        }
        String what = describe(crash.failure());
        Optional<Path> changed = newest(crash.suspects().stream());
        if (changed.isPresent()) {
            return Diagnostic.error(CODE, at(changed.get()), "the rebuild stopped with an internal error (" + what
                    + ") after this file changed; this is a bug in Patella, most likely set off by what the file now "
                    + "holds. Undo the last change and save to get the preview back, and please report it with the "
                    + "lines the terminal shows. The pages show the last version that built");
        }
        Optional<Path> saved = newest(projectFiles());
        SourceSpan at = saved.map(this::at).orElse(SourceSpan.startOf("content"));
        return Diagnostic.error(CODE, at, "the build stopped with an internal error (" + what + "); this is a bug "
                + "in Patella. " + (saved.isPresent() ? "This is the file saved most recently, so look at it first: "
                + "undo its last change and save. " : "Save a file to try again. ")
                + "Please report it with the lines the terminal shows");
    }

    /** The failure in a few words: what kind, and its own message when it has one. */
    static String describe(Throwable failure) {
        if (failure instanceof StackOverflowError) {
            return "StackOverflowError: something is nested too deeply for Patella to follow";
        }
        if (failure instanceof OutOfMemoryError) {
            return "OutOfMemoryError: the build needed more memory than Java was given";
        }
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message.strip());
    }

    /** The first lines of the failure's stack trace, for a bug report. */
    static List<String> trace(Throwable failure) {
        List<String> lines = new ArrayList<>();
        lines.add(failure.toString());
        StackTraceElement[] frames = failure.getStackTrace();
        for (int i = 0; i < Math.min(frames.length, TRACE_LINES); i++) {
            lines.add("\tat " + frames[i]);
        }
        if (frames.length > TRACE_LINES) {
            lines.add("\t... " + (frames.length - TRACE_LINES) + " more");
        }
        if (failure.getCause() != null && failure.getCause() != failure) {
            lines.add("Caused by: " + failure.getCause());
        }
        return lines;
    }

    private SourceSpan at(Path file) {
        return SourceSpan.startOf(project.relativize(file).toString().replace('\\', '/'));
    }

    /** The most recently modified of {@code files} that is a regular file inside the project. */
    private Optional<Path> newest(Stream<Path> files) {
        return files.map(p -> p.toAbsolutePath().normalize()).filter(p -> p.startsWith(project))
                .flatMap(p -> modified(p).map(t -> new Dated(p, t)).stream())
                .max(Comparator.comparing(Dated::time).thenComparing(Dated::path, Comparator.reverseOrder()))
                .map(Dated::path);
    }

    private Stream<Path> projectFiles() {
        List<Path> all = new ArrayList<>();
        for (String folder : List.of("content", "templates")) {
            Path root = project.resolve(folder);
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(p -> !p.getFileName().toString().startsWith(".")).forEach(all::add);
            } catch (IOException | UncheckedIOException e) {
                // a folder that cannot be listed holds no suspect
            }
        }
        return all.stream();
    }

    private static Optional<FileTime> modified(Path path) {
        try {
            var attributes = Files.readAttributes(path, BasicFileAttributes.class);
            return attributes.isRegularFile() ? Optional.of(attributes.lastModifiedTime()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // deleted since it changed
        }
    }

    private record Dated(Path path, FileTime time) {
    }
}
