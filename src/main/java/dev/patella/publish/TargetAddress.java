package dev.patella.publish;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;

/** Where a site is published: a folder on this computer or a folder on an SFTP server. */
public sealed interface TargetAddress permits TargetAddress.Folder, TargetAddress.Sftp {

    /** The address as the user would write it, without any secret. */
    String describe();

    /** {@code file:///var/www/knee}: a folder on this computer (or a mounted web root). */
    record Folder(Path root) implements TargetAddress {
        @Override
        public String describe() {
            return root.toUri().toString();
        }
    }

    /**
     * {@code sftp://user@host:port/path}: a folder on an SFTP server.
     *
     * @param path absolute ({@code /var/www/knee}), or relative to the login folder when the address
     *             reads {@code /~/www}
     */
    record Sftp(String user, String host, int port, String path) implements TargetAddress {
        @Override
        public String describe() {
            String where = path.startsWith("/") ? path : "/~/" + path;
            return "sftp://" + user + "@" + host + (port == 22 ? "" : ":" + port) + where;
        }
    }

    /**
     * Reads a {@code --to} value.
     *
     * @throws IllegalArgumentException with a message that says how to write it, when it cannot be used
     */
    static TargetAddress parse(String text) {
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(notAnAddress(text));
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("--to '" + text + "' has a " + (uri.getRawQuery() != null ? "?" : "#")
                    + " part, which a folder's address has not; remove it (a folder whose name holds ? or # is "
                    + "written %3F or %23)");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return switch (scheme) {
            case "file" -> folder(text, uri);
            case "sftp" -> sftp(text, uri);
            default -> throw new IllegalArgumentException("--to must start with file:// or sftp://, not '" + text
                    + "'; for example file:///var/www/knee or sftp://editor@example.org/var/www/knee");
        };
    }

    /** What to say about a {@code --to} that is no address: with a space in it, the address with {@code %20}. */
    private static String notAnAddress(String text) {
        String spaces = text.strip().replace(" ", "%20");
        if (!spaces.equals(text.strip())) {
            try {
                new URI(spaces);
                return "--to '" + text + "' holds a space, which an address writes as %20: write --to " + spaces;
            } catch (URISyntaxException e) {
                // another mistake as well: the general advice
            }
        }
        return "--to '" + text + "' is not an address; write file:///path/to/webroot "
                + "or sftp://user@host/path/to/webroot";
    }

    private static Folder folder(String text, URI uri) {
        if (uri.isOpaque() || (uri.getRawAuthority() != null && !uri.getRawAuthority().isEmpty())
                || uri.getPath() == null || !uri.getPath().startsWith("/")) {
            throw new IllegalArgumentException("--to '" + text + "' needs three slashes and a full path, "
                    + "such as file:///var/www/knee");
        }
        return new Folder(Path.of(uri.getPath()).toAbsolutePath().normalize());
    }

    private static Sftp sftp(String text, URI uri) {
        String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority();
        String afterHost = authority.substring(authority.lastIndexOf('@') + 1);
        if (uri.getHost() == null && afterHost.matches("[^:\\[\\]]+:[^:]*")) { // host:port, the port no number Java reads
            String port = afterHost.substring(afterHost.indexOf(':') + 1);
            throw new IllegalArgumentException("--to '" + text + "' names port " + port + ", but a port is a number "
                    + "from 1 to 65535; leave it out for SSH's usual 22, or write the one your host gives");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("--to '" + text + "' has no server name; write it as "
                    + "sftp://user@host/path or sftp://user@host:2222/path");
        }
        String user = uri.getUserInfo();
        if (user == null || user.isEmpty()) {
            throw new IllegalArgumentException("--to '" + text + "' has no user name; write it as sftp://user@"
                    + uri.getHost() + "/path");
        }
        if (user.contains(":")) {
            throw new IllegalArgumentException("--to must not hold a password: Patella logs in with your SSH key "
                    + "(from your SSH agent or --identity); remove ':...' after the user name");
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        if (path.isEmpty() || path.equals("/")) {
            throw new IllegalArgumentException("--to '" + text + "' names no folder; add the web root, such as "
                    + "sftp://" + user + "@" + uri.getHost() + "/var/www/knee (or /~/www for a folder in your home)");
        }
        if (path.equals("/~") || path.startsWith("/~/")) {
            path = path.length() <= 3 ? "." : path.substring(3);
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            throw new IllegalArgumentException("--to '" + text + "' names port " + uri.getPort() + ", but a port is "
                    + "from 1 to 65535; leave it out for SSH's usual 22, or write the one your host gives");
        }
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1)
                : uri.getHost();
        return new Sftp(user, host, uri.getPort() < 0 ? 22 : uri.getPort(), path);
    }
}
