package dev.patella.diag;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Locale;
import java.util.Optional;

/**
 * A file or folder that could not be read or written, told the way the person at the keyboard
 * needs it: what Patella was doing, on which path, why (the operating system's reason in plain
 * words: permission denied, the disk is full, ...) and what to do next. Its message is that one
 * sentence, so every place that prints an I/O failure prints it the same way.
 */
public final class FileFailure extends UncheckedIOException {

    private static final long serialVersionUID = 1L;

    /**
     * What Patella was doing with the path. {@code WRITE}, {@code MOVE} and {@code DELETE} make, replace or
     * remove a name in a folder, which the folder's permissions allow; {@code OPEN_TO_WRITE} writes into a
     * file that is there already, which its own permissions allow.
     */
    public enum Action {
        READ("read", ""), LIST("list the folder", ""), WRITE("write", ""), MOVE("move", ""), DELETE("remove", ""),
        OPEN("open", ""), OPEN_TO_WRITE("open", " for writing");

        private final String verb;
        private final String after;

        Action(String verb, String after) {
            this.verb = verb;
            this.after = after;
        }
    }

    /** The operating system's reasons that people meet, each with its plain words. */
    enum Reason {
        PERMISSION("permission denied"),
        LOCKED("the operating system does not permit it (the file or folder may be locked against changes)"),
        FULL("no space left on the disk"),
        READ_ONLY("the disk is read-only (a read-only file system)"),
        FILE_IN_THE_WAY("a file is where a folder should be (not a directory)"),
        FOLDER_IN_THE_WAY("a folder is where a file should be (is a directory)"),
        MISSING("it does not exist"),
        NOT_EMPTY("the folder is not empty"),
        TOO_MANY_OPEN("too many files are open at once"),
        DISK_ERROR("the disk reported an error (input/output error)"),
        LOOP("symbolic links lead round in a circle"),
        NAME_TOO_LONG("the path is too long"),
        OTHER("");

        final String words;

        Reason(String words) {
            this.words = words;
        }
    }

    private final Action action;
    private final Optional<Path> path;
    private final Reason reason;
    private final String detail;

    private FileFailure(Action action, Optional<Path> path, IOException cause) {
        super(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage(), cause);
        this.action = action;
        this.path = path;
        this.reason = reasonOf(cause);
        this.detail = osText(cause);
    }

    /** Reading {@code path} failed. */
    public static FileFailure reading(Path path, IOException cause) {
        return new FileFailure(Action.READ, Optional.of(blamed(path, cause)), cause);
    }

    /** Writing or making {@code path} failed. */
    public static FileFailure writing(Path path, IOException cause) {
        return new FileFailure(Action.WRITE, Optional.of(blamed(path, cause)), cause);
    }

    /** {@code action} on {@code path} failed; the path the operating system names, when it names one, is used instead. */
    public static FileFailure of(Action action, Path path, IOException cause) {
        return new FileFailure(action, Optional.of(blamed(path, cause)), cause);
    }

    /**
     * The same failure told in plain words, for an {@link UncheckedIOException} thrown by code that
     * did not say what it was doing (a library, a stream over a folder).
     *
     * @return {@code e} itself when it is already a {@code FileFailure}
     */
    public static FileFailure of(UncheckedIOException e) {
        if (e instanceof FileFailure failure) {
            return failure;
        }
        IOException cause = e.getCause();
        Optional<Path> path = cause instanceof FileSystemException f && f.getFile() != null
                ? Optional.of(Path.of(f.getFile())) : Optional.empty();
        return new FileFailure(Action.OPEN, path, cause);
    }

    /** The path the failure is about, when known. */
    public Optional<Path> path() {
        return path;
    }

    /** The operating system's reason, in plain words. */
    public String reason() {
        return reason == Reason.OTHER ? detail : reason.words;
    }

    /** What to do about it, as an instruction. */
    public String nextStep() {
        String shown = path.map(ShellPath::quoted).orElse("the file");
        String folder = path.map(p -> ShellPath.quoted(folderOf(p))).orElse("the folder");
        return switch (reason) {
            case PERMISSION -> switch (action) {
                case READ, LIST, OPEN -> "allow reading it: chmod u+r " + shown + " (for a folder: chmod u+rx " + shown + ")";
                case OPEN_TO_WRITE -> asOwner(path, shown, "ls -l ", "").orElse("it must be writable: check who may "
                        + "write it (ls -l " + shown + ") and allow it: chmod u+w " + shown + ", or run Patella as the "
                        + "user who owns it");
                case WRITE, MOVE, DELETE -> asOwner(path.map(FileFailure::folderOf), folder, "ls -ld ", "-R ").orElse("check "
                        + "who may write there (ls -ld " + folder + ") and allow it: chmod u+w " + folder + ", or run "
                        + "Patella as the user who owns it");
            };
            case LOCKED -> "check whether it is locked (lsattr -d " + shown + " shows an i) and unlock it with "
                    + "chattr -i " + shown + ", or close the program that holds it";
            case FULL -> "free some space on the disk that holds " + folder + " (df -h " + folder
                    + " shows what is left), then run the command again";
            case READ_ONLY -> "write to a disk that can be written (build --output DIR) or make this one writable "
                    + "again, then run the command again";
            case FILE_IN_THE_WAY -> "rename or remove the file that is in the way"
                    + path.map(p -> " (" + ShellPath.quoted(p) + ")").orElse("") + ", so that the folder can be there";
            case FOLDER_IN_THE_WAY -> "rename or remove the folder " + shown + ", so that the file can be there";
            case MISSING -> "check that " + shown + " is there (it may have been moved or deleted while Patella ran),"
                    + " then run the command again";
            case NOT_EMPTY -> "empty or remove the folder " + shown + ", then run the command again";
            case TOO_MANY_OPEN -> "close other programs, or raise the limit (ulimit -n 4096), then run the command again";
            case DISK_ERROR -> "check that the disk is still connected and healthy, then run the command again";
            case LOOP -> "remove or fix the symbolic link " + shown;
            case NAME_TOO_LONG -> "use shorter folder names, or a shorter --output path";
            case OTHER -> "check that " + shown + " exists and that you may read and write it, then run the command again";
        };
    }

