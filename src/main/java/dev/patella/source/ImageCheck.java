package dev.patella.source;

import dev.patella.diag.Diagnostics;
import dev.patella.diag.SourceSpan;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * Checks a file of {@code content/images/} before it is published: an SVG must be a drawing and
 * nothing more (see {@link SvgCheck}); any other picture must really be the kind its name says,
 * read from its first bytes, so that a web page renamed {@code .png} is not published as a
 * picture; and a file that is not a picture at all is refused.
 */
final class ImageCheck {

    static final String WRONG_TYPE = "image.wrong-type";

    /**
     * Half a megabyte: more than thirty times what the text of a page weighs, gzipped. A phone on a
     * slow connection spends seconds on such a picture, and a camera's photo is ten times more.
     */
    static final int LARGE_BYTES = 500_000;

    /** The raster kinds Patella publishes, by file extension, each with the name a reader knows. */
    private static final Map<String, String> RASTER = Map.of("png", "PNG", "jpg", "JPEG", "jpeg", "JPEG",
            "gif", "GIF", "webp", "WebP", "avif", "AVIF");

    private ImageCheck() {
    }

    /** Reports what is wrong with the image {@code rel}, whose bytes are {@code bytes}; nothing when it is fine. */
    static void check(byte[] bytes, String rel, Diagnostics diagnostics) {
        String name = rel.substring(rel.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        String raster = extension.equals("svg") ? rasterKind(bytes) : "";
        if (!raster.isEmpty()) {
            // a photo renamed .svg: what it is, not what an XML parser makes of its first byte
            diagnostics.error(WRONG_TYPE, SourceSpan.startOf(rel), rel + " is named .svg but is not a drawing (it is "
                    + "a " + RASTER.get(raster) + " picture); rename it to end in ." + raster + ", and write that "
                    + "name where a page shows it");
        } else if (extension.equals("svg")) {
            SvgCheck.check(bytes, rel, diagnostics);
            large(bytes, rel, "drawing program's \"optimise\" or \"minify\" export", diagnostics);
        } else if (!RASTER.containsKey(extension)) {
            diagnostics.error(WRONG_TYPE, SourceSpan.startOf(rel), rel + " is not a picture Patella publishes; "
                    + "content/images/ may hold .svg, .png, .jpg, .jpeg, .gif, .webp and .avif files: move it out "
                    + "or save it as one of these");
        } else if (!matches(extension, bytes)) {
            diagnostics.error(WRONG_TYPE, SourceSpan.startOf(rel), rel + " is named ." + extension + " but is not a "
                    + RASTER.get(extension) + " picture" + actually(bytes) + "; save it again as "
                    + RASTER.get(extension) + " from an image program, or rename it to what it is");
        } else {
            large(bytes, rel, "photo program: about 1,200 pixels wide, as JPEG or WebP, is plenty for a page",
                    diagnostics);
        }
    }

    /** A warning for a picture every reader would download at a weight no page needs. */
    private static void large(byte[] bytes, String rel, String how, Diagnostics diagnostics) {
        if (bytes.length > LARGE_BYTES) {
            diagnostics.warning("image.large", SourceSpan.startOf(rel), rel + " weighs " + megabytes(bytes.length)
                    + " MB, and every reader of a page showing it downloads all of it, on a phone too; save a smaller "
                    + "copy (under 0.5 MB) with your " + how);
        }
    }

    private static String megabytes(int bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1_000_000.0);
    }

    private static boolean matches(String extension, byte[] b) {
        return switch (extension) {
            case "png" -> starts(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
            case "jpg", "jpeg" -> starts(b, 0, 0xFF, 0xD8, 0xFF);
            case "gif" -> starts(b, 0, 'G', 'I', 'F', '8', '7', 'a') || starts(b, 0, 'G', 'I', 'F', '8', '9', 'a');
            case "webp" -> starts(b, 0, 'R', 'I', 'F', 'F') && starts(b, 8, 'W', 'E', 'B', 'P');
            case "avif" -> starts(b, 4, 'f', 't', 'y', 'p') && (starts(b, 8, 'a', 'v', 'i', 'f')
                    || starts(b, 8, 'a', 'v', 'i', 's') || starts(b, 8, 'm', 'i', 'f', '1'));
            default -> false;
        };
    }

    /** The extension of the raster kind the bytes are (jpg for a JPEG), or "" when they are none. */
    private static String rasterKind(byte[] b) {
        for (String extension : new String[] {"png", "jpg", "gif", "webp", "avif"}) {
            if (matches(extension, b)) {
                return extension;
            }
        }
        return "";
    }

    /** What the bytes look like instead, when that is easy to tell. */
    private static String actually(byte[] b) {
        String raster = rasterKind(b);
        if (!raster.isEmpty()) {
            return " (it is a " + RASTER.get(raster) + " picture)";
        }
        String head = new String(b, 0, Math.min(b.length, 256), StandardCharsets.UTF_8).stripLeading()
                .toLowerCase(Locale.ROOT);
        if (head.startsWith("<")) {
            return " (it is text: HTML, XML or SVG)";
        }
        return b.length == 0 ? " (it is empty)" : "";
    }

    private static boolean starts(byte[] bytes, int offset, int... expected) {
        if (bytes.length < offset + expected.length) {
            return false;
        }
        int[] actual = new int[expected.length];
        for (int i = 0; i < expected.length; i++) {
            actual[i] = bytes[offset + i] & 0xFF;
        }
        return Arrays.equals(actual, expected);
    }
}
