package dev.patella.cli;

import dev.patella.build.ReservedNames;
import dev.patella.diag.FileFailure;
import dev.patella.source.Scaffold;
import dev.patella.source.TranslationFolders;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code patella new exercise|condition|page SLUG}: starts a content file with every field. */
@Command(name = "new", mixinStandardHelpOptions = true,
        description = {"Writes a new content file with every field explained, marked draft: true.",
                "It never replaces a file with anything in it (an empty one is filled). See the draft with: bin/patella serve"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the file was written", "1:the file already exists (nothing was written)",
                "2:the command line is wrong (for example a slug with capitals or spaces)",
                "3:the file could not be written"})
final class NewCommand implements Callable<Integer> {

    private final Clock clock;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "KIND", description = "exercise, condition or page")
    private String kind;

    @Parameters(index = "1", paramLabel = "SLUG",
            description = "The file name and web address: lower-case words joined by hyphens, such as wall-squat.")
    private String slug;

    /** Words after the slug: a name typed with spaces ("knee pain"), told as one name to write with hyphens. */
    @Parameters(index = "2..*", hidden = true)
    private List<String> moreWords = new ArrayList<>();

    @CommandLine.Mixin
    private ProjectOption projectOption;

    NewCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        Scaffold.Kind what = Arrays.stream(Scaffold.Kind.values())
                .filter(k -> k.word().equals(kind.toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(), "unknown kind '" + kind
                        + "': write exercise, condition or page"));
        Path project = projectOption.existing(spec.commandLine());
        if (!Files.isDirectory(project.resolve("content"))) {
            throw new CommandLine.ParameterException(spec.commandLine(), "there is no content/ folder in " + project
                    + "; run Patella from the project folder or pass --project");
        }
        String typed = moreWords.isEmpty() ? slug : slug + " " + String.join(" ", moreWords);
        if (!moreWords.isEmpty() || !Scaffold.isSlug(slug)) {
            String example = Scaffold.slugFor(typed);
            throw new CommandLine.ParameterException(spec.commandLine(), "'" + typed + "' cannot be used as a file "
                    + "name and web address; use lower-case letters, digits and single hyphens, for example "
                    + (example.isEmpty() || !Scaffold.isSlug(example) ? "wall-squat" : example));
        }
        // the site's other languages have their pages under /<code>/, so a page may not take a code's name
        List<String> languages = what == Scaffold.Kind.PAGE ? TranslationFolders.read(project).codes() : List.of();
        if (languages.contains(slug)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "the page name '" + slug + "' is the folder "
                    + "of the site's pages in the language " + slug + " (/" + slug + "/, listed in languages: of "
                    + "content/site.yaml); choose another");
        }
        if (what == Scaffold.Kind.PAGE && ReservedNames.isReserved(slug, languages)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "the page name '" + slug + "' is used by "
                    + "the site itself; choose another");
        }
        Path file = Scaffold.file(project, what, slug);
        String rel = project.relativize(file).toString().replace('\\', '/');
        String text = Scaffold.text(project, what, slug, LocalDate.now(clock));
        boolean empty = false;
        try {
            Files.createDirectories(file.getParent());
            // a file made empty in an editor, as pages are often begun, is filled; one with anything in it never is
            // (read leniently: a byte order mark alone is empty, a file in another encoding is not)
            empty = Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && Files.size(file) < 1024
                    && new String(Files.readAllBytes(file), StandardCharsets.UTF_8).replace("\uFEFF", "").isBlank();
            try (OutputStream stream = empty
                    ? Files.newOutputStream(file, LinkOption.NOFOLLOW_LINKS, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)
                    : Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
                stream.write(text.getBytes(StandardCharsets.UTF_8));
            }
        } catch (FileAlreadyExistsException e) {
            if (!file.toString().equals(e.getFile())) { // a file in place of the folder, not the page itself
                err.println("patella: " + FileFailure.writing(file, e).getMessage());
                return ExitCode.FAILURE;
            }
            err.println("patella: " + rel + " already exists, so nothing was written; edit that file, or choose "
                    + "another name");
            return ExitCode.CONTENT_ERRORS;
        } catch (IOException e) {
            err.println("patella: " + FileFailure.writing(file, e).getMessage());
            return ExitCode.FAILURE;
        }
        out.println("Wrote " + rel + (empty ? " (it was empty)" : "") + ", a draft " + what.word()
                + " with every field explained.");
        out.println("Preview it with `bin/patella serve`; remove the line draft: true when it is ready.");
        if (text.contains("your-id") || text.contains("your-first-exercise")) {
            out.println("Note: fill in the author" + (text.contains("your-first-exercise") ? " and the program's "
                    + "exercises" : "") + ": the project has none to start from yet.");
        }
        return ExitCode.OK;
    }
}
