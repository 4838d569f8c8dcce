package dev.patella.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files a save changed, without the temporary file an editor wrote beside a Markdown file and
 * renamed over it: what the preview names in the terminal and what decides whether the saved page
 * is shown ahead of its rebuild.
 */
class ChangesTest {

    @TempDir
    Path tmp;

    @Test
    void aTemporaryFileRenamedOverAPageIsNotOneOfTheSavedFiles() throws IOException {
        Path pages = Files.createDirectories(tmp.resolve("content/pages"));
        Path about = Files.writeString(pages.resolve("about.md"), "text");
        Path images = Files.createDirectories(tmp.resolve("content/images"));

        // sed -i and IntelliJ: gone, beside a page that changed
        assertThat(Changes.of(List.of(about, pages.resolve("sedX1b2c3"))).saved()).containsExactly(about);
        assertThat(Changes.of(List.of(about, pages.resolve("about.md___jb_tmp___"))).saved()).containsExactly(about);
        // a deleted page is a change, and so is a gone image beside no changed page
        Path gone = pages.resolve("old.md");
        assertThat(Changes.of(List.of(about, gone)).saved()).containsExactlyInAnyOrder(about, gone);
        Path photo = images.resolve("photo.jpg");
        assertThat(Changes.of(List.of(about, photo)).saved()).containsExactlyInAnyOrder(about, photo);
        // sed -i on a YAML file: a temporary name, gone, beside the file saved
        Path content = tmp.resolve("content");
        Path glossary = Files.writeString(content.resolve("glossary.yaml"), "x");
        assertThat(Changes.of(List.of(glossary, content.resolve("sedph91mB"))).saved()).containsExactly(glossary);
        // alone, it is named: a folder moved away is named so too
        Path moved = content.resolve("old-notes");
        assertThat(Changes.of(List.of(moved)).saved()).containsExactly(moved);
        // a file that is still there is a change wherever it is
        Path notes = Files.writeString(pages.resolve("notes.txt"), "x");
        assertThat(Changes.of(List.of(about, notes)).saved()).containsExactlyInAnyOrder(about, notes);
    }
}
