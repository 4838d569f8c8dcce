package dev.patella.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A built site served on loopback as a static host would: folders serve index.html, a missing file
 * 404.html. Started with {@link #withHostHeaders}, it also sends the headers of the site's own
 * {@code _headers} file, as Netlify and Cloudflare Pages do: each rule whose path pattern
 * ({@code *} matches anything) matches the request adds its headers.
 */
final class StaticServer {

    private static final Map<String, String> TYPES = Map.ofEntries(Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"), Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("json", "application/json"), Map.entry("svg", "image/svg+xml"),
            Map.entry("webmanifest", "application/manifest+json"), Map.entry("xml", "application/xml"),
            Map.entry("txt", "text/plain; charset=utf-8"), Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"), Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"),
            Map.entry("avif", "image/avif"));

    /** One rule of a {@code _headers} file. */
    private record Rule(java.util.regex.Pattern path, Map<String, String> headers) {
    }

    private final HttpServer server;
    private final ExecutorService threads;

    private StaticServer(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    static StaticServer start(Path root) {
        return start(root, java.util.List.of());
    }

    /** Serves the site with the headers its {@code _headers} file gives each path. */
    static StaticServer withHostHeaders(Path root) {
        try {
            return start(root, rules(Files.readAllLines(root.resolve("_headers"), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static java.util.List<Rule> rules(java.util.List<String> lines) {
        var rules = new java.util.ArrayList<Rule>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("/")) {
                String regex = java.util.Arrays.stream(line.strip().split("\\*", -1))
                        .map(java.util.regex.Pattern::quote).collect(java.util.stream.Collectors.joining(".*"));
                rules.add(new Rule(java.util.regex.Pattern.compile(regex), new java.util.LinkedHashMap<>()));
            } else {
                int colon = line.indexOf(':');
                rules.get(rules.size() - 1).headers().put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
        }
        return rules;
    }

    private static StaticServer start(Path root, java.util.List<Rule> rules) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ExecutorService threads = Executors.newFixedThreadPool(4);
            server.setExecutor(threads);
            server.createContext("/", exchange -> {
                String path = exchange.getRequestURI().getPath();
                rules.stream().filter(r -> r.path().matcher(path).matches())
                        .forEach(r -> r.headers().forEach(exchange.getResponseHeaders()::add));
                serve(root, exchange);
            });
            server.start();
            return new StaticServer(server, threads);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The site's address, ending in {@code /}. */
    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    void stop() {
        server.stop(0);
        threads.shutdownNow();
    }

    private static void serve(Path root, HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = URLDecoder.decode(exchange.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
            Path file = root.resolve(path.substring(1)).normalize();
            if (file.startsWith(root) && Files.isDirectory(file)) {
                file = file.resolve("index.html");
            }
            int status = 200;
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                file = root.resolve("404.html");
                status = 404;
            }
            byte[] body = Files.readAllBytes(file);
            String name = file.getFileName().toString();
            String ext = name.substring(name.lastIndexOf('.') + 1);
            exchange.getResponseHeaders().set("Content-Type", TYPES.getOrDefault(ext, "application/octet-stream"));
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
