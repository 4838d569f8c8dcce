package dev.patella.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.patella.TestSites;
import dev.patella.diag.FileFailure;
import dev.patella.source.QuickHash;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SiteWriter}, on what a build hands it. */
class SiteWriterTest {

    @TempDir
    Path tmp;

    /**
     * A build by itself hands over the pages it kept as files of the published site, with the hash
     * the last build recorded, and the write copies them only when the back buffer lacks them. A
     * file whose bytes are no longer those (edited while the build ran) fails the write, which then
     * publishes nothing, rather than publish bytes no build made.
     */
    @Test
    void aFileCopiedWithAHashItNoLongerHasFailsTheWriteAndNothingIsPublished() throws Exception {
        Path site = tmp.resolve("site");
        var writer = new SiteWriter(site, System::nanoTime);
        writer.write(new SiteFiles(Map.of("index.html", bytes("first")), Map.of()));
        var before = TestSites.snapshot(site);
        Path kept = Files.writeString(tmp.resolve("kept.html"), "edited meanwhile");
        var files = new SiteFiles(Map.of("index.html", bytes("second")), Map.of("about/index.html", kept));

        assertThatThrownBy(() -> writer.write(files, Map.of("about/index.html", QuickHash.hexOf(bytes("as built")))))
                .isInstanceOf(FileFailure.class)
                .hasMessageContaining(kept.toString())
                .hasMessageContaining("it changed while the build ran");
        assertThat(TestSites.snapshot(site)).containsExactlyInAnyOrderEntriesOf(before);

        // with its right hash, the same file is copied
        writer.write(files, Map.of("about/index.html", QuickHash.hexOf(bytes("edited meanwhile"))));
        assertThat(Files.readString(site.resolve("about/index.html"))).isEqualTo("edited meanwhile");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
