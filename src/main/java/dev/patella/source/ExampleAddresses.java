package dev.patella.source;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Web and mail addresses on names reserved for examples and tests, which no real site or mailbox
 * ever has: {@code example.com}, {@code example.net}, {@code example.org} and their subdomains
 * (RFC 2606), and anything under {@code .example}, {@code .test}, {@code .invalid} or
 * {@code .localhost} (RFC 2606, RFC 6761). A published page that links to one sends readers nowhere.
 */
public final class ExampleAddresses {

    private static final List<String> DOMAINS = List.of("example.com", "example.net", "example.org");
    private static final List<String> TOP_LEVEL = List.of("example", "test", "invalid", "localhost");

    private ExampleAddresses() {
    }

    /**
     * @param address a web address ({@code https://example.org/x}, {@code //example.org/x}) or a
     *                {@code mailto:} address
     * @return the reserved name it uses ({@code example.org}, {@code .test}), or empty when it uses
     *         none, or is not an address with a host (a site path, an anchor, text)
     */
    public static Optional<String> reservedName(String address) {
        return host(address.strip()).flatMap(ExampleAddresses::reservedHost);
    }

    /** @return the reserved name {@code host} is or is under, or empty */
    public static Optional<String> reservedHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        h = h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
        for (String domain : DOMAINS) {
            if (h.equals(domain) || h.endsWith("." + domain)) {
                return Optional.of(domain);
            }
        }
        for (String tld : TOP_LEVEL) {
            if (h.equals(tld) || h.endsWith("." + tld)) {
                return Optional.of("." + tld);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> host(String address) {
        if (address.regionMatches(true, 0, "mailto:", 0, "mailto:".length())) {
            String rest = address.substring("mailto:".length());
            int query = rest.indexOf('?');
            String to = query < 0 ? rest : rest.substring(0, query);
            int at = to.lastIndexOf('@');
            return at < 0 ? Optional.empty() : Optional.of(to.substring(at + 1));
        }
        try {
            URI uri = new URI(address);
            return Optional.ofNullable(uri.getHost()).filter(h -> !h.isEmpty());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
