package dev.patella.source;

import java.util.List;

/**
 * Warnings about lists of sentences that are valid YAML but probably not what the editor meant.
 *
 * <p>In a list written in brackets a comma separates items, so {@code [Slide lower, to about 60
 * degrees.]} is two items, "Slide lower" and "to about 60 degrees.". A sentence list whose item
 * starts in lower case and ends a sentence, right after an item that does not end one, was most
 * likely one sentence split at its comma.
 */
final class ListChecks {

    private ListChecks() {
    }

    static void splitSentences(String key, YNode value, Fields fields) {
        if (!(value instanceof YNode.YList list) || !list.flow()) {
            return;
        }
        List<YNode> items = list.items();
        for (int i = 1; i < items.size(); i++) {
            if (items.get(i - 1) instanceof YNode.YScalar before && items.get(i) instanceof YNode.YScalar after
                    && !before.isNull() && !after.isNull() && looksSplit(before.text(), after.text())) {
                fields.warning("schema.split-item", after.at(), "\"" + key + "\" is written in brackets, so the comma "
                        + "before \"" + shorten(after.text()) + "\" splits one sentence into two items; write the list "
                        + "as lines starting with \"- \", or put the sentence in quotes");
                return;
            }
        }
    }

    private static boolean looksSplit(String before, String after) {
        String b = before.strip();
        String a = after.strip();
        return !b.isEmpty() && !a.isEmpty() && !endsSentence(b) && endsSentence(a)
                && Character.isLowerCase(a.codePointAt(0));
    }

    private static boolean endsSentence(String text) {
        char last = text.charAt(text.length() - 1);
        return last == '.' || last == '!' || last == '?';
    }

    private static String shorten(String text) {
        String t = text.strip();
        return t.length() > 30 ? t.substring(0, 30) + "..." : t;
    }
}
