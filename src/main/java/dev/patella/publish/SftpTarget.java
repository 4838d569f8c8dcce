package dev.patella.publish;

import dev.patella.diag.ShellPath;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.apache.sshd.sftp.client.extensions.openssh.OpenSSHPosixRenameExtension;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;

/**
 * A folder on an SFTP server, reached over one SSH session. Links inside it are never followed: every
 * folder on the way to a file is checked with {@code lstat}, and a link is refused.
 */
final class SftpTarget implements Target {

    private final TargetAddress.Sftp address;
    /** The folders the last {@link #list()} went through, by site path. */
    private Set<String> listed = new TreeSet<>();
    private final SshLogin.Connection connection;
    private final SftpClient sftp;
    private final String root;
    private final Set<String> folders = new HashSet<>();

    private SftpTarget(TargetAddress.Sftp address, SshLogin.Connection connection, SftpClient sftp) {
        this.address = address;
        this.connection = connection;
        this.sftp = sftp;
        String path = address.path();
        this.root = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /**
     * Logs in and opens an SFTP channel.
     *
     * @throws PublishRefusedException when the login is refused (see {@link SshLogin#open})
     * @throws IOException             when the server cannot be reached or offers no SFTP
     */
    static SftpTarget open(TargetAddress.Sftp address, SshOptions options) throws IOException {
        SshLogin.Connection connection = SshLogin.open(address, options);
        SftpTarget target;
        try {
            target = new SftpTarget(address, connection, SftpClientFactory.instance().createSftpClient(connection.session()));
        } catch (IOException | RuntimeException e) {
            connection.close();
            throw new IOException("cannot start SFTP on " + address.host() + ": " + e.getMessage(), e);
        }
        try {
            target.requireParent();
        } catch (IOException | RuntimeException e) {
            try {
                target.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
        return target;
    }

    /** As a folder target: the target folder is made when it is not there, the folders above it never are. */
    private void requireParent() throws IOException {
        String parent = parent(root);
        if (!parent.isEmpty() && !parent.equals("/") && stat(root).isEmpty() && stat(parent).isEmpty()) {
            String login = "ssh " + (address.port() == 22 ? "" : "-p " + address.port() + " ") + address.user() + "@"
                    + address.host();
            throw new PublishRefusedException(TargetPaths.parentMissing("the folder " + parent + " on " + address.host(),
                    describe(), root.substring(root.lastIndexOf('/') + 1), login + " " + ShellPath.remote("mkdir -p " + ShellPath.quoted(parent))));
        }
    }

    @Override
    public String describe() {
        return address.describe();
    }

    @Override
    public String folder() {
        return root;
    }

    @Override
    public Map<String, Long> list() throws IOException {
        Map<String, Long> files = new TreeMap<>();
        listed = new TreeSet<>();
        Optional<SftpClient.Attributes> attributes = stat(root);
        if (attributes.isEmpty()) {
            return files;
        }
        if (!attributes.get().isDirectory()) {
            throw new IOException(describe() + " is a file, not a folder");
        }
        walk(root, "", files);
        return files;
    }

    private void walk(String folder, String prefix, Map<String, Long> files) throws IOException {
        for (SftpClient.DirEntry entry : sftp.readDir(folder)) {
            String name = entry.getFilename();
            if (name.equals(".") || name.equals("..")) {
                continue;
            }
            // some servers describe a link by what it points at: ask about the entry itself
            if (entry.getAttributes().isDirectory() && !entry.getAttributes().isSymbolicLink()
                    && lstat(folder + "/" + name).filter(a -> a.isDirectory() && !a.isSymbolicLink()).isPresent()) {
                listed.add(prefix + name);
                walk(folder + "/" + name, prefix + name + "/", files);
            } else {
                files.put(prefix + name, entry.getAttributes().getSize());
            }
        }
    }

    @Override
    public Set<String> folders() {
        return Collections.unmodifiableSet(listed);
    }

    @Override
    public Optional<byte[]> read(String path) throws IOException {
        requireNoLinks(path);
        try (InputStream in = sftp.read(remote(path))) {
            return Optional.of(in.readAllBytes());
        } catch (SftpException e) {
            if (e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_FILE) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public void write(String path, byte[] content) throws IOException {
        String file = remote(path);
        makeFolders(file.substring(0, file.lastIndexOf('/')));
        requireNoLinks(path);
        String tmp = remote(TargetPaths.temporary(path));
        try {
            try (OutputStream out = sftp.write(tmp)) {
                out.write(content);
            }
            replace(tmp, file);
        } catch (IOException e) {
            removeQuietly(tmp);
            throw new IOException("cannot write " + path + " on " + describe() + ": " + e.getMessage(), e);
        }
    }

    /** Renames over an existing file in one step where the server can (OpenSSH and SFTP 5+ servers can). */
    private void replace(String from, String to) throws IOException {
        OpenSSHPosixRenameExtension posix = sftp.getExtension(OpenSSHPosixRenameExtension.class);
        if (posix != null && posix.isSupported()) {
            posix.posixRename(from, to);
        } else if (sftp.getVersion() >= SftpConstants.SFTP_V5) {
            sftp.rename(from, to, SftpClient.CopyMode.Atomic, SftpClient.CopyMode.Overwrite);
        } else {
            removeQuietly(to);
            sftp.rename(from, to);
        }
    }

    @Override
    public void delete(String path) throws IOException {
        String file = remote(path);
        requireNoLinks(path);
        removeQuietly(file);
        for (String folder = parent(file); !folder.equals(root); folder = parent(folder)) {
            if (hasEntries(folder)) {
                return;
            }
            sftp.rmdir(folder);
            folders.remove(folder);
        }
    }

    private boolean hasEntries(String folder) throws IOException {
        for (SftpClient.DirEntry entry : sftp.readDir(folder)) {
            if (!entry.getFilename().equals(".") && !entry.getFilename().equals("..")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Creates the folders on the way to a file, from the top down, refusing any inside the root that is a
     * link (the root and the folders above it may be links: the user named them).
     */
    private void makeFolders(String folder) throws IOException {
        if (folder.isEmpty() || folder.equals("/") || folders.contains(folder)) {
            return;
        }
        boolean inside = folder.startsWith(root + "/");
        if (inside) {
            makeFolders(parent(folder));
        }
        Optional<SftpClient.Attributes> attributes = inside ? lstat(folder) : stat(folder);
        if (attributes.isEmpty()) {
            if (!inside) {
                makeFolders(parent(folder));
            }
            sftp.mkdir(folder);
        } else if (attributes.get().isSymbolicLink()) {
            throw linked(folder);
        } else if (!attributes.get().isDirectory()) {
            throw new IOException(folder + " on " + address.host() + " is a file, not a folder");
        }
        folders.add(folder);
    }

    /** Refuses a path that goes through a link inside the root, checking each part that exists with lstat. */
    private void requireNoLinks(String path) throws IOException {
        String at = root;
        for (String segment : TargetPaths.requireSafe(path).split("/")) {
            at = at + "/" + segment;
            if (folders.contains(at)) {
                continue;
            }
            Optional<SftpClient.Attributes> attributes = lstat(at);
            if (attributes.isEmpty()) {
                return;
            }
            if (attributes.get().isSymbolicLink()) {
                throw linked(at);
            }
        }
    }

    private IOException linked(String path) {
        return new IOException(path + " on " + address.host() + " is a symbolic link; Patella never follows links "
                + "inside a target. Replace the link with a real folder or file, or publish elsewhere");
    }

    private Optional<SftpClient.Attributes> stat(String path) throws IOException {
        try {
            return Optional.of(sftp.stat(path));
        } catch (SftpException e) {
            if (e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_FILE) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private Optional<SftpClient.Attributes> lstat(String path) throws IOException {
        try {
            return Optional.of(sftp.lstat(path));
        } catch (SftpException e) {
            if (e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_FILE) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private void removeQuietly(String file) throws IOException {
        try {
            sftp.remove(file);
        } catch (SftpException e) {
            if (e.getStatus() != SftpConstants.SSH_FX_NO_SUCH_FILE) {
                throw e;
            }
        }
    }

    private String remote(String path) {
        return root + "/" + TargetPaths.requireSafe(path);
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? (slash == 0 ? "/" : "") : path.substring(0, slash);
    }

    @Override
    public void close() throws IOException {
        try {
            sftp.close();
        } finally {
            connection.close();
        }
    }
}
