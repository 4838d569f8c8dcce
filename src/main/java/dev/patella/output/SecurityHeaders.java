package dev.patella.output;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The headers that keep a page of the site, or a file of it opened on its own, from doing more
 * than the site means it to: the same on the dev server and, through the hosting files, on a real
 * host. The site needs only its own files (its stylesheet and scripts are files, with no inline
 * script, style or event handler; the JSON-LD blocks are data, which CSP does not govern; search
 * fetches its index from the site; images are the site's own), so the policy allows nothing else.
 * An SVG drawing opened directly is a document under the same policy: any script in it is blocked.
 */
public final class SecurityHeaders {

    /** The Content-Security-Policy, one line. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; font-src 'self'; connect-src 'self'; manifest-src 'self'; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /** Every header, by name, in the order they are written; the Content-Security-Policy first. */
    public static final Map<String, String> ALL = all();

    private SecurityHeaders() {
    }

    private static Map<String, String> all() {
        var headers = new LinkedHashMap<String, String>();
        headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Cross-Origin-Opener-Policy", "same-origin");
        headers.put("Cross-Origin-Resource-Policy", "same-origin");
        headers.put("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
        return Collections.unmodifiableMap(headers);
    }
}
