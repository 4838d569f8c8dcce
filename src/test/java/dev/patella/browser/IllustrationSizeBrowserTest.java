package dev.patella.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.patella.TestSites;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An exercise's illustration may be any picture {@code content/images/} takes; its {@code <img>}
 * must carry the width and height the browser shows it at, so the page does not jump while it
 * loads. Pictures of every kind, made by real encoders (Java's for PNG, JPEG and GIF; the WebP and
 * AVIF files in {@code src/test/resources/pictures/}, made by {@code cwebp} and {@code avifenc}),
 * are published as the five exercises' illustrations and compared, in Debian's chromium, with
 * the size it decodes them to: EXIF orientation and AVIF rotation included.
 */
class IllustrationSizeBrowserTest {

    private static final List<String> EXERCISES = List.of("straight-leg-raise", "side-lying-leg-raise", "clamshell",
            "hip-extension-leg-raise", "semi-squat");

    @Test
    void everyIllustrationsWidthAndHeightAreTheSizeChromiumShowsItAt(@TempDir Path tmp) throws IOException {
        Chromium.assumeInstalled();
        Map<String, byte[]> pictures = new LinkedHashMap<>();
        pictures.put("png", encode(picture(151, 64), "png", false));
        pictures.put("gif", encode(picture(67, 140), "gif", false));
        pictures.put("jpg", encode(picture(210, 95), "jpeg", false));
        // a phone photo: stored wide, turned upright by its EXIF orientation (6: a quarter clockwise)
        pictures.put("jpeg", withOrientation(encode(picture(180, 120), "jpeg", true), 6, false));
        pictures.put("JPG", withOrientation(encode(picture(130, 90), "jpeg", false), 8, true));
        // some phones write MBs of extended XMP data before the frame that gives the size
        pictures.put("jpeg-padded", withPadding(withOrientation(encode(picture(160, 100), "jpeg", false), 6, false)));
        for (String name : List.of("lossy.webp", "lossless.webp", "extended.webp", "upright.avif", "turned.avif")) {
            pictures.put(name.substring(name.indexOf('.') + 1) + "-" + name.substring(0, name.indexOf('.')),
                    Files.readAllBytes(TestSites.PROJECT.resolve("src/test/resources/pictures").resolve(name)));
        }
        List<Map.Entry<String, byte[]>> all = new ArrayList<>(pictures.entrySet());
        List<String> seen = new ArrayList<>();
        try (Chromium chromium = Chromium.launch()) {
            for (int from = 0; from < all.size(); from += EXERCISES.size()) {
                List<Map.Entry<String, byte[]>> round = all.subList(from, Math.min(all.size(), from + EXERCISES.size()));
                Path project = TestSites.shipped(tmp.resolve("p" + from));
                for (int i = 0; i < round.size(); i++) {
                    String file = EXERCISES.get(i) + "." + extension(round.get(i).getKey());
                    Files.write(project.resolve("content/images").resolve(file), round.get(i).getValue());
                    Path exercise = project.resolve("content/exercises").resolve(EXERCISES.get(i) + ".md");
                    TestSites.write(exercise, TestSites.read(exercise)
                            .replace("src: /images/" + EXERCISES.get(i) + ".svg", "src: /images/" + file));
                }
                var run = TestSites.run("build", "--project", project.toString());
                assertThat(run.exitCode()).as(run.err()).isZero();
                StaticServer server = StaticServer.start(project.resolve("site"));
                try (BrowserContext context = chromium.context(1280, true)) {
                    Page page = context.newPage();
                    for (int i = 0; i < round.size(); i++) {
                        page.navigate(server.base() + "exercises/" + EXERCISES.get(i) + "/");
                        @SuppressWarnings("unchecked")
                        Map<String, Object> img = (Map<String, Object>) page.evaluate("""
                                async () => {
                                  const img = document.querySelector('.illustration img');
                                  await img.decode();
                                  return {src: img.getAttribute('src'), natural: img.naturalWidth + 'x' + img.naturalHeight,
                                          declared: img.getAttribute('width') + 'x' + img.getAttribute('height')};
                                }""");
                        assertThat(img.get("src").toString()).as(round.get(i).getKey())
                                .endsWith(EXERCISES.get(i) + "." + extension(round.get(i).getKey()));
                        assertThat(img.get("declared")).as(round.get(i).getKey() + " (" + img.get("src") + ")")
                                .isEqualTo(img.get("natural"));
                        seen.add(round.get(i).getKey() + " " + img.get("natural"));
                    }
                } finally {
                    server.stop();
                }
            }
        }
        // the turned pictures are shown upright: taller than wide
        assertThat(seen).contains("jpeg 120x180", "JPG 90x130", "jpeg-padded 100x160", "avif-turned 77x123",
                "avif-upright 123x77");
    }

    /** The file extension of a kind of picture: "webp" for "webp-lossy". */
    private static String extension(String kind) {
        return kind.contains("-") ? kind.substring(0, kind.indexOf('-')) : kind;
    }

    private static BufferedImage picture(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLUE);
        g.fillOval(width / 8, height / 8, width / 2, height / 2);
        g.dispose();
        return image;
    }

    private static byte[] encode(BufferedImage image, String format, boolean progressive) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!progressive) {
            assertThat(ImageIO.write(image, format, out)).as(format).isTrue();
            return out.toByteArray();
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        try (var stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        }
        writer.dispose();
        return out.toByteArray();
    }

    /** The JPEG {@code jpeg} with 1.5 MB of extended XMP blocks after its first blocks (its EXIF one). */
    private static byte[] withPadding(byte[] jpeg) {
        int at = 2 + 2 + (((jpeg[4] & 0xFF) << 8) | (jpeg[5] & 0xFF)); // after the start and the first block
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, at);
        byte[] name = "http://ns.adobe.com/xmp/extension/\0".getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < 24; i++) {
            int length = 2 + 64_000;
            out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length});
            out.writeBytes(name);
            out.writeBytes(new byte[64_000 - name.length]);
        }
        out.write(jpeg, at, jpeg.length - at);
        return out.toByteArray();
    }

    /** The JPEG {@code jpeg} with an EXIF block right after its start, holding only an orientation. */
    private static byte[] withOrientation(byte[] jpeg, int orientation, boolean littleEndian) {
        ByteArrayOutputStream tiff = new ByteArrayOutputStream();
        int[] header = littleEndian ? new int[] {'I', 'I', 42, 0, 8, 0, 0, 0} : new int[] {'M', 'M', 0, 42, 0, 0, 0, 8};
        for (int b : header) {
            tiff.write(b);
        }
        // one directory entry: tag 0x0112 (orientation), type 3 (short), count 1, the value; then no next directory
        int[] entry = littleEndian
                ? new int[] {1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, orientation, 0, 0, 0, 0, 0, 0, 0}
                : new int[] {0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0};
        for (int b : entry) {
            tiff.write(b);
        }
        byte[] body = tiff.toByteArray();
        int length = 2 + 6 + body.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2); // start of image
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length});
        out.writeBytes("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(body);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }
}
