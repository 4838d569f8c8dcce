package dev.patella.markdown;

import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.RefNode;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Node;
import dev.patella.source.CurlyQuotes;
import dev.patella.source.FileNames;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A link or image whose address holds a space, such as {@code ![Side plank](/images/side plank.svg)}.
 * CommonMark ends an address at its first space and then expects a title or the ")", so brackets
 * like these are no link at all, and the page shows them as written. Flexmark leaves them as a
 * reference ({@code [Side plank]}, which a page seldom defines) with text starting "(" after it or, when
 * the brackets hold brackets of their own, as text holding "](". This reads what follows the "]"
 * in the Markdown as written. Flexmark (0.64) also refuses a space between {@code <} and
 * {@code >}, which CommonMark has allowed since 0.28, so {@code [a](<b c>)} is the same mistake.
 *
 * <p>Only brackets Flexmark did not read as a link are looked at, so a real link, a link with a
 * title ({@code [a](/b "c d")}), code and escaped brackets are never read here.
 */
final class SpacedAddress {

    /** The most characters read on either side of a "](": far more than an address, and a bound on the work. */
    private static final int LONGEST = 1000;
    /** The start of an address of another site or a mail address: {@code https:}, {@code mailto:}. */
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:");
    /** The end of a file's name with its extension: {@code knee.svg}, {@code notes.pdf}. */
    private static final Pattern WHOLE_FILE = Pattern.compile("\\.[A-Za-z0-9]{2,5}$");

    /**
     * A link or image shown as text because of a space in its address.
     *
     * @param start   the offset of its "[" or "!["
     * @param end     the offset just after the ")" that closes it
     * @param address what it holds between "(" and ")" (a title left out), each run of spaces and line breaks as one space
     * @param image   whether it is an image
     * @param angled  whether the address was written between {@code <} and {@code >}
     * @param problem what keeps Markdown from reading it; when no ")" closes it, {@code address} is the
     *                address's first word and {@code end} the end of that word
     * @param title   for {@link Problem#TITLE}, what follows the address, as written
     */
    record Found(int start, int end, String address, boolean image, boolean angled, Problem problem, String title) {
    }

    /** Why Markdown did not read the brackets as a link. */
    enum Problem {
        /** The address holds a space or a line break. */
        SPACE,
        /** No ")" closes the "(" before the paragraph ends. */
        UNCLOSED,
        /** What follows the address is not a title Markdown reads: one not closed, or in curly quotes. */
        TITLE,
        /** A space between the "]" and the "(" of the address. */
        GAP
    }

    private record Address(int end, String text, boolean angled, Problem problem, String title) {

        Address(int end, String text, boolean angled, Problem problem) {
            this(end, text, angled, problem, "");
        }
    }

    private SpacedAddress() {
    }

    /** The link or image that {@code ref}'s brackets begin, when an address with a space follows right after them; empty otherwise. */
    static Optional<Found> after(RefNode ref) {
        CharSequence s = ref.getChars().getBaseSequence();
        if (ref.isDefined() && !addressFollows(s, ref.getEndOffset())) {
            return Optional.empty(); // [a] with "[a]: /b/" below it is a link, and "(see below)" after it words
        }
        int end = ref.getEndOffset();
        if (!ref.isDefined() && end + 1 < s.length() && (s.charAt(end) == ' ' || s.charAt(end) == '\t')
                && addressFollows(s, end + 1)) {
            // "[the guide] (/pain-guide/)": a space between the brackets and the address
            int paren = closing(s, end + 2, Math.min(blockEnd(ref, s), end + 2 + LONGEST));
            if (paren >= 0) {
                return Optional.of(new Found(ref.getStartOffset(), paren + 1, words(s, end + 2, paren).strip(),
                        ref instanceof ImageRef, false, Problem.GAP, ""));
            }
        }
        return address(s, ref.getEndOffset(), blockEnd(ref, s))
                .map(a -> new Found(ref.getStartOffset(), a.end(), a.text(), ref instanceof ImageRef, a.angled(),
                        a.problem(), a.title()));
    }

    /** Whether "(" and the start of an address follow at {@code at}: "/", "#" or "http". */
    private static boolean addressFollows(CharSequence s, int at) {
        if (at >= s.length() || s.charAt(at) != '(') {
            return false;
        }
        String start = s.subSequence(at + 1, Math.min(s.length(), at + 6)).toString();
        return start.startsWith("/") || start.startsWith("#") || start.startsWith("http");
    }

