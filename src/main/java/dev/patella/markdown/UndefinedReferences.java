package dev.patella.markdown;

import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.RefNode;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.parser.Parser;
import dev.patella.diag.Suggestions;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A reference link written in full, {@code [the guide][pg]}, or collapsed, {@code [the guide][]},
 * whose label no {@code [pg]: /address/} line defines: Markdown shows it as text, brackets and all.
 * Brackets alone ({@code [sic]}, {@code [1]}) are left alone: CommonMark reads a shortcut with no
 * definition as the words it is, which is what an editor writing them means far more often than a
 * link. Citations ({@code [@key]}) and footnotes ({@code [^1]}) have checks of their own.
 */
final class UndefinedReferences {

    static final String CODE = "markdown.undefined-reference";
    /** What a bracket holds when it is no link: nothing, a tick, a number or numbers ("1", "2-4", "x"). */
    private static final Pattern PLAIN = Pattern.compile("|[xX✓✔]|\\d+(?:\\s*[-–,]\\s*\\d+)*");

    private UndefinedReferences() {
    }

    /** What to tell about {@code ref}: empty when it is defined, a shortcut, a citation or a footnote. */
    static Optional<String> message(RefNode ref) {
        if (ref.isDefined() || ref.isReferenceTextCombined() && !ref.isDummyReference()) {
            return Optional.empty();
        }
        String label = ref.getReference().toString();
        if (label.startsWith("@") || label.startsWith("^")) {
            return Optional.empty();
        }
        String text = ref.isDummyReference() ? label : ref.getText().toString();
        // tick boxes ("[ ][ ][ ]", "[x][ ]") and numbered citations pasted from a paper ("[1][2]") are no links
        if (label.isBlank() || PLAIN.matcher(label.strip()).matches() && PLAIN.matcher(text.strip()).matches()) {
            return Optional.empty();
        }
        boolean image = ref instanceof ImageRef;
        String written = FlexmarkRenderer.abbreviate(ref.getChars().toString());
        List<String> labels = Parser.REFERENCES.get(ref.getDocument()).values().stream()
                .map(Reference::getReference).map(Object::toString).filter(l -> !l.startsWith("^")).toList();
        String what = (image ? "the picture " : "the link ") + written + " is shown as text, brackets and all, "
                + "because no line \"[" + label + "]: address\" in this text defines [" + label + "]; ";
        Optional<String> closest = Suggestions.closest(label, labels);
        if (closest.isPresent()) {
            return Optional.of(what + "did you mean [" + closest.get() + "]? Write " + (image ? "!" : "") + "["
                    + FlexmarkRenderer.abbreviate(text) + "][" + closest.get() + "]");
        }
        return Optional.of(what + "add that line, or write the " + (image ? "picture" : "link") + " with its address: "
                + (image ? "![" + FlexmarkRenderer.abbreviate(text) + "](/images/name.svg)" : "[" + FlexmarkRenderer.abbreviate(text) + "](/address/)"));
    }
}
