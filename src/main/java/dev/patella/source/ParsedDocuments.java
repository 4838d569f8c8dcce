package dev.patella.source;

import dev.patella.diag.SourceSpan;
import dev.patella.model.Prose;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.TreeSet;
import java.util.Set;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Markdown content files as an earlier run of Patella parsed them (front matter read as YAML,
 * body split off), by a {@link QuickHash} of the file's name and bytes, so that a command-line
 * build parses again only the files whose bytes changed. Only files that parsed without a
 * problem are kept: a file with a mistake is parsed again and its problem reported again.
 * The images of {@code content/images/} that passed their check with nothing to report are kept
 * too, by the same kind of hash, so that a build does not check them again (the check of an SVG
 * starts the XML parser, a few percent of a one-page rebuild). Safe for several threads.
 */
public final class ParsedDocuments {

    private final Map<String, ContentDocument> earlier;
    /** The documents this run used, by key: one version of each file, the last it read. */
    private final Map<String, ContentDocument> used = new ConcurrentHashMap<>();
    /** The key of each file's version in {@link #used}, by the file's name. */
    private final Map<String, String> usedVersions = new ConcurrentHashMap<>();
    /** The keys of the images an earlier run checked and found nothing to report on. */
    private final Set<String> earlierImages;
    /** The key of each image's bytes this run found clean, by the image's name. */
    private final Map<String, String> usedImages = new ConcurrentHashMap<>();
    /** The keys of the documents and images the note on disk holds, as far as this run knows. */
    private volatile Set<String> noted;
    private volatile Set<String> notedImages;

    private ParsedDocuments(Map<String, ContentDocument> earlier, Set<String> images) {
        this.earlier = earlier;
        this.earlierImages = images;
        this.noted = earlier.keySet();
        this.notedImages = images;
    }

    /** None known yet. */
    public static ParsedDocuments none() {
        return new ParsedDocuments(Map.of(), Set.of());
    }

    /** The documents {@link #encode()} wrote; empty when the bytes are damaged. */
    public static Optional<ParsedDocuments> decode(byte[] data) {
        try {
            var in = new DataInputStream(new NoteInput(data));
            int n = NoteInput.count(in);
            Map<String, ContentDocument> out = new HashMap<>(n * 2);
            for (int i = 0; i < n; i++) {
                String key = NoteInput.text(in);
                String file = NoteInput.text(in);
                String stem = NoteInput.text(in);
                YNode front = node(in, file, 0);
                if (!(front instanceof YNode.YMap map)) {
                    return Optional.empty();
                }
                Prose body = new Prose(NoteInput.text(in), span(in, file));
                out.put(key, new ContentDocument(file, stem, map, body));
            }
            int m = NoteInput.count(in);
            Set<String> images = new HashSet<>(m * 2);
            for (int i = 0; i < m; i++) {
                images.add(NoteInput.text(in));
            }
            return in.read() == -1 ? Optional.of(new ParsedDocuments(out, images)) : Optional.empty();
        } catch (IOException | IllegalArgumentException | IndexOutOfBoundsException e) {
            return Optional.empty(); // a damaged note is only a slower build
        }
    }

    /** The documents the last load used, to be remembered for the next run. */
    public byte[] encode() {
        return encode(new TreeMap<>(used), new TreeSet<>(usedImages.values()), new HashSet<>());
    }

    /**
     * The note to write, when {@link #changed()}; from then on the run compares what it uses with
     * that note. A process that runs many builds (the build server) asks after each: a file edited
     * again and again stays one document, in the run and in the note.
     */
    public Optional<byte[]> changedNote() {
        if (!changed()) {
            return Optional.empty();
        }
        Set<String> written = new HashSet<>();
        var images = new TreeSet<>(usedImages.values());
        byte[] note = encode(new TreeMap<>(used), images, written);
        noted = written;
        notedImages = images;
        return Optional.of(note);
    }

