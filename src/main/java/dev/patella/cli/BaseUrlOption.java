package dev.patella.cli;

import dev.patella.config.BaseUrls;

/** Reads a {@code --base-url} value the same way for every command, and as {@code base_url} is read. */
final class BaseUrlOption {

    private BaseUrlOption() {
    }

    /** @return the address, or the one-line message that says what is wrong with it and what to write */
    static BaseUrls.Reading parse(String text) {
        return BaseUrls.read(text, "--base-url");
    }
}