    /**
     * Each "](" in {@code text} that ends the link text of brackets opened before it and is followed by
     * an address with a space; empty when there is none. A "]" or "[" after a backslash is text.
     */
    static List<Found> in(Text text) {
        CharSequence s = text.getChars().getBaseSequence();
        List<Found> found = new ArrayList<>();
        int from = text.getStartOffset();
        int to = text.getEndOffset();
        for (int close = indexOf(s, "](", from, to); close >= 0; close = indexOf(s, "](", close + 2, to)) {
            if (escaped(s, close)) {
                continue;
            }
            Optional<Address> address = address(s, close + 1, blockEnd(text, s));
            if (address.isEmpty()) {
                continue;
            }
            int open = opening(s, close, Math.max(blockStart(text), close - LONGEST));
            if (open >= 0) {
                boolean image = open > 0 && s.charAt(open - 1) == '!' && !escaped(s, open - 1);
                Address a = address.get();
                found.add(new Found(image ? open - 1 : open, a.end(), a.text(), image, a.angled(), a.problem(),
                        a.title()));
            }
        }
        return found;
    }

    /** What the editor is told: what went wrong, in plain words, and the address to write instead. */
    static String message(Found found) {
        String address = found.address().length() > 80 ? found.address().substring(0, 80) + "..." : found.address();
        String what = found.image() ? "image" : "link";
        String shown = "this " + what + " is shown as text, not as " + (found.image() ? "an image" : "a link");
        if (found.problem() == Problem.UNCLOSED) {
            return shown + ", because the \"(\" before its address is never closed: " + (address.isEmpty()
                    ? "write the address after the \"(\", then \")\""
                    : "write \")\" right after the address, as in (" + (found.angled() ? "<" + address + ">" : address)
                    + ")");
        }
        if (found.problem() == Problem.GAP) {
            return shown + ", because there is a space between \"]\" and \"(\"; write them together, as in "
                    + (found.image() ? "![...](" : "[...](") + address + ")";
        }
        if (found.problem() == Problem.TITLE) {
            String title = found.title().length() > 60 ? found.title().substring(0, 60) + "..." : found.title();
            return shown + ", because what follows its address " + address + ", " + title + ", is not a title "
                    + "Markdown can read: a title is written in straight double quotes, closed right before the "
                    + "\")\", as in (" + address + " " + titleAsWritten(found.title()) + "); or leave it out, as in ("
                    + address + ")";
        }
        String said = shown + ", because its address \"" + address + "\" holds a space, and a web address cannot hold one"
                + (found.angled() ? ", not even between < and >; " : "; " + missingParenthesis(address));
        if (found.image() && address.startsWith("/images/")) {
            String path = address.substring("/images/".length());
            String fixed = Arrays.stream(path.split("/", -1)).map(FileNames::fixed).collect(Collectors.joining("/"));
            return said + "rename the file content/images/" + path + " to content/images/" + fixed
                    + " (a name of " + FileNames.RULE + ") and write its address here as /images/" + fixed;
        }
        if (address.startsWith("/") && !address.startsWith("//")) {
            return said + "take the space out: a page's address has none, as its words are joined by hyphens "
                    + "(/exercises/side-lying-leg-raise/) or written together (/exercises/clamshell/)";
        }
        var mailOrPhone = MailAndPhone.problem(found.address());
        if (mailOrPhone.isPresent()) {
            return shown + ": " + mailOrPhone.get();
        }
        var local = LocalFile.advice(found.address(), found.image());
        if (local.isPresent()) {
            return shown + ": " + local.get();
        }
        if (SCHEME.matcher(address).lookingAt()) {
            return said + "write %20 in place of each space, as in https://example.org/my%20notes.pdf";
        }
        return said + "take the space out";
    }

    /**
     * The words of a title that Markdown could not read, as a title it reads: the words inside the
     * marks the editor put around them (curly quotes, a quote never closed), in straight double
     * quotes, or single ones when the words hold a double quote.
     */
    private static String titleAsWritten(String title) {
        String inner = title;
        if (!inner.isEmpty() && ("\"'(".indexOf(inner.charAt(0)) >= 0 || CurlyQuotes.ALL.indexOf(inner.charAt(0)) >= 0)) {
            inner = inner.substring(1);
            int close = -1;
            for (int i = 0; i < inner.length(); i++) {
                char c = inner.charAt(i);
                if (c == '"' || c == ')' || CurlyQuotes.ALL.indexOf(c) >= 0 || c == '\'' && (i + 1 == inner.length()
                        || isSpace(inner.charAt(i + 1)))) {
                    close = i;
                }
            }
            inner = close >= 0 ? inner.substring(0, close) : inner;
        }
        inner = inner.strip();
        return inner.indexOf('"') < 0 ? "\"" + inner + "\"" : "'" + inner + "'";
    }

