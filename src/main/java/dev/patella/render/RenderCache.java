package dev.patella.render;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The pages of the previous render and the spec each was made from, so that the next render
 * makes again only the pages whose spec changed. Owned by one session; used by one render at a time.
 */
public final class RenderCache {

    /** @param specKey the inputs the spec was built from, or {@code null} (see {@link PageJob#keyedBy}) */
    record Entry(PageSpec spec, RenderedPage page, Object specKey) {
    }

    Object shared;
    Map<String, Entry> pages = new HashMap<>();
    List<String> lastRendered = List.of();
    private final Map<Object, Object> interned = new HashMap<>();

    /** An object equal to {@code key} that a render used before, or {@code key} (then remembered). */
    synchronized Object same(Object key) {
        Object before = interned.get(key);
        if (before != null) {
            return before;
        }
        if (interned.size() > 64) {
            interned.clear(); // keys long gone
        }
        interned.put(key, key);
        return key;
    }

    /** The URLs the last render made (the others it reused), in URL order. */
    public List<String> lastRendered() {
        return lastRendered;
    }
}
