package dev.patella.render;

/**
 * A file the render stage makes besides the pages, such as the search index.
 *
 * @param sitePath where it is published, without a leading slash ({@code manifest.webmanifest})
 */
public record DataFile(String sitePath, byte[] bytes) {
    public DataFile {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }
}
