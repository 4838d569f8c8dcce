package dev.patella.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The size an SVG drawing declares, so that {@code <img>} carries width and height in the
 * drawing's own proportions and the page does not shift while it loads.
 */
final class ImageSize {

    /** The size used when a drawing declares none, or is not an SVG. */
    static final int[] DEFAULT = {480, 240};

    private static final Pattern ROOT = Pattern.compile("<svg\\b[^>]*>", Pattern.DOTALL);
    private static final Pattern VIEW_BOX = Pattern.compile(
            "\\sviewBox=\"\\s*[-\\d.]+[\\s,]+[-\\d.]+[\\s,]+([\\d.]+)[\\s,]+([\\d.]+)\\s*\"");
    private static final Pattern WIDTH = Pattern.compile("\\swidth=\"([\\d.]+)(px)?\"");
    private static final Pattern HEIGHT = Pattern.compile("\\sheight=\"([\\d.]+)(px)?\"");

    private ImageSize() {
    }

    /** @return {width, height} in CSS pixels; {@link #DEFAULT} when the file declares no usable size */
    static int[] of(Path file) {
        if (!file.getFileName().toString().endsWith(".svg")) {
            return DEFAULT;
        }
        String head;
        try {
            byte[] bytes = Files.readAllBytes(file);
            head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return DEFAULT; // the build reports unreadable files where it copies them
        }
        Matcher root = ROOT.matcher(head);
        if (!root.find()) {
            return DEFAULT;
        }
        String tag = root.group();
        Matcher w = WIDTH.matcher(tag);
        Matcher h = HEIGHT.matcher(tag);
        if (w.find() && h.find()) {
            return size(w.group(1), h.group(1));
        }
        Matcher box = VIEW_BOX.matcher(tag);
        return box.find() ? size(box.group(1), box.group(2)) : DEFAULT;
    }

    private static int[] size(String width, String height) {
        int w = (int) Math.round(Double.parseDouble(width));
        int h = (int) Math.round(Double.parseDouble(height));
        return w > 0 && h > 0 ? new int[] {w, h} : DEFAULT;
    }
}