    /**
     * What lets a file or folder that is there be written when its owner may write it already: chmod u+w
     * would change nothing, as the user who runs Patella is not its owner. Empty when its owner may not. A
     * folder is given with what is in it ({@code recursive} is {@code "-R "}): its subfolders are likely the
     * same owner's, and each would cost another run.
     */
    private static Optional<String> asOwner(Optional<Path> target, String shown, String list, String recursive) {
        return target.flatMap(FileFailure::ownerWhoMayWrite)
                .map(owner -> "it must be writable by the user who runs Patella; its owner, " + owner
                        + ", may write it (" + list + shown + "): run Patella as " + owner + ", or have an administrator "
                        + "give it to that user: sudo chown " + recursive + "USER " + shown);
    }

    private static Optional<String> ownerWhoMayWrite(Path file) {
        try {
            PosixFileAttributes attributes = Files.readAttributes(file, PosixFileAttributes.class);
            return attributes.permissions().contains(PosixFilePermission.OWNER_WRITE)
                    ? Optional.of(attributes.owner().getName()) : Optional.empty();
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty(); // not there, or not a POSIX file system: the advice without its owner
        }
    }

    @Override
    public String getMessage() {
        return "cannot " + action.verb + " " + path.map(Path::toString).orElse("a file") + action.after + ": "
                + reason() + "; "
                + nextStep();
    }

    private static Reason reasonOf(IOException e) {
        String text = osText(e).toLowerCase(Locale.ROOT);
        if (e instanceof AccessDeniedException || text.contains("permission denied") || text.contains("access is denied")) {
            return Reason.PERMISSION;
        }
        if (text.contains("operation not permitted")) {
            return Reason.LOCKED;
        }
        if (text.contains("no space left") || text.contains("disk quota") || text.contains("not enough space")) {
            return Reason.FULL;
        }
        if (text.contains("read-only file system")) {
            return Reason.READ_ONLY;
        }
        if (e instanceof NotDirectoryException || e instanceof FileAlreadyExistsException
                || text.contains("not a directory")) {
            return Reason.FILE_IN_THE_WAY;
        }
        if (text.contains("is a directory")) {
            return Reason.FOLDER_IN_THE_WAY;
        }
        if (e instanceof NoSuchFileException || text.contains("no such file")) {
            return Reason.MISSING;
        }
        if (e instanceof DirectoryNotEmptyException || text.contains("directory not empty")) {
            return Reason.NOT_EMPTY;
        }
        if (text.contains("too many open files")) {
            return Reason.TOO_MANY_OPEN;
        }
        if (text.contains("input/output error")) {
            return Reason.DISK_ERROR;
        }
        if (e instanceof FileSystemLoopException || text.contains("too many levels of symbolic links")) {
            return Reason.LOOP;
        }
        if (text.contains("file name too long")) {
            return Reason.NAME_TOO_LONG;
        }
        return Reason.OTHER;
    }

    /** The operating system's own words: a file system exception's reason, else the message. */
    private static String osText(IOException e) {
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        if (e.getMessage() != null) {
            return e.getMessage();
        }
        return e.getClass().getSimpleName();
    }

    /** The path the operating system names (the one in the way, the folder it could not enter), else {@code path}. */
    private static Path blamed(Path path, IOException cause) {
        if (cause instanceof FileSystemException f && f.getFile() != null) {
            // a rename refused for what is at its target (a folder there, a folder not empty) names
            // the file it moved first and the target second: the target is the one in the way
            if (f.getOtherFile() != null && targetInTheWay(f)) {
                return Path.of(f.getOtherFile());
            }
            return Path.of(f.getFile());
        }
        return path;
    }

    private static boolean targetInTheWay(FileSystemException f) {
        if (f instanceof DirectoryNotEmptyException || f instanceof FileAlreadyExistsException) {
            return true;
        }
        String reason = String.valueOf(f.getReason()).toLowerCase(Locale.ROOT);
        return reason.contains("is a directory") || reason.contains("not empty") || reason.contains("file exists");
    }

    private static Path folderOf(Path path) {
        Path parent = path.toAbsolutePath().getParent();
        return Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) || parent == null ? path : parent;
    }

}
