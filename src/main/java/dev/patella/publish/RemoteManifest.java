package dev.patella.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The record Patella keeps at a target's root of the files it published there, by site path, with
 * the SHA-256 of each, and the base URL the published site was built for. It is what makes a target
 * Patella's: files it does not list are never deleted nor replaced. A file listed with an empty hash
 * was being sent when a publish stopped, and is sent again.
 *
 * @param baseUrl the address the published site was built for; empty in a manifest written before
 *                Patella recorded it, or for a site without a {@code robots.txt} to read it from
 */
record RemoteManifest(Map<String, String> files, Optional<URI> baseUrl) {

    /** The manifest's name at the target's root. */
    static final String NAME = ".patella-manifest.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String GENERATOR = "patella";
    private static final int FORMAT = 1;

    RemoteManifest {
        files = new TreeMap<>(files);
        files.keySet().forEach(TargetPaths::requireSafe);
    }

    byte[] toJson() {
        ObjectNode root = JSON.createObjectNode().put("generator", GENERATOR).put("format", FORMAT);
        baseUrl.ifPresent(url -> root.put("base_url", url.toString()));
        ObjectNode list = root.putObject("files");
        files.forEach(list::put);
        try {
            return (JSON.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serialises", e);
        }
    }

    /**
     * Reads a manifest.
     *
     * @return empty when the bytes are not a manifest Patella wrote, list a path outside the root, or
     *         hold a base URL that is not an absolute address
     */
    static Optional<RemoteManifest> parse(byte[] bytes) {
        try {
            JsonNode root = JSON.readTree(bytes);
            if (root == null || !GENERATOR.equals(root.path("generator").asText())
                    || root.path("format").asInt() != FORMAT || !root.path("files").isObject()) {
                return Optional.empty();
            }
            Map<String, String> files = new TreeMap<>();
            for (Map.Entry<String, JsonNode> e : root.get("files").properties()) {
                if (!e.getValue().isTextual() || !TargetPaths.isSafe(e.getKey())) {
                    return Optional.empty();
                }
                files.put(e.getKey(), e.getValue().asText());
            }
            JsonNode url = root.path("base_url");
            if (url.isMissingNode()) {
                return Optional.of(new RemoteManifest(files, Optional.empty()));
            }
            URI baseUrl = url.isTextual() ? new URI(url.asText()) : new URI("");
            return baseUrl.isAbsolute() ? Optional.of(new RemoteManifest(files, Optional.of(baseUrl)))
                    : Optional.empty();
        } catch (IOException | URISyntaxException e) {
            return Optional.empty();
        }
    }
}
