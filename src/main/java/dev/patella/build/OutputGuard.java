package dev.patella.build;

import dev.patella.diag.FileFailure;
import dev.patella.diag.ShellPath;
import dev.patella.output.SiteWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/** Refuses output folders whose replacement would destroy something that is not a built site. */
final class OutputGuard {

    private OutputGuard() {
    }

    /** @return why {@code output} must not be used, or empty when it is safe */
    static Optional<String> problem(Path project, Path output) {
        Path p = project.toAbsolutePath().normalize();
        Path o = output.toAbsolutePath().normalize();
        if (p.startsWith(o)) {
            return Optional.of("the output folder " + o + " holds the project itself, which building would replace; "
                    + "choose another --output, such as " + p.resolve("site"));
        }
        for (Path precious : new Path[] {p.resolve("content"), p.resolve("templates"), p.resolve("src")}) {
            if (precious.startsWith(o) || o.startsWith(precious)) {
                return Optional.of("the output folder " + o + " overlaps " + precious
                        + ", which building would overwrite; choose another --output, such as " + p.resolve("site"));
            }
        }
        if (Files.isSymbolicLink(o)) {
            // a build swaps the folder with its twin by renaming: the link itself would be replaced, and
            // the folder it points at never written
            String target;
            try {
                target = Files.readSymbolicLink(o).toString();
            } catch (IOException e) {
                target = "another folder";
            }
            return Optional.of("the output folder " + o + " is a symbolic link to " + target + ", which a build would "
                    + "replace with a folder of its own, leaving " + target + " as it is; nothing was changed. Remove "
                    + "the link (rm " + ShellPath.quoted(o) + "), build, and send the site there with bin/patella "
                    + "publish --to " + o.resolveSibling(target).normalize().toUri() + " (or, if that folder is empty, "
                    + "build into it: --output " + ShellPath.quoted(o.resolveSibling(target).normalize()) + ")");
        }
        if (Files.isDirectory(o) && !isEmpty(o) && !SiteWriter.wroteBefore(o)) {
            // a build replaces its folder whole: what is in one Patella never wrote would be lost
            String shown = ShellPath.quoted(o);
            return Optional.of("the output folder " + o + " holds files, and no Patella build wrote it (there is no "
                    + "." + o.getFileName() + ".manifest or ." + o.getFileName() + ".lock beside it), so building would "
                    + "replace what it holds; nothing was changed. Build into an empty or new folder (--output DIR), "
                    + "or, if nothing in " + o + " is needed, remove it (rm -rf " + shown + ") and build again");
        }
        if (Files.exists(o) && !Files.isDirectory(o)) {
            return Optional.of("the output " + o + " is a file, not a folder; choose another --output");
        }
        return Optional.empty();
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw FileFailure.of(FileFailure.Action.LIST, dir, e);
        }
    }
}