    private static byte[] encode(Map<String, ContentDocument> docs, Set<String> images, Set<String> written) {
        try {
            var bytes = new NoteOutput(1 << 16);
            var out = new DataOutputStream(bytes);
            var entries = new NoteOutput(1 << 16);
            var each = new DataOutputStream(entries);
                        for (var e : docs.entrySet()) {
                ContentDocument doc = e.getValue();
                var one = new NoteOutput(1024);
                var entry = new DataOutputStream(one);
                try {
                    text(entry, e.getKey());
                    text(entry, doc.file());
                    text(entry, doc.fileStem());
                    node(entry, doc.frontMatter(), doc.file());
                    text(entry, doc.body().markdown());
                    span(entry, doc.body().at(), doc.file());
                } catch (Unencodable skipped) {
                    continue; // parsed again next time
                }
                entry.flush();
                one.writeTo(each);
                written.add(e.getKey());
            }
            each.flush();
            out.writeInt(written.size());
            entries.writeTo(out);
            out.writeInt(images.size());
            for (String image : images) {
                text(out, image);
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writes to memory only
        }
    }

    /** The key of a file's parse: its name in messages, its stem and the hash of its bytes. */
    static String key(String rel, String stem, byte[] bytesHash) {
        return new QuickHash().add(rel).add(stem).add(bytesHash).hex();
    }

    /**
     * Whether the note is worth writing again: this run used more than a few documents the note
     * lacks, or left many of the note's unused. One page edited does not rewrite a note of
     * thousands of files: the next run parses that one file again, which costs less.
     */
    public boolean changed() {
        Set<String> note = noted;
        if (note.isEmpty() && notedImages.isEmpty()) {
            return !used.isEmpty() || !usedImages.isEmpty(); // no note yet
        }
        long added = used.keySet().stream().filter(k -> !note.contains(k)).count();
        long unused = note.size() - (used.size() - added);
        return added > Math.max(FEW, used.size() / 100) || unused > Math.max(FEW, note.size() / 10)
                || !notedImages.containsAll(usedImages.values()); // a new image is rare, and its check dear
    }

    /** How many files a run may parse again rather than rewrite the note. */
    private static final int FEW = 8;

    Optional<ContentDocument> get(String key) {
        ContentDocument doc = earlier.get(key);
        if (doc != null) {
            use(key, doc);
        }
        return Optional.ofNullable(doc);
    }

    void put(String key, ContentDocument doc) {
        use(key, doc);
    }

    /** The version of a file this run uses now: an earlier version of it drops out. */
    private void use(String key, ContentDocument doc) {
        used.put(key, doc);
        String before = usedVersions.put(doc.file(), key);
        if (before != null && !before.equals(key)) {
            used.remove(before);
        }
    }

    /** The key of an image's check: its name in messages and the hash of its bytes. */
    static String imageKey(String rel, byte[] bytesHash) {
        return new QuickHash().add("image").add(rel).add(bytesHash).hex();
    }

    /** Whether an earlier run checked this image (by {@link #imageKey}) and found nothing to report. */
    boolean checkedClean(String rel, String key) {
        if (earlierImages.contains(key)) {
            usedImages.put(rel, key);
            return true;
        }
        return false;
    }

    /** Remembers that this run checked the image and found nothing to report. */
    void clean(String rel, String key) {
        usedImages.put(rel, key);
    }

    private static final int MAX_DEPTH = 1000;

    private static void node(DataOutputStream out, YNode node, String file) throws IOException {
        if (node instanceof YNode.YMap map) {
            out.writeByte('m');
            span(out, map.at(), file);
            out.writeInt(map.entries().size());
            for (var e : map.entries().entrySet()) {
                text(out, e.getKey());
                text(out, e.getValue().key());
                span(out, e.getValue().keyAt(), file);
                node(out, e.getValue().value(), file);
            }
        } else if (node instanceof YNode.YList list) {
            out.writeByte('l');
            span(out, list.at(), file);
            out.writeBoolean(list.flow());
            out.writeInt(list.items().size());
            for (YNode item : list.items()) {
                node(out, item, file);
            }
        } else {
            var scalar = (YNode.YScalar) node;
            out.writeByte('s');
            span(out, scalar.at(), file);
            text(out, scalar.text());
            out.writeByte(scalar.type().ordinal());
        }
    }

    private static YNode node(DataInputStream in, String file, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new IOException("too deep");
        }
        int kind = in.readByte();
        SourceSpan at = span(in, file);
        switch (kind) {
            case 'm' -> {
                int n = NoteInput.count(in);
                Map<String, YNode.Entry> entries = new LinkedHashMap<>(n * 2);
                for (int i = 0; i < n; i++) {
                    String mapKey = NoteInput.text(in);
                    String key = NoteInput.text(in);
                    SourceSpan keyAt = span(in, file);
                    entries.put(mapKey, new YNode.Entry(key, keyAt, node(in, file, depth + 1)));
                }
                return new YNode.YMap(entries, at);
            }
            case 'l' -> {
                boolean flow = in.readBoolean();
                int n = NoteInput.count(in);
                List<YNode> items = new ArrayList<>(Math.min(n, 1024));
                for (int i = 0; i < n; i++) {
                    items.add(node(in, file, depth + 1));
                }
                return new YNode.YList(items, at, flow);
            }
            case 's' -> {
                String text = NoteInput.text(in);
                return new YNode.YScalar(text, YNode.YScalar.Type.values()[in.readByte()], at);
            }
            default -> throw new IOException("not a node: " + kind);
        }
    }

    /** A span; its file is the document's, written once (a span of another file is written whole). */
    private static void span(DataOutputStream out, SourceSpan span, String file) throws IOException {
        boolean same = span.file().equals(file);
        out.writeBoolean(same);
        if (!same) {
            text(out, span.file());
        }
        out.writeInt(span.line());
        out.writeInt(span.column());
    }

    private static SourceSpan span(DataInputStream in, String file) throws IOException {
        String f = in.readBoolean() ? file : NoteInput.text(in);
        return new SourceSpan(f, in.readInt(), in.readInt());
    }

    /** A text UTF-8 cannot carry as it is (a lone surrogate, which a YAML escape can make). */
    private static final class Unencodable extends IOException {
        private static final long serialVersionUID = 1L;
    }

    private static void text(DataOutputStream out, String s) throws IOException {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    throw new Unencodable();
                }
            }
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }


}
