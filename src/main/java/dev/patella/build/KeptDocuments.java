package dev.patella.build;

import dev.patella.config.BuildOptions;
import dev.patella.source.ParsedDocuments;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The Markdown content files as the last build parsed them, and the images it checked clean, in the project's
 * {@link ProjectState}, so that a build parses again only the files whose bytes changed (see
 * {@link ParsedDocuments}). The note fits only the Patella that wrote it (the jar's size and
 * time); another, or a damaged note, reads as none, and every file is parsed.
 */
final class KeptDocuments {

    /** Bump when the payload's layout changes. */
    private static final int FORMAT = 2;

    private final ProjectState state;
    private final byte[] key;
    private final ParsedDocuments parsed;

    private KeptDocuments(ProjectState state, byte[] key, ParsedDocuments parsed) {
        this.state = state;
        this.key = key;
        this.parsed = parsed;
    }

    static KeptDocuments of(BuildOptions options) {
        var state = new ProjectState(options.project());
        byte[] key = ("format " + FORMAT + "; patella " + BuildCache.codeVersion() + "\n")
                .getBytes(StandardCharsets.UTF_8);
        ParsedDocuments parsed = state.readData(ProjectState.Note.DOCUMENTS)
                .filter(data -> data.length >= key.length && Arrays.equals(data, 0, key.length, key, 0, key.length))
                .flatMap(data -> ParsedDocuments.decode(Arrays.copyOfRange(data, key.length, data.length)))
                .orElseGet(ParsedDocuments::none);
        return new KeptDocuments(state, key, parsed);
    }

    /** Where the build looks files up and leaves those it parsed. */
    ParsedDocuments parsed() {
        return parsed;
    }

    /** Remembers the files this build used; a failure to write is ignored (the next build is only slower). */
    void remember() {
        Optional<byte[]> note = parsed.changedNote();
        if (note.isEmpty()) {
            return; // the note on disk holds these, or all but a few
        }
        var out = new ByteArrayOutputStream();
        out.writeBytes(key);
        out.writeBytes(note.get());
        try {
            state.writeData(ProjectState.Note.DOCUMENTS, out.toByteArray());
        } catch (IOException e) {
            // the next build parses every file
        }
    }
}
