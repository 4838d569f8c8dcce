package dev.patella.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Serves the files of the built site, and nothing else. A request is answered only when it is
 * addressed to the loopback name the server listens on (see {@link Hosts}; in its {@code Host}
 * header and, when the target is a whole {@code http://} URL, in that URL too), with GET or HEAD,
 * and a target that is a path (or an {@code http://} URL): {@code //etc/passwd}, which the JDK
 * reads as the host {@code etc}, and other schemes are refused (400).
 * Its path is decoded once and refused (400) when it holds {@code .}, {@code ..} or empty
 * segments, an encoded {@code /}, a backslash, a colon, control characters, bytes that are not
 * UTF-8 (overlong forms included) or something still percent-encoded after decoding; then it is
 * only looked up among the site's own files, never on the disk, so it can only ever find a built
 * file. A folder is served by its {@code index.html} and never listed. HTML responses get the
 * live-reload script and, while the content has errors, the error overlay.
 */
final class SiteHandler implements HttpHandler {

    private final Supplier<Snapshot> snapshot;
    private final LiveReload live;
    private final CopiedFiles copied;
    private final boolean loopbackOnly;

    /** @param loopbackOnly whether the server listens on a loopback address, so answers only loopback names */
    SiteHandler(Supplier<Snapshot> snapshot, LiveReload live, CopiedFiles copied, boolean loopbackOnly) {
        this.snapshot = snapshot;
        this.live = live;
        this.copied = copied;
        this.loopbackOnly = loopbackOnly;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        // every answer closes the exchange, except an event stream, which stays open
        URI target = exchange.getRequestURI();
        boolean absolute = target.getScheme() != null;
        // an http:// target names the host in place of the Host header (RFC 9112, 3.2.2), so it is checked the same way
        Optional<String> authority = absolute && target.getScheme().equalsIgnoreCase("http") ? Optional.of(Optional.ofNullable(target.getRawAuthority()).orElse(""))
                : Optional.empty();
        var hosts = exchange.getRequestHeaders().get("Host");
        if ((hosts == null || hosts.isEmpty()) && "HTTP/1.1".equalsIgnoreCase(exchange.getProtocol())) {
            // RFC 9112, 3.2: an HTTP/1.1 request without Host is answered 400 (HTTP/1.0 may leave it out)
            Responses.plain(exchange, 400, "Bad request: an HTTP/1.1 request must name its host\n");
            return;
        }
        if (!Hosts.allowed(hosts, authority, loopbackOnly)) {
            Responses.plain(exchange, 403, "Forbidden: the preview answers only requests for 127.0.0.1 or localhost\n");
            return;
        }
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            Responses.plain(exchange, 405, "Method not allowed: the preview only answers GET and HEAD\n");
            return;
        }
        if (absolute && !target.getScheme().equalsIgnoreCase("http") || !absolute && target.getRawAuthority() != null
                || target.toString().startsWith("//")) {
            // another scheme (file:///etc/passwd), or a path starting with //, which the JDK reads as a
            // host (//etc/passwd) or as an empty one (///etc/passwd)
            Responses.plain(exchange, 400, "Bad request: the path is not one the site can have\n");
            return;
        }
        String raw = target.getRawPath();
        Optional<String> path = SitePaths.decode(raw);
        if (path.isEmpty()) {
            Responses.plain(exchange, 400, "Bad request: the path is not one the site can have\n");
            return;
        }
        serve(exchange, raw, path.get());
    }

    private void serve(HttpExchange exchange, String raw, String path) throws IOException {
        Snapshot now = snapshot.get();
        switch (path) {
            case LiveReload.EVENTS -> {
                if (exchange.getRequestMethod().equals("HEAD")) {
                    Responses.send(exchange, 200, "text/event-stream; charset=utf-8", new byte[0]);
                } else {
                    live.open(exchange, since(exchange.getRequestURI().getRawQuery()));
                }
                return;
            }
            case LiveReload.SCRIPT -> {
                Responses.send(exchange, 200, ContentTypes.of(path), LiveReload.SCRIPT_BYTES);
                return;
            }
            case LiveReload.STYLE -> {
                Responses.send(exchange, 200, ContentTypes.of(path), LiveReload.STYLE_BYTES);
                return;
            }
            default -> {
                // a file of the site
            }
        }
        String sitePath = path.endsWith("/") ? path.substring(1) + "index.html" : path.substring(1);
        Optional<byte[]> body = read(now, sitePath);
        if (body.isPresent()) {
            respond(exchange, 200, sitePath, body.get(), now);
        } else if (!path.endsWith("/") && now.has(sitePath + "/index.html")) {
            String query = exchange.getRequestURI().getRawQuery();
            // the path as sent (checked to be plain ASCII), so the header never carries a decoded character
            exchange.getResponseHeaders().set("Location", raw + "/" + (query == null ? "" : "?" + query));
            Responses.plain(exchange, 301, "Moved to " + path + "/\n");
        } else {
            // a missing page under /es/ gets the Spanish 404 page, when the site has one
            int slash = path.indexOf('/', 1);
            String own = slash > 0 ? path.substring(1, slash + 1) + "404.html" : "404.html";
            String page = read(now, own).isPresent() ? own : "404.html";
            byte[] notFound = read(now, page).orElse(
                    "<!DOCTYPE html><title>Not found</title><body><h1>Not found</h1></body>".getBytes(StandardCharsets.UTF_8));
            respond(exchange, 404, page, notFound, now);
        }
    }

    /** The build a page was shown from, as its event stream's query gives it ({@code since=12}); empty otherwise. */
    static OptionalLong since(String query) {
        if (query == null || !query.matches("since=[0-9]{1,18}")) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(query.substring("since=".length())));
    }

    private Optional<byte[]> read(Snapshot now, String sitePath) {
        Optional<byte[]> made = now.generated(sitePath);
        return made.isPresent() ? made : now.copied(sitePath).flatMap(copied::read);
    }

    private static void respond(HttpExchange exchange, int status, String sitePath, byte[] body, Snapshot now)
            throws IOException {
        // a page served for another address (a 404) reloads on any change: the address may now have a page
        byte[] out = ContentTypes.isHtml(sitePath) ? inject(body, now, status == 200 ? sitePath : "") : body;
        Responses.send(exchange, status, ContentTypes.of(sitePath), out);
    }

    /**
     * The page with the live-reload script and, while there are errors, the overlay, added before
     * {@code </body>}. The script is told the build shown and {@code sitePath}, the file the page
     * is, so that it reloads only when that file changes; empty for a page that must reload on any change.
     */
    static byte[] inject(byte[] page, Snapshot now, String sitePath) {
        String html = new String(page, StandardCharsets.UTF_8);
        String tags = "<link rel=\"stylesheet\" href=\"" + LiveReload.STYLE + "\">\n" + now.overlayHtml()
                + "<script src=\"" + LiveReload.SCRIPT + "\" data-build=\"" + now.id() + "\" data-page=\""
                + sitePath.replace("&", "&amp;").replace("\"", "&quot;") + "\" defer></script>\n";
        int end = html.lastIndexOf("</body>");
        String result = end < 0 ? html + tags : html.substring(0, end) + tags + html.substring(end);
        return result.getBytes(StandardCharsets.UTF_8);
    }

    /** Turns a request path into a site path, or refuses it. */
    static final class SitePaths {
        private static final Pattern DOUBLE_ENCODED = Pattern.compile("%[0-9A-Fa-f]{2}");

        private SitePaths() {
        }

        /**
         * @param raw the path as sent, percent-encoded
         * @return the decoded path, starting with {@code /}; empty when it is malformed, holds
         *         anything a site path never has ({@code ..}, {@code .} or empty segments, {@code \\},
         *         {@code :}, control characters, NUL), an encoded {@code /}, bytes that are not
         *         UTF-8 (overlong forms included), or a percent-encoding left after decoding
         *         (a double encoding such as {@code %252e})
         */
        static Optional<String> decode(String raw) {
            if (raw == null || !raw.startsWith("/") || raw.length() > 2048) {
                return Optional.empty();
            }
            var bytes = new ByteArrayOutputStream(raw.length());
            for (int i = 0; i < raw.length(); i++) {
                char c = raw.charAt(i);
                if (c == '%') {
                    if (i + 2 >= raw.length()) {
                        return Optional.empty();
                    }
                    int hi = Character.digit(raw.charAt(i + 1), 16);
                    int lo = Character.digit(raw.charAt(i + 2), 16);
                    if (hi < 0 || lo < 0 || hi * 16 + lo == '/') {
                        return Optional.empty();
                    }
                    bytes.write(hi * 16 + lo);
                    i += 2;
                } else if (c > 0x7f) {
                    return Optional.empty();
                } else {
                    bytes.write(c);
                }
            }
            String path;
            try {
                path = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
            } catch (CharacterCodingException e) {
                return Optional.empty();
            }
            if (path.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f || ch == '\\' || ch == ':')) {
                return Optional.empty();
            }
            if (DOUBLE_ENCODED.matcher(path).find()) {
                return Optional.empty();
            }
            String[] segments = path.substring(1).split("/", -1);
            for (int i = 0; i < segments.length; i++) {
                String segment = segments[i];
                boolean last = i == segments.length - 1;
                if (segment.equals(".") || segment.equals("..") || segment.isEmpty() && !last) {
                    return Optional.empty();
                }
            }
            return Optional.of(path);
        }
    }
}
