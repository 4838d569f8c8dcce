package dev.patella.render;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The pages of the previous render and the spec each was made from, so that the next render
 * makes again only the pages whose spec changed. Owned by one session; used by one render at a time.
 */
public final class RenderCache {

    record Entry(PageSpec spec, RenderedPage page) {
    }

    Object shared;
    Map<String, Entry> pages = new HashMap<>();
    List<String> lastRendered = List.of();

    /** The URLs the last render made (the others it reused), in URL order. */
    public List<String> lastRendered() {
        return lastRendered;
    }
}
