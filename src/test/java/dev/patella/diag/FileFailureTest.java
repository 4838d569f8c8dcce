package dev.patella.diag;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The operating system's reasons, as the JDK reports them on Linux, macOS and Windows, become
 * plain words with a next step. (The failures that can be caused for real in a test, whoever runs
 * it, are caused through the command line in {@code UnusableFilesTest}.)
 */
class FileFailureTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Permission denied          | permission denied                      | chmod u+w /srv/site",
        "Operation not permitted    | does not permit it                     | chattr -i /srv/site/index.html",
        "No space left on device    | no space left on the disk              | df -h /srv/site",
        "Disk quota exceeded        | no space left on the disk              | df -h /srv/site",
        "There is not enough space on the disk | no space left on the disk     | df -h /srv/site",
        "Read-only file system      | the disk is read-only                  | build --output DIR",
        "Not a directory            | a file is where a folder should be     | rename or remove the file",
        "Is a directory             | a folder is where a file should be     | rename or remove the folder",
        "Too many open files        | too many files are open                | ulimit -n",
        "Input/output error         | the disk reported an error             | still connected",
        "File name too long         | the path is too long                   | shorter",
        "Stale file handle          | Stale file handle                      | exists and that you may read and write it",
    })
    void eachReasonIsToldInPlainWordsWithWhatToDo(String os, String words, String step) {
        var e = new FileSystemException("/srv/site/index.html", null, os);

        var failure = FileFailure.writing(Path.of("/srv/site/index.html"), e);

        assertThat(failure.getMessage()).startsWith("cannot write /srv/site/index.html: ").contains(words)
                .contains(step);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "access  | cannot read /srv/content/x.md: permission denied; allow reading it: chmod u+r /srv/content/x.md",
        "missing | cannot read /srv/content/x.md: it does not exist; check that /srv/content/x.md is there",
    })
    void theJdksOwnExceptionTypesAreRecognised(String kind, String expected) {
        IOException e = kind.equals("access") ? new AccessDeniedException("/srv/content/x.md")
                : new NoSuchFileException("/srv/content/x.md");

        assertThat(FileFailure.reading(Path.of("/elsewhere"), e).getMessage()).startsWith(expected);
    }

    /**
     * Permission to write is what each action needs: a file opened to be written into (a lock) needs its own,
     * a file made, replaced or removed needs its folder's. Only reading is told to allow reading.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "OPEN_TO_WRITE | cannot open /srv/p/.site.lock for writing: permission denied; it must be writable: check who "
            + "may write it (ls -l /srv/p/.site.lock) and allow it: chmod u+w /srv/p/.site.lock, or run Patella as the "
            + "user who owns it",
        "WRITE         | cannot write /srv/p/.site.lock: permission denied; check who may write there (ls -ld /srv/p) "
            + "and allow it: chmod u+w /srv/p, or run Patella as the user who owns it",
        "DELETE        | cannot remove /srv/p/.site.lock: permission denied; check who may write there (ls -ld /srv/p)",
        "READ          | cannot read /srv/p/.site.lock: permission denied; allow reading it: chmod u+r /srv/p/.site.lock",
        "OPEN          | cannot open /srv/p/.site.lock: permission denied; allow reading it: chmod u+r /srv/p/.site.lock",
    })
    void permissionDeniedIsToldWithWhatTheActionNeeds(FileFailure.Action action, String expected) {
        var e = new AccessDeniedException("/srv/p/.site.lock");

        assertThat(FileFailure.of(action, Path.of("/srv/p/.site.lock"), e).getMessage()).startsWith(expected);
    }

    /** A file its owner may write already is not made writable by chmod u+w: the user who runs Patella is not its owner. */
    @Test
    void aFileOnlyItsOwnerMayWriteIsToldToBeWrittenAsItsOwner(@TempDir Path tmp) throws IOException {
        Path lock = Files.writeString(tmp.resolve(".site.lock"), "");
        String owner = Files.getOwner(lock).getName();

        var failure = FileFailure.of(FileFailure.Action.OPEN_TO_WRITE, lock, new AccessDeniedException(lock.toString()));

        assertThat(failure.getMessage()).isEqualTo("cannot open " + lock + " for writing: permission denied; it must be "
                + "writable by the user who runs Patella; its owner, " + owner + ", may write it (ls -l " + lock
                + "): run Patella as " + owner + ", or have an administrator give it to that user: sudo chown USER " + lock);
    }

    /** So is a folder its owner may write already, where a file is to be made: chmod u+w would change nothing. */
    @Test
    void aFolderOnlyItsOwnerMayWriteIsToldToBeWrittenAsItsOwner(@TempDir Path tmp) throws IOException {
        Path site = Files.createDirectories(tmp.resolve("site"));
        String owner = Files.getOwner(site).getName();

        var failure = FileFailure.of(FileFailure.Action.WRITE, site.resolve("index.html"),
                new AccessDeniedException(site.resolve("index.html").toString()));

        assertThat(failure.getMessage()).isEqualTo("cannot write " + site.resolve("index.html") + ": permission denied; "
                + "it must be writable by the user who runs Patella; its owner, " + owner + ", may write it (ls -ld "
                + site + "): run Patella as " + owner + ", or have an administrator give it to that user: sudo chown "
                + "-R USER " + site);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {"/srv/my site/x.md | '/srv/my site/x.md'", "/srv/it's/x.md | '/srv/it'\\''s/x.md'"})
    void pathsInCommandsAreQuotedForTheShell(String path, String quoted) {
        var failure = FileFailure.of(new UncheckedIOException(new AccessDeniedException(path)));

        assertThat(failure.getMessage()).contains("chmod u+r " + quoted);
    }
}
