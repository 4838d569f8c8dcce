package dev.patella.render;

import dev.patella.source.QuickHash;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A hash of a value made of records, strings, numbers, lists, sets, maps and optionals, the
 * same in every run of Patella: two values that are equal have the same hash, and a value's hash
 * names its types, so values of different shapes never share one. It lets a build remember a
 * page's spec on disk as a hash, where the dev server keeps the spec itself. The hash is a
 * {@link QuickHash} (128 bits, a cache key, not SHA-256: hashing every spec is most of a
 * one-page rebuild, and SHA-256 costs ten times more without the JIT's SHA intrinsic).
 *
 * <p>A set or a map whose order is not part of it (a {@code HashMap}, {@code Set.of}) is hashed
 * in an order of its own, so a different iteration order gives the same hash. A value holding
 * anything else (an object whose equality is its identity) has no hash: the caller must then
 * treat it as changed. Safe to share between threads.
 */
public final class ValueHash {

    /** Deeper than this, a value is taken for a cycle and has no hash. */
    private static final int MAX_DEPTH = 200;
    /** Texts at least this long are hashed on their own, once per value however often they appear. */
    private static final int LONG_TEXT = 256;
    private static final Set<Class<?>> PLAIN = Set.of(Boolean.class, Integer.class, Long.class, Short.class,
            Byte.class, Character.class, Double.class, Float.class, BigDecimal.class, BigInteger.class,
            URI.class, LocalDate.class, LocalDateTime.class, Instant.class,
            ZonedDateTime.class, OffsetDateTime.class, Duration.class,
            Year.class, YearMonth.class, ZoneOffset.class);

    private final Map<Class<?>, List<Method>> accessors = new ConcurrentHashMap<>();

    /** Thrown inside when a value holds something that cannot be hashed. */
    private static final class Unhashable extends Exception {
        private static final long serialVersionUID = 1L;

        Unhashable() {
            super(null, null, false, false);
        }
    }

    /** @return the hash of {@code value} in hex; empty when it holds something without a stable hash */
    public Optional<String> of(Object value) {
        try {
            QuickHash digest = new QuickHash();
            feed(digest, value, 0, new IdentityHashMap<>());
            return Optional.of(digest.hex());
        } catch (Unhashable e) {
            return Optional.empty();
        }
    }

    /** The SHA-256 of some bytes, in hex. */
    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private void feed(QuickHash d, Object v, int depth, Map<String, byte[]> memo) throws Unhashable {
        if (depth > MAX_DEPTH) {
            throw new Unhashable();
        }
        if (v == null) {
            d.add('n');
        } else if (v instanceof String s && s.length() >= LONG_TEXT) {
            // a long text (a page's Markdown) is often in a value twice, in its view and its list of
            // texts: hashed once, then known by its own hash
            d.add('S');
            d.add(memo.computeIfAbsent(s, t -> new QuickHash().add(t).bytes()));
        } else if (v instanceof String s) {
            d.add('s');
            text(d, s);
        } else if (PLAIN.contains(v.getClass()) || v instanceof Path) {
            d.add('p');
            text(d, (v instanceof Path ? "Path" : v.getClass().getName()) + ":" + v);
        } else if (v instanceof Enum<?> e) {
            d.add('e');
            text(d, e.getDeclaringClass().getName() + "." + e.name());
        } else if (v instanceof Optional<?> o) {
            d.add('o');
            feed(d, o.orElse(null), depth + 1, memo);
        } else if (v instanceof OptionalInt o) {
            d.add('i');
            text(d, o.isPresent() ? "int:" + o.getAsInt() : "int:-");
        } else if (v instanceof OptionalLong o) {
            d.add('j');
            text(d, o.isPresent() ? "long:" + o.getAsLong() : "long:-");
        } else if (v instanceof OptionalDouble o) {
            d.add('f');
            text(d, o.isPresent() ? "double:" + o.getAsDouble() : "double:-");
        } else if (v instanceof byte[] b) {
            d.add('b');
            d.add(b);
        } else if (v instanceof Record r) {
            d.add('r');
            text(d, r.getClass().getName());
            for (Method accessor : accessors(r.getClass())) {
                feed(d, component(accessor, r), depth + 1, memo);
            }
        } else if (v instanceof List<?> || v instanceof SortedSet<?> || v instanceof LinkedHashSet<?>) {
            d.add('l');
            Collection<?> items = (Collection<?>) v;
            count(d, items.size());
            for (Object item : items) {
                feed(d, item, depth + 1, memo);
            }
        } else if (v instanceof Set<?> set) {
            d.add('u');
            unordered(d, new ArrayList<>(set), depth, memo);
        } else if (v instanceof SortedMap<?, ?> || v instanceof LinkedHashMap<?, ?>) {
            d.add('m');
            Map<?, ?> map = (Map<?, ?>) v;
            count(d, map.size());
            for (Map.Entry<?, ?> e : map.entrySet()) {
                feed(d, e.getKey(), depth + 1, memo);
                feed(d, e.getValue(), depth + 1, memo);
            }
        } else if (v instanceof Map<?, ?> map) {
            d.add('h');
            List<Object> entries = new ArrayList<>();
            map.forEach((key, value) -> entries.add(Arrays.asList(key, value)));
            unordered(d, entries, depth, memo);
        } else {
            throw new Unhashable();
        }
    }

    /** Hashes each item alone, then the sorted hashes: the same whatever order the items come in. */
    private void unordered(QuickHash d, List<Object> items, int depth, Map<String, byte[]> memo)
            throws Unhashable {
        List<String> hashes = new ArrayList<>(items.size());
        for (Object item : items) {
            QuickHash one = new QuickHash();
            feed(one, item, depth + 1, memo);
            hashes.add(one.hex());
        }
        hashes.sort(null);
        count(d, hashes.size());
        hashes.forEach(h -> text(d, h));
    }

    private List<Method> accessors(Class<?> type) {
        return accessors.computeIfAbsent(type, t -> {
            List<Method> out = new ArrayList<>();
            for (RecordComponent c : t.getRecordComponents()) {
                Method m = c.getAccessor();
                m.setAccessible(true);
                out.add(m);
            }
            return List.copyOf(out);
        });
    }

    private static Object component(Method accessor, Record r) throws Unhashable {
        try {
            return accessor.invoke(r);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new Unhashable();
        }
    }

    private static void text(QuickHash d, String s) {
        d.add(s);
    }

    private static void count(QuickHash d, int n) {
        d.add(n);
    }
}
