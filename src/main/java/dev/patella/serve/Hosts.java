package dev.patella.serve;

import java.util.List;
import java.util.Locale;

/**
 * Which {@code Host} headers the preview answers. A server on the loopback address answers only
 * requests addressed to a loopback name, so that a web page on another site cannot read the
 * preview by pointing its own host name at 127.0.0.1 (DNS rebinding). A server the user put on
 * another address, to show the preview to other machines, answers any name.
 */
final class Hosts {

    private Hosts() {
    }

    /**
     * @param hostHeaders  the request's {@code Host} headers; null or empty when it sent none (HTTP/1.0)
     * @param loopbackOnly whether the server listens on a loopback address
     * @return whether to answer the request
     */
    static boolean allowed(List<String> hostHeaders, boolean loopbackOnly) {
        if (hostHeaders == null || hostHeaders.isEmpty()) {
            return true; // no browser leaves it out, so no page can be behind such a request
        }
        if (hostHeaders.size() > 1) {
            return false;
        }
        return !loopbackOnly || isLoopbackName(name(hostHeaders.get(0)));
    }

    /** The host name of a {@code Host} header, without its port or an IPv6 literal's brackets, in lower case. */
    static String name(String header) {
        String host = header.trim().toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? "" : host.substring(1, end);
        }
        int colon = host.indexOf(':');
        host = colon < 0 ? host : host.substring(0, colon);
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
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
