package dev.patella.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files of templates/assets/ that a build publishes. */
class AssetsTest {

    @TempDir
    Path tmp;

    @Test
    void aFileThatLinksOutOfTheTemplatesFolderIsNeverPublished() throws IOException {
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "TOP-SECRET\n");
        Path templates = tmp.resolve("project/templates");
        Path assets = Files.createDirectories(templates.resolve("assets"));
        Files.writeString(assets.resolve("style.css"), "body { margin: 0; }\n");
        Files.writeString(templates.resolve("shared.css"), "p { margin: 0; }\n");
        Files.createSymbolicLink(assets.resolve("leak.css"), secret);
        Files.createSymbolicLink(assets.resolve("leak.txt"), secret);
        Files.createSymbolicLink(assets.resolve("shared.css"), templates.resolve("shared.css"));

        var found = Assets.scan(templates);

        assertThat(found.files()).containsOnlyKeys("style.css", "shared.css");
        assertThat(found.find("leak.css")).isEmpty();
        assertThat(found.find("leak.txt")).isEmpty();
    }
}