    /**
     * A word for the address whose first word looks whole (a page's address ending in "/", a file
     * with its extension, another site's address) and whose other words hold no "/": then the
     * space more likely follows a ")" left out, as in "[the guide](/pain-guide/ for more (it helps)".
     */
    private static String missingParenthesis(String address) {
        int space = address.indexOf(' ');
        String first = space < 0 ? address : address.substring(0, space);
        String rest = space < 0 ? "" : address.substring(space + 1);
        boolean whole = first.endsWith("/") || WHOLE_FILE.matcher(first).find();
        return whole && !rest.isEmpty() && rest.indexOf('/') < 0
                ? "if the address is " + first + ", write \")\" right after it; if not, " : "";
    }

    /**
     * The address in the "(...)" at {@code open}, when a space or line break inside it is what kept
     * Flexmark from reading it: an address, a space, then more than a title or the ")". Empty when
     * there is no "(" at {@code open}, no ")" before {@code limit}, or the address has no space.
     */
    private static Optional<Address> address(CharSequence s, int open, int limit) {
        int end = Math.min(limit, open + LONGEST);
        if (open >= end || s.charAt(open) != '(') {
            return Optional.empty();
        }
        int start = skipSpace(s, open + 1, end);
        boolean paragraphEnds = end == limit;
        if (start >= end) {
            return paragraphEnds ? Optional.of(new Address(end, "", false, Problem.UNCLOSED)) : Optional.empty();
        }
        if (s.charAt(start) == '<') {
            int close = indexOf(s, ">", start + 1, end);
            int paren = close < 0 ? -1 : indexOf(s, ")", close + 1, end);
            if (paren >= 0 && holdsSpace(s, start + 1, close)) {
                return Optional.of(new Address(paren + 1, words(s, start + 1, close), true, Problem.SPACE));
            }
            // "[the guide](</pain-guide/> for more.": no ")" closes it, pairs in the words passed over
            int last = close >= 0 ? close : until(s, start + 1, end, true);
            int after = close >= 0 ? close + 1 : last;
            return paragraphEnds && closing(s, after, end) < 0
                    ? Optional.of(new Address(after, words(s, start + 1, last), true, Problem.UNCLOSED))
                    : Optional.empty();
        }
        int i = until(s, start, end, true);
        if (i < end && s.charAt(i) == ')') {
            return Optional.empty(); // the address ends with no space in it
        }
        String first = words(s, start, i);
        int next = skipSpace(s, i, end);
        // no ")" before the paragraph ends: the link is never closed. It ends, for the editor, with its
        // address's first word, so that a later link never closed in the same paragraph is reported too
        Optional<Address> unclosed = paragraphEnds ? Optional.of(new Address(i, first, false, Problem.UNCLOSED))
                : Optional.empty();
        if (next >= end) {
            return unclosed;
        }
        char c = s.charAt(next);
        if (c == ')') {
            return Optional.empty();
        }
        int closed = titleEnd(s, next, end);
        // "(1)" with more of a word right after it, as in "Squat (1).jpg", is part of the address
        boolean word = c == '(' && closed >= 0 && closed < end && !isSpace(s.charAt(closed)) && s.charAt(closed) != ')';
        if (!word && (c == '"' || c == '\'' || c == '(' || CurlyQuotes.ALL.indexOf(c) >= 0)) {
            // a title: one Markdown reads, closed right before the ")", was a link Flexmark read
            if (closed >= 0) {
                int after = skipSpace(s, closed, end);
                if (after < end && s.charAt(after) == ')') {
                    return Optional.empty();
                }
            }
            int paren = closing(s, next, end);
            return paren < 0 ? unclosed
                    : Optional.of(new Address(paren + 1, first, false, Problem.TITLE, words(s, next, paren).strip()));
        }
        // the ")" that closes the "(", passing over pairs of parentheses in the words: (1), (it helps)
        int paren = closing(s, next, end);
        if (paren < 0) {
            return unclosed;
        }
        int title = paren;
        for (int k = next; k < paren; k++) {
            if ((s.charAt(k) == '"' || s.charAt(k) == '\'') && isSpace(s.charAt(k - 1))) {
                title = k;
                break;
            }
        }
        return Optional.of(new Address(paren + 1, words(s, start, title).strip(), false, Problem.SPACE));
    }

