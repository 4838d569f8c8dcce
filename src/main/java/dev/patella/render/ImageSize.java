package dev.patella.render;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The size a picture is shown at, so that {@code <img>} carries width and height in the picture's
 * own proportions and the page does not shift while it loads: what an SVG drawing declares, or
 * the pixels a PNG, JPEG, GIF, WebP or AVIF picture holds, turned as a browser turns it (a phone
 * photo's EXIF orientation, an AVIF's rotation). Only the header is read, never the picture.
 */
final class ImageSize {

    /** The size used when a picture declares none that can be read. */
    static final int[] DEFAULT = {480, 240};

    private static final Pattern ROOT = Pattern.compile("<svg\\b[^>]*>", Pattern.DOTALL);
    private static final Pattern VIEW_BOX = Pattern.compile(
            "\\sviewBox=\"\\s*[-\\d.]+[\\s,]+[-\\d.]+[\\s,]+([\\d.]+)[\\s,]+([\\d.]+)\\s*\"");
    private static final Pattern WIDTH = Pattern.compile("\\swidth=\"([\\d.]+)(px)?\"");
    private static final Pattern HEIGHT = Pattern.compile("\\sheight=\"([\\d.]+)(px)?\"");

    private ImageSize() {
    }

    /**
     * How much of a file is read first: its header, and for a JPEG the blocks before its frame (a
     * phone photo's EXIF data, thumbnail and colour profile take up to a few hundred KB). When the
     * size is not in it (some phones write MBs of extended XMP data first), the whole file is read.
     */
    private static final int HEAD = 1 << 20;

