package dev.patella.publish;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * A real SSH server with SFTP, from the same library, on 127.0.0.1 and a free port: a fresh Ed25519 host
 * key, one user ({@code editor}) who logs in with the key in {@link #clientKey}, files under {@link #root}.
 */
final class SftpServer implements AutoCloseable {

    static final String USER = "editor";

    final Path root;
    final KeyPair hostKey;
    final KeyPair clientKey;
    /** The public keys {@code editor} may log in with. */
    final List<PublicKey> authorized = new CopyOnWriteArrayList<>();
    private final SshServer server;

    SftpServer(Path dir) {
        try {
            root = Files.createDirectories(dir.resolve("server-root"));
            hostKey = ed25519();
            clientKey = ed25519();
            server = SshServer.setUpDefaultServer();
            server.setHost("127.0.0.1");
            server.setPort(0);
            server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
            authorized.add(clientKey.getPublic());
            server.setPublickeyAuthenticator((user, key, session) -> USER.equals(user)
                    && authorized.stream().anyMatch(k -> KeyUtils.compareKeys(key, k)));
            server.setPasswordAuthenticator(null);
            server.setKeyboardInteractiveAuthenticator(null);
            server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
            server.setFileSystemFactory(new VirtualFileSystemFactory(root));
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return server.getPort();
    }

    String address(String path) {
        return "sftp://" + USER + "@127.0.0.1:" + port() + path;
    }

    /** A known_hosts line for this server with {@code key} as its host key. */
    String knownHostsLine(KeyPair key) {
        return "[127.0.0.1]:" + port() + " " + PublicKeyEntry.toString(key.getPublic()) + "\n";
    }

    static KeyPair ed25519() {
        return generate(KeyPairProvider.SSH_ED25519, 256);
    }

    static KeyPair generate(String type, int bits) {
        try {
            return KeyUtils.generateKeyPair(type, bits);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes {@code key} as an OpenSSH private key file, as ssh-keygen would. */
    static Path writeKey(KeyPair key, Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(key, "test", null, out);
            return file;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }
}