    /** Where the title that opens at {@code at} ends (just after its closing mark), or -1 when it is not closed. */
    private static int titleEnd(CharSequence s, int at, int end) {
        char open = s.charAt(at);
        char close = open == '(' ? ')' : open;
        if (open != '"' && open != '\'' && open != '(') {
            return -1; // curly quotes open no title
        }
        for (int i = at + 1; i < end; i++) {
            if (s.charAt(i) == '\\') {
                i++;
            } else if (s.charAt(i) == close) {
                return i + 1;
            }
        }
        return -1;
    }

    /** The ")" from {@code from} on that is not one of a pair opened after {@code from}; -1 if there is none. */
    private static int closing(CharSequence s, int from, int end) {
        int at = until(s, from, end, false);
        return at < end ? at : -1;
    }

    /**
     * Where, from {@code from}, the first ")" that is not one of a pair opened after {@code from}
     * is, or the first space or line break when {@code atSpace}, whichever comes first; {@code end}
     * when neither does. A character after a backslash is passed over.
     */
    private static int until(CharSequence s, int from, int end, boolean atSpace) {
        int depth = 0;
        for (int i = from; i < end; i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (atSpace && isSpace(c)) {
                return i;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && depth-- == 0) {
                return i;
            }
        }
        return end;
    }


    /**
     * The "[" that opens the link text closed by the "]" at {@code close}, looking back no further
     * than {@code from}; -1 if there is none. Brackets inside the link text are passed over in pairs.
     */
    private static int opening(CharSequence s, int close, int from) {
        int depth = 0;
        for (int i = close - 1; i >= from; i--) {
            char c = s.charAt(i);
            if (c != '[' && c != ']' || escaped(s, i)) {
                continue;
            }
            if (c == ']') {
                depth++;
            } else if (depth-- == 0) {
                return i;
            }
        }
        return -1;
    }

    /** Spaces, tabs and line breaks from {@code i}, and the ">" that continue a block quote on the next line. */
    private static int skipSpace(CharSequence s, int i, int end) {
        boolean lineStart = false;
        while (i < end) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r') {
                lineStart = true;
            } else if (!(c == ' ' || c == '\t' || c == '>' && lineStart)) {
                return i;
            }
            i++;
        }
        return end;
    }

    /** The text from {@code from} to {@code to} with each run of spaces and line breaks as one space. */
    private static String words(CharSequence s, int from, int to) {
        var out = new StringBuilder(to - from);
        for (int i = from; i < to; ) {
            if (isSpace(s.charAt(i))) {
                out.append(' ');
                i = Math.min(skipSpace(s, i, to), to);
            } else {
                out.append(s.charAt(i++));
            }
        }
        return out.toString();
    }

    private static boolean holdsSpace(CharSequence s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (isSpace(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    /** Whether the character at {@code i} follows an odd number of backslashes, which make it text. */
    private static boolean escaped(CharSequence s, int i) {
        int backslashes = 0;
        while (i - backslashes > 0 && s.charAt(i - backslashes - 1) == '\\') {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    /** The first {@code target} in {@code s} from {@code from}, before {@code to}; -1 if there is none. */
    private static int indexOf(CharSequence s, String target, int from, int to) {
        int last = to - target.length();
        for (int i = from; i <= last; i++) {
            if (s.charAt(i) == target.charAt(0) && (target.length() == 1 || s.charAt(i + 1) == target.charAt(1))) {
                return i;
            }
        }
        return -1;
    }

    /** Where the paragraph, heading or table cell that holds {@code node} ends: a link cannot go past it. */
    private static int blockEnd(Node node, CharSequence s) {
        for (Node up = node.getParent(); up != null; up = up.getParent()) {
            if (up instanceof Block || up instanceof TableCell) {
                return up.getEndOffset();
            }
        }
        return s.length();
    }

    private static int blockStart(Node node) {
        for (Node up = node.getParent(); up != null; up = up.getParent()) {
            if (up instanceof Block || up instanceof TableCell) {
                return up.getStartOffset();
            }
        }
        return 0;
    }
}
