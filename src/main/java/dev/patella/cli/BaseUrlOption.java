package dev.patella.cli;

import java.net.URI;
import java.net.URISyntaxException;
import picocli.CommandLine;

/** Reads a {@code --base-url} value the same way for every command. */
final class BaseUrlOption {

    private BaseUrlOption() {
    }

    /**
     * @return the address, ending in {@code /}
     * @throws CommandLine.ParameterException when it is not a full http(s) address
     */
    static URI parse(CommandLine commandLine, String text) {
        try {
            URI uri = new URI(text);
            if (uri.isAbsolute() && uri.getHost() != null && uri.getRawPath() != null
                    && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                String path = uri.getRawPath().endsWith("/") ? uri.getRawPath() : uri.getRawPath() + "/";
                return new URI(uri.getScheme(), uri.getRawAuthority(), path, null, null);
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new CommandLine.ParameterException(commandLine, "--base-url must be a full address such as "
                + "https://example.org/knee/, not '" + text + "'");
    }
}
