package dev.patella.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patella.config.SiteConfig;
import java.nio.charset.StandardCharsets;

/** A web app manifest, from one edition's settings. Its addresses are relative, so the site works under any path. */
final class WebAppManifest {

    static final String THEME = "#0b5cad";

    private WebAppManifest() {
    }

    /** @param icon the favicon's address, relative to the folder the manifest lives in (the edition's home) */
    static byte[] write(ObjectMapper json, SiteConfig config, String icon) {
        ObjectNode m = json.createObjectNode().put("name", config.title()).put("short_name", config.title())
                .put("description", config.description().strip()).put("lang", config.language())
                .put("start_url", "./").put("scope", "./").put("display", "browser")
                .put("background_color", "#ffffff").put("theme_color", THEME);
        m.putArray("icons").addObject().put("src", icon).put("sizes", "any").put("type", "image/svg+xml");
        try {
            return (json.writeValueAsString(m)).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }
}