    /** @return {width, height} in CSS pixels; {@link #DEFAULT} when the file declares no usable size */
    static int[] of(Path file) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(HEAD);
        } catch (IOException e) {
            return DEFAULT; // the build reports unreadable files where it copies them
        }
        String name = file.getFileName().toString();
        int[] size = name.endsWith(".svg") ? svg(bytes) : raster(new Bytes(bytes));
        if (size == null && bytes.length == HEAD && !name.endsWith(".svg")) {
            try {
                size = raster(new Bytes(Files.readAllBytes(file))); // blocks before a JPEG's frame past the first MB
            } catch (IOException e) {
                return DEFAULT;
            }
        }
        return size != null && size[0] > 0 && size[1] > 0 ? size : DEFAULT;
    }

    private static int[] svg(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.UTF_8);
        Matcher root = ROOT.matcher(head);
        if (!root.find()) {
            return null;
        }
        String tag = root.group();
        Matcher w = WIDTH.matcher(tag);
        Matcher h = HEIGHT.matcher(tag);
        if (w.find() && h.find()) {
            return size(w.group(1), h.group(1));
        }
        Matcher box = VIEW_BOX.matcher(tag);
        return box.find() ? size(box.group(1), box.group(2)) : null;
    }

    private static int[] size(String width, String height) {
        return new int[] {(int) Math.round(Double.parseDouble(width)), (int) Math.round(Double.parseDouble(height))};
    }

    /** The picture's size from its header, by its signature (the build has checked it matches the name). */
    private static int[] raster(Bytes b) {
        if (b.is(0, "\u0089PNG\r\n\u001a\n") && b.is(12, "IHDR")) {
            return new int[] {(int) b.u32(16), (int) b.u32(20)};
        }
        if (b.is(0, "GIF8")) {
            return new int[] {b.u16le(6), b.u16le(8)};
        }
        if (b.u8(0) == 0xFF && b.u8(1) == 0xD8) {
            return jpeg(b);
        }
        if (b.is(0, "RIFF") && b.is(8, "WEBP")) {
            return webp(b);
        }
        if (b.is(4, "ftyp")) {
            return avif(b);
        }
        return null;
    }

    /** The first frame's size (an SOF segment), turned by the EXIF orientation that comes before it. */
    private static int[] jpeg(Bytes b) {
        boolean turned = false;
        int at = 2;
        while (at + 4 <= b.length()) {
            if (b.u8(at) != 0xFF) {
                return null;
            }
            int marker = b.u8(at + 1);
            if (marker == 0xFF) {
                at++; // fill byte
                continue;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) {
                at += 2; // markers without a length
                continue;
            }
            int length = b.u16(at + 2);
            boolean frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (frame) {
                int height = b.u16(at + 5);
                int width = b.u16(at + 7);
                return turned ? new int[] {height, width} : new int[] {width, height};
            }
            if (marker == 0xDA || marker == 0xD9 || length < 2) {
                return null; // the picture's data, or its end, with no frame header before it
            }
            if (marker == 0xE1 && b.is(at + 4, "Exif\0\0")) {
                int orientation = exifOrientation(b, at + 10, at + 2 + length);
                turned = orientation >= 5 && orientation <= 8;
            }
            at += 2 + length;
        }
        return null;
    }

    /** Tag 0x0112 of the first image directory of the TIFF block at {@code tiff}; 1 (upright) when absent. */
    private static int exifOrientation(Bytes b, int tiff, int end) {
        boolean little = b.is(tiff, "II");
        if (!little && !b.is(tiff, "MM")) {
            return 1;
        }
        long directory = tiff + (little ? b.u32le(tiff + 4) : b.u32(tiff + 4));
        if (directory + 2 > end) {
            return 1;
        }
        int at = (int) directory;
        int entries = little ? b.u16le(at) : b.u16(at);
        for (int i = 0; i < entries && at + 2 + 12 * (i + 1) <= end; i++) {
            int entry = at + 2 + 12 * i;
            int tag = little ? b.u16le(entry) : b.u16(entry);
            if (tag == 0x0112) {
                return little ? b.u16le(entry + 8) : b.u16(entry + 8);
            }
        }
        return 1;
    }

    /** The canvas of an extended WebP, or the frame of a simple lossy or lossless one. */
    private static int[] webp(Bytes b) {
        if (b.is(12, "VP8X")) {
            return new int[] {1 + b.u24le(24), 1 + b.u24le(27)};
        }
        if (b.is(12, "VP8 ") && b.u8(23) == 0x9D && b.u8(24) == 0x01 && b.u8(25) == 0x2A) {
            return new int[] {b.u16le(26) & 0x3FFF, b.u16le(28) & 0x3FFF};
        }
        if (b.is(12, "VP8L") && b.u8(20) == 0x2F) {
            long bits = b.u32le(21);
            return new int[] {1 + (int) (bits & 0x3FFF), 1 + (int) ((bits >> 14) & 0x3FFF)};
        }
        return null;
    }

    /**
     * The size of an AVIF's primary item: the {@code ispe} property the {@code ipma} box gives that
     * item, turned a quarter by an {@code irot} property of 90 or 270 degrees.
     */
    private static int[] avif(Bytes b) {
        Box meta = Box.first(b, 0, b.length(), "meta");
        if (meta == null) {
            return null;
        }
        int children = meta.body + 4; // a full box: version and flags first
        Box pitm = Box.first(b, children, meta.end, "pitm");
        Box iprp = Box.first(b, children, meta.end, "iprp");
        Box ipco = iprp == null ? null : Box.first(b, iprp.body, iprp.end, "ipco");
        Box ipma = iprp == null ? null : Box.first(b, iprp.body, iprp.end, "ipma");
        if (ipco == null) {
            return null;
        }
        List<Box> properties = Box.all(b, ipco.body, ipco.end);
        List<Integer> used = pitm == null || ipma == null ? null
                : associated(b, ipma, b.u8(pitm.body) == 0 ? b.u16(pitm.body + 4) : (int) b.u32(pitm.body + 4));
        int[] size = null;
        boolean turned = false;
        for (int i = 0; i < properties.size(); i++) {
            if (used != null && !used.contains(i + 1)) {
                continue;
            }
            Box p = properties.get(i);
            if (p.type.equals("ispe") && size == null) {
                size = new int[] {(int) b.u32(p.body + 4), (int) b.u32(p.body + 8)};
            } else if (p.type.equals("irot")) {
                turned = (b.u8(p.body) & 1) == 1;
            }
        }
        return size != null && turned ? new int[] {size[1], size[0]} : size;
    }

    /** The 1-based indexes of the properties {@code ipma} gives the item {@code item}; null when it names none. */
    private static List<Integer> associated(Bytes b, Box ipma, int item) {
        int version = b.u8(ipma.body);
        boolean wide = (b.u8(ipma.body + 3) & 1) == 1;
        long count = b.u32(ipma.body + 4);
        int at = ipma.body + 8;
        Map<Integer, List<Integer>> byItem = new HashMap<>();
        for (long i = 0; i < count && at < ipma.end; i++) {
            int id = version < 1 ? b.u16(at) : (int) b.u32(at);
            at += version < 1 ? 2 : 4;
            int n = b.u8(at++);
            List<Integer> indexes = new ArrayList<>();
            for (int j = 0; j < n && at < ipma.end; j++) {
                indexes.add(wide ? b.u16(at) & 0x7FFF : b.u8(at) & 0x7F);
                at += wide ? 2 : 1;
            }
            byItem.put(id, indexes);
        }
        return byItem.get(item);
    }

    /** An ISO base media box: its four-letter type, where its contents start and where it ends. */
    private record Box(String type, int body, int end) {

        static Box first(Bytes b, int from, int to, String type) {
            return all(b, from, to).stream().filter(x -> x.type.equals(type)).findFirst().orElse(null);
        }

        static List<Box> all(Bytes b, int from, int to) {
            List<Box> out = new ArrayList<>();
            int at = from;
            while (at + 8 <= to) {
                long size = b.u32(at);
                int header = 8;
                if (size == 1) {
                    size = b.u32(at + 8) << 32 | b.u32(at + 12);
                    header = 16;
                } else if (size == 0) {
                    size = to - at;
                }
                if (size < header || at + size > to) {
                    break;
                }
                out.add(new Box(new String(b.bytes, at + 4, 4, StandardCharsets.ISO_8859_1), at + header,
                        (int) (at + size)));
                at += (int) size;
            }
            return out;
        }
    }

    /** A file's bytes read as unsigned numbers; anything past the end reads as 0, so no header can throw. */
    private record Bytes(byte[] bytes) {

        int length() {
            return bytes.length;
        }

        int u8(int at) {
            return at >= 0 && at < bytes.length ? bytes[at] & 0xFF : 0;
        }

        int u16(int at) {
            return u8(at) << 8 | u8(at + 1);
        }

        int u16le(int at) {
            return u8(at) | u8(at + 1) << 8;
        }

        int u24le(int at) {
            return u16le(at) | u8(at + 2) << 16;
        }

        long u32(long at) {
            int i = (int) Math.min(at, Integer.MAX_VALUE - 4);
            return (long) u16(i) << 16 | u16(i + 2);
        }

        long u32le(long at) {
            int i = (int) Math.min(at, Integer.MAX_VALUE - 4);
            return u16le(i) | (long) u16le(i + 2) << 16;
        }

        boolean is(int at, String ascii) {
            for (int i = 0; i < ascii.length(); i++) {
                if (u8(at + i) != ascii.charAt(i)) {
                    return false;
                }
            }
            return true;
        }
    }
}
