package dev.patella.render;

/**
 * A file the render stage makes besides the pages, such as the search index.
 *
 * @param sitePath    where it is published, without a leading slash ({@code manifest.webmanifest})
 * @param fingerprinted whether its name carries a hash of its bytes, so hosts may cache it for ever
 */
public record DataFile(String sitePath, byte[] bytes, boolean fingerprinted) {
    public DataFile {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }
}
