package dev.patella.serve;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which hosts the preview answers. A server on the loopback address answers only requests
 * addressed to a loopback name, so that a web page on another site cannot read the preview by
 * pointing its own host name at 127.0.0.1 (DNS rebinding). A server the user put on another
 * address, to show the preview to other machines, answers any name. Either way a host must be
 * written as HTTP allows, a name or address and an optional port and nothing else
 * ({@code localhost:1@evil.example} is refused), and a request whose target names a host
 * ({@code GET http://evil.example/ HTTP/1.1}, which takes the place of {@code Host}) must name
 * an allowed one as well.
 */
final class Hosts {

    private static final Pattern NAME = Pattern.compile("[a-z0-9._-]+");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-f:.]+");
    private static final Pattern PORT = Pattern.compile("(:[0-9]{0,5})?");

    private Hosts() {
    }

    /**
     * @param hostHeaders  the request's {@code Host} headers; null or empty when it sent none (HTTP/1.0)
     * @param loopbackOnly whether the server listens on a loopback address
     * @return whether to answer the request
     */
    static boolean allowed(List<String> hostHeaders, boolean loopbackOnly) {
        return allowed(hostHeaders, Optional.empty(), loopbackOnly);
    }

    /**
     * @param hostHeaders     the request's {@code Host} headers; null or empty when it sent none (HTTP/1.0)
     * @param targetAuthority the host and port of a request target in absolute form
     *                        ({@code http://HOST:PORT/path}), as sent; empty for a target that is a path
     * @param loopbackOnly    whether the server listens on a loopback address
     * @return whether to answer the request: every host it names is well formed and allowed
     */
    static boolean allowed(List<String> hostHeaders, Optional<String> targetAuthority, boolean loopbackOnly) {
        if (hostHeaders != null && hostHeaders.size() > 1) {
            return false;
        }
        if (targetAuthority.isPresent() && !allowed(targetAuthority.get(), loopbackOnly)) {
            return false;
        }
        // no browser leaves Host out, so no page can be behind such a request
        return hostHeaders == null || hostHeaders.isEmpty() || allowed(hostHeaders.get(0), loopbackOnly);
    }

    private static boolean allowed(String host, boolean loopbackOnly) {
        Optional<String> name = name(host);
        return name.isPresent() && (!loopbackOnly || isLoopbackName(name.get()));
    }

    /**
     * The host name of a {@code Host} header or a target's authority, without its port or an
     * IPv6 literal's brackets, in lower case.
     *
     * @return empty when it is not a name or address with an optional port: user information
     *         ({@code user@host}), a path, spaces, a port that is not a number, an unclosed bracket
     */
    static Optional<String> name(String header) {
        String host = header.strip().toLowerCase(Locale.ROOT);
        String name;
        String rest;
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            if (end < 0) {
                return Optional.empty();
            }
            name = host.substring(1, end);
            rest = host.substring(end + 1);
            if (!IPV6.matcher(name).matches()) {
                return Optional.empty();
            }
        } else {
            int colon = host.indexOf(':');
            name = colon < 0 ? host : host.substring(0, colon);
            rest = colon < 0 ? "" : host.substring(colon);
            if (!NAME.matcher(name).matches()) {
                return Optional.empty();
            }
            name = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        }
        return PORT.matcher(rest).matches() ? Optional.of(name) : Optional.empty();
    }

    /** {@code localhost} and its subdomains, {@code 127.0.0.0/8} written as four numbers, and {@code ::1}. */
    static boolean isLoopbackName(String name) {
        if (name.equals("localhost") || name.endsWith(".localhost") || name.equals("::1")) {
            return true;
        }
        String[] parts = name.split("\\.", -1);
        if (parts.length != 4 || !parts[0].equals("127")) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')
                    || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }
}
