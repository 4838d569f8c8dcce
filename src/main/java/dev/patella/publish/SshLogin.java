package dev.patella.publish;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.UnixDomainSocketAddress;
import java.net.UnknownHostException;
import java.nio.channels.SocketChannel;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.common.signature.Signature;
import org.apache.sshd.common.util.security.SecurityUtils;

/**
 * Opens an SSH session the safe way: public-key login only (agent or key files), the server's host
 * key checked against known_hosts, and nothing read from {@code ~/.ssh/config}.
 */
final class SshLogin {

    private static final Duration CONNECT = Duration.ofSeconds(20);
    private static final Duration AUTH = Duration.ofSeconds(30);

    /** A logged-in session and the client that owns it; closing stops both. */
    record Connection(SshClient client, ClientSession session) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            try {
                session.close();
            } finally {
                client.stop();
            }
        }
    }

    private SshLogin() {
    }

    /**
     * @throws PublishRefusedException when there is no key to log in with, the host key is unknown or
     *                                 changed, or the server accepts none of the keys
     * @throws IOException             when the server cannot be reached
     */
    static Connection open(TargetAddress.Sftp address, SshOptions options) throws IOException {
        String server = address.port() == 22 ? address.host() : "[" + address.host() + "]:" + address.port();
        String ssh = "ssh " + (address.port() == 22 ? "" : "-p " + address.port() + " ") + address.user() + "@"
                + address.host();
        if (!Files.isRegularFile(options.knownHosts())) {
            throw new PublishRefusedException("there is no known_hosts file at " + options.knownHosts()
                    + ", so the host key of " + server + " cannot be checked; connect once with '" + ssh
                    + "' and accept the key after checking its fingerprint, or name a file with --known-hosts FILE");
        }
        List<KeyPair> keys = keys(options);
        boolean agent = options.agent().filter(SshLogin::reachable).isPresent();
        if (keys.isEmpty() && !agent) {
            throw new PublishRefusedException("no SSH key to log in to " + server + " with: start your SSH agent "
                    + "with your key added, name a key file with --identity FILE, or make one with ssh-keygen -t "
                    + "ed25519 and add its .pub line to ~/.ssh/authorized_keys on the server");
        }
        var check = new HostKeyCheck(options.knownHosts(), server, ssh);
        SshClient client = client(check, options, agent, knownKeyTypes(options.knownHosts(), address));
        client.start();
        try {
            ClientSession session = connect(client, address, check);
            keys.forEach(session::addPublicKeyIdentity);
            authenticate(session, server, address.user(), options, agent);
            return new Connection(client, session);
        } catch (IOException | RuntimeException e) {
            client.stop();
            throw e;
        }
    }

    private static SshClient client(HostKeyCheck check, SshOptions options, boolean agent, Set<String> known) {
        SshClient client = SshClient.setUpDefaultClient();
        client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
        client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
        client.setUserAuthFactories(List.of(UserAuthPublicKeyFactory.INSTANCE));
        client.setServerKeyVerifier(check);
        if (agent) {
            client.setAgentFactory(AgentProxy.factory(options.agent().orElseThrow()));
        }
        // Ask for the kind of host key known_hosts holds, as OpenSSH does: otherwise the server may
        // offer another of its keys, which would look like a changed key.
        List<NamedFactory<Signature>> algorithms = new ArrayList<>(client.getSignatureFactories());
        algorithms.sort(Comparator.comparing(f -> !known.contains(KeyUtils.getCanonicalKeyType(f.getName()))));
        client.setSignatureFactories(algorithms);
        return client;
    }

    /** Connects and completes the key exchange, in which the host key is checked. */
    private static ClientSession connect(SshClient client, TargetAddress.Sftp address, HostKeyCheck check)
            throws IOException {
        String where = address.host() + " port " + address.port();
        ClientSession session;
        try {
            session = client.connect(address.user(), address.host(), address.port()).verify(CONNECT).getSession();
        } catch (IOException e) {
            throw new IOException("cannot connect to " + where + ": " + rootMessage(e), e);
        }
        Set<ClientSession.ClientSessionEvent> state = session.waitFor(
                EnumSet.of(ClientSession.ClientSessionEvent.WAIT_AUTH, ClientSession.ClientSessionEvent.CLOSED), CONNECT);
        if (check.problem().isPresent()) {
            session.close(true);
            throw new PublishRefusedException(check.problem().get());
        }
        if (!state.contains(ClientSession.ClientSessionEvent.WAIT_AUTH)) {
            session.close(true);
            throw new IOException("the SSH connection to " + where + (state.contains(
                    ClientSession.ClientSessionEvent.TIMEOUT) ? " timed out" : " was closed by the server"));
        }
        return session;
    }

    private static void authenticate(ClientSession session, String server, String user, SshOptions options,
                                     boolean agent) throws IOException {
        try {
            session.auth().verify(AUTH);
        } catch (IOException e) {
            if (session.isClosed() || session.isClosing()) {
                throw new IOException("the SSH connection to " + server + " was closed while logging in: "
                        + e.getMessage(), e);
            }
            List<String> tried = new ArrayList<>();
            if (agent) {
                tried.add("the keys in your SSH agent");
            }
            options.identities().forEach(p -> tried.add(p.toString()));
            throw new PublishRefusedException(server + " did not accept " + user + "'s login with "
                    + String.join(" or ", tried) + "; add the public key (the .pub file) to ~/.ssh/authorized_keys of "
                    + user + " on the server, or name the right key with --identity FILE");
        }
    }

    /** The private keys in the key files; a passphrase-protected or unreadable default key is skipped. */
    private static List<KeyPair> keys(SshOptions options) {
        List<KeyPair> keys = new ArrayList<>();
        for (Path file : options.identities()) {
            try (InputStream in = Files.newInputStream(file)) {
                Iterable<KeyPair> loaded = SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName(
                        file.toString()), in, NO_PASSPHRASE);
                if (loaded != null) {
                    loaded.forEach(keys::add);
                }
            } catch (IOException | GeneralSecurityException | RuntimeException e) {
                if (options.explicit()) {
                    throw new PublishRefusedException("cannot use the key " + file + ": " + reason(e));
                }
            }
        }
        return keys;
    }

    private static final FilePasswordProvider NO_PASSPHRASE = (session, resource, retry) -> {
        throw new IOException("it is protected by a passphrase; add it to your SSH agent (ssh-add "
                + resource.getName() + ") and publish again");
    };

    /** The innermost message, which says what went wrong ("Connection refused") without the library's wrapping. */
    private static String rootMessage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
                return "no server has that name (check its spelling, and that this computer is online)";
            }
            if (t instanceof ConnectException) {
                return "nothing answered there (check the name and the port, and that the server runs SSH)";
            }
        }
        String message = e.getMessage();
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t.getMessage() != null) {
                message = t.getMessage();
            }
        }
        return message == null ? e.getClass().getSimpleName() : message;
    }

    private static String reason(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "there is no such file";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static boolean reachable(Path socket) {
        try (SocketChannel ignored = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The key types known_hosts lists for the server. */
    private static Set<String> knownKeyTypes(Path knownHosts, TargetAddress.Sftp address) {
        try {
            return KnownHostEntry.readKnownHostEntries(knownHosts).stream()
                    .filter(e -> e.isHostMatch(address.host(), address.port()) && e.getKeyEntry() != null)
                    .map(e -> e.getKeyEntry().getKeyType()).collect(Collectors.toSet());
        } catch (IOException | RuntimeException e) {
            return Set.of();
        }
    }
}
