package dev.patella.config;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a site's base URL the same way from {@code base_url} in {@code content/site.yaml} and from
 * {@code --base-url}, and gives it back in the forms the site needs.
 *
 * <p>The address is kept as every page writes it: ASCII only, with each byte outside that encoded
 * once. A path copied from a browser's address bar ({@code /rodilla-%C3%B1/}) is already encoded and
 * is kept as it is; a path typed with {@code ñ} or a space is encoded here. An international server
 * name ({@code clínica.org}) is written in its ASCII form ({@code xn--clnica-4va.org}), and
 * {@link #readable} gives it back as typed for addresses printed on paper.
 */
public final class BaseUrls {

    /** RFC 3986's split of an address into scheme, authority, path, query and fragment. */
    private static final Pattern PARTS =
            Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*)://([^/?#]*)([^?#]*)(\\?[^#]*)?(#.*)?", Pattern.DOTALL);

    /** A slash or backslash written as a % code. */
    private static final Pattern SLASH_CODE = Pattern.compile("(?i)%2F|%5C");

    private BaseUrls() {
    }

    /** What reading a base URL gave: the address, or what is wrong with it. */
    public sealed interface Reading permits Address, Mistake {
        /** @return the address read; empty when it was refused (see {@link #mistake}) */
        Optional<URI> address();

        /** @return what is wrong, starting with the setting's name; empty when the address was read */
        Optional<String> mistake();
    }

    /** @param url absolute http(s), ASCII only, ending in {@code /}, with no user, query nor fragment */
    public record Address(URI url) implements Reading {
        @Override
        public Optional<URI> address() {
            return Optional.of(url);
        }

        @Override
        public Optional<String> mistake() {
            return Optional.empty();
        }
    }

    /** @param message one sentence starting with the setting's name that says what to write instead */
    public record Mistake(String message) implements Reading {
        @Override
        public Optional<URI> address() {
            return Optional.empty();
        }

        @Override
        public Optional<String> mistake() {
            return Optional.of(message);
        }
    }

    /**
     * Reads {@code text} as the address a site is published at. A path that does not end in
     * {@code /} is taken as a folder and given one, unless its last part looks like a file name.
     *
     * @param name the setting as the editor wrote it, to start the message with: {@code --base-url}
     *             or {@code "base_url"}
     * @return the address, or the mistake, never both
     */
    public static Reading read(String text, String name) {
        String trimmed = text.strip();
        Optional<Parts> parts = Parts.of(trimmed);
        if (parts.isEmpty()) {
            return new Mistake(notAnAddress(trimmed, name));
        }
        Parts p = parts.get();
        Optional<URI> clean = cleaned(p);
        String instead = clean.map(u -> "; write " + u + " instead").orElse("");
        if (p.user().isPresent()) {
            return new Mistake(name + " must not hold a user name or password (the part before @): every page's "
                    + "address would carry it" + instead);
        }
        if (p.query().isPresent()) {
            return new Mistake(name + " must not have a ? part (" + p.query().get() + "): pages are published in "
                    + "folders below the address, and a query would be left out of every page's address" + instead);
        }
        if (p.fragment().isPresent()) {
            return new Mistake(name + " must not have a # part (" + p.fragment().get() + "): pages are published in "
                    + "folders below the address, and a # part would be left out of every page's address" + instead);
        }
        if (p.path().indexOf('\\') >= 0 || SLASH_CODE.matcher(p.path()).find()) {
            // browsers read "\" as "/", and servers may read %2F and %5C so: the folders would not be those written
            String fixed = p.scheme() + "://" + p.host() + p.port()
                    + SLASH_CODE.matcher(p.path().replace('\\', '/')).replaceAll("/").replaceAll("/{2,}", "/");
            String meant = read(fixed, name) instanceof Address a ? "; write " + a.url() + " instead" : "";
            return new Mistake(name + " has a backslash or an encoded slash (%2F, %5C) in its path, which browsers "
                    + "and servers read as a slash between folders, so the pages would not be where Patella writes "
                    + "them" + meant);
        }
        return pathMistake(p, name, instead).<Reading>map(Mistake::new)
                .or(() -> clean.map(Address::new))
                .orElseGet(() -> new Mistake(notAnAddress(trimmed, name)));
    }

    /** @return what is wrong with the path of {@code p}, ending with {@code instead}; empty when nothing */
    private static Optional<String> pathMistake(Parts p, String name, String instead) {
        List<String> segments = segments(p.path());
        List<String> folders = segments.subList(0, segments.size() - 1);
        String last = segments.get(segments.size() - 1);
        if (folders.stream().anyMatch(String::isEmpty)) {
            return Optional.of(name + " has two slashes in a row (//) in its path, a folder with no name" + instead);
        }
        if (segments.stream().map(PercentCodes::decoded).anyMatch(s -> s.equals(".") || s.equals(".."))) {
            return Optional.of(name + " has a . or .. folder in its path, which browsers take out of an address, "
                    + "so the pages would not be at the addresses Patella writes" + instead);
        }
        String file = PercentCodes.decoded(last);
        if (file.contains(".")) {
            return Optional.of(name + " ends in a file name, " + file + ", but it must be the folder the site is "
                    + "published in" + instead + " (or, if " + file + " is a folder, end the address with /: "
                    + p.scheme() + "://" + p.host() + p.port() + p.path() + "/)");
        }
        if (segments.stream().anyMatch(s -> !PercentCodes.isUtf8(s))) {
            return Optional.of(name + " holds a % code that is not part of a character written in UTF-8, as a "
                    + "browser's address bar writes them; write the folder's name as it is, such as "
                    + "https://example.org/rodilla-ñ/");
        }
        return Optional.empty();
    }

    /** The message for a text that is no web address at all, with the address meant when it only lacks https://. */
    private static String notAnAddress(String text, String name) {
        if (!text.contains("://") && text.matches("[^/\\s:@]+\\.[^/\\s:@]+(/.*)?")
                && read("https://" + text, name) instanceof Address a) {
            return name + " must be a full address starting with https://; write " + a.url() + " instead";
        }
        return name + " must be a full address such as https://example.org/knee/, not '" + text + "'";
    }

    /**
     * The address meant, with what cannot be part of a base URL taken out: the user name, the query
     * and the fragment, empty folders, {@code .} and {@code ..}, and a file name at the end.
     *
     * @return empty when even that is no address (the server name cannot be written in ASCII, or
     *         the port is not a number)
     */
    private static Optional<URI> cleaned(Parts p) {
        List<String> kept = new ArrayList<>();
        List<String> segments = segments(p.path());
        String last = segments.get(segments.size() - 1);
        for (String s : segments.subList(0, segments.size() - 1)) {
            String folder = PercentCodes.decoded(s);
            if (folder.equals("..")) {
                if (!kept.isEmpty()) {
                    kept.remove(kept.size() - 1);
                }
            } else if (!folder.isEmpty() && !folder.equals(".")) {
                kept.add(s);
            }
        }
        String lastFolder = PercentCodes.decoded(last);
        if (lastFolder.equals("..") && !kept.isEmpty()) {
            kept.remove(kept.size() - 1);
        } else if (!lastFolder.isEmpty() && !lastFolder.equals(".") && !lastFolder.equals("..")
                && !lastFolder.contains(".")) {
            kept.add(last);
        }
        StringBuilder path = new StringBuilder("/");
        kept.forEach(s -> path.append(PercentCodes.encoded(s)).append('/'));
        try {
            String host = p.host().startsWith("[") ? p.host()
                    : IDN.toASCII(p.host(), IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
            URI uri = new URI(p.scheme() + "://" + host + p.port() + path);
            return uri.getHost() == null ? Optional.empty() : Optional.of(uri);
        } catch (IllegalArgumentException | URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** The parts of a path between its slashes, after the first one: {@code /a/b/} gives a, b and "". */
    private static List<String> segments(String path) {
        String rest = path.isEmpty() ? "" : path.substring(1);
        return List.of(rest.split("/", -1));
    }

    /**
     * The names of the folders a base URL's path goes through, as they are named on the host:
     * {@code https://x.org/a/rodilla%20x/} gives {@code a} and {@code rodilla x}; none at the host's root.
     */
    public static List<String> folders(URI url) {
        return segments(url.getRawPath()).stream().filter(s -> !s.isEmpty()).map(PercentCodes::decoded).toList();
    }

    /**
     * A path as a server reads it once it has decoded it: {@code /rodilla%20x/} is {@code /rodilla x/}
     * (% codes that spell no UTF-8 character are kept as they are).
     */
    public static String decodedPath(String rawPath) {
        return PercentCodes.decoded(rawPath);
    }

    /**
     * An address as people read it: its server name in its own script and the letters of its path
     * as they are written ({@code https://clínica.org/rodilla-ñ/}). What could be misread on paper
     * stays encoded: a space, punctuation and the like ({@code %20}).
     */
    public static String readable(URI url) {
        String host = url.getHost() == null ? "" : url.getHost();
        String shown = host.startsWith("[") ? host : IDN.toUnicode(host, IDN.ALLOW_UNASSIGNED);
        String port = url.getPort() < 0 ? "" : ":" + url.getPort();
        String path = PercentCodes.lettersShown(url.getRawPath() == null ? "" : url.getRawPath());
        return url.getScheme() + "://" + shown + port + path;
    }

    /**
     * An address split as written.
     *
     * @param scheme   {@code http} or {@code https}, in small letters
     * @param user     the part before {@code @}, when there is one
     * @param host     the server name as written (in brackets for an IPv6 address)
     * @param port     {@code :8443}, or empty
     * @param path     as written, starting with {@code /} (just {@code /} when none was written)
     * @param query    after the {@code ?}
     * @param fragment after the {@code #}
     */
    private record Parts(String scheme, Optional<String> user, String host, String port, String path,
                         Optional<String> query, Optional<String> fragment) {

        /** @return empty when {@code text} is no http(s) address with a server name and, if any, a port number */
        static Optional<Parts> of(String text) {
            Matcher m = PARTS.matcher(text);
            if (!m.matches()) {
                return Optional.empty();
            }
            String scheme = m.group(1).toLowerCase(Locale.ROOT);
            String authority = m.group(2);
            int at = authority.lastIndexOf('@');
            Optional<String> user = at < 0 ? Optional.empty() : Optional.of(authority.substring(0, at));
            String hostPort = authority.substring(at + 1);
            int colon = hostPort.startsWith("[") ? hostPort.indexOf(':', Math.max(hostPort.indexOf(']'), 0))
                    : hostPort.lastIndexOf(':');
            String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            String port = colon < 0 ? "" : hostPort.substring(colon + 1);
            if (!(scheme.equals("https") || scheme.equals("http")) || host.isEmpty() || !port.matches("[0-9]{0,5}")
                    || (!port.isEmpty() && (Integer.parseInt(port) == 0 || Integer.parseInt(port) > 65535))) {
                return Optional.empty();
            }
            String path = m.group(3).isEmpty() ? "/" : m.group(3);
            return Optional.of(new Parts(scheme, user, host, port.isEmpty() ? "" : ":" + port, path,
                    Optional.ofNullable(m.group(4)), Optional.ofNullable(m.group(5))));
        }
    }
}
