package dev.patella.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/** Reads a {@code --base-url} value the same way for every command. */
final class BaseUrlOption {

    private BaseUrlOption() {
    }

    /** @return the address, ending in {@code /}; empty when it is not a full http(s) address (see {@link #mistake}) */
    static Optional<URI> parse(String text) {
        try {
            URI uri = new URI(text);
            if (uri.isAbsolute() && uri.getHost() != null && uri.getRawPath() != null
                    && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                String path = uri.getRawPath().endsWith("/") ? uri.getRawPath() : uri.getRawPath() + "/";
                return Optional.of(new URI(uri.getScheme(), uri.getRawAuthority(), path, null, null));
            }
        } catch (URISyntaxException e) {
            // not an address: empty
        }
        return Optional.empty();
    }

    /** @return what to say when {@link #parse} found no address in {@code text} */
    static String mistake(String text) {
        return "--base-url must be a full address such as https://example.org/knee/, not '" + text + "'";
    }
}
