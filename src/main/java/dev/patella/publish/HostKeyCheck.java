package dev.patella.publish;

import java.net.SocketAddress;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Optional;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.RejectAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;

/**
 * Accepts a server only when its host key is the one known_hosts lists for it. Never adds a key to
 * the file and never accepts a changed one; remembers why it refused, so the message can say.
 */
final class HostKeyCheck extends KnownHostsServerKeyVerifier {

    private final String server;
    private final String sshCommand;
    private volatile String problem;

    /**
     * @param server     the server as the user knows it, for messages ({@code example.org} or {@code [example.org]:2222})
     * @param sshCommand the ssh command that connects to it, for the advice in messages
     */
    HostKeyCheck(Path knownHosts, String server, String sshCommand) {
        super(RejectAllServerKeyVerifier.INSTANCE, knownHosts);
        this.server = server;
        this.sshCommand = sshCommand;
    }

    /** @return why the server's key was refused, or empty when it was not */
    Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    @Override
    protected boolean acceptUnknownHostKey(ClientSession session, SocketAddress remote, PublicKey key) {
        problem = "the host key of " + server + " (" + describe(key) + ") is not in " + getPath()
                + ", so Patella cannot tell that it is the right server; connect once with '" + sshCommand
                + "', check the fingerprint with the server's owner and accept it, then publish again";
        return false;
    }

    @Override
    public boolean acceptModifiedServerKey(ClientSession session, SocketAddress remote, KnownHostEntry entry,
                                           PublicKey expected, PublicKey actual) {
        problem = "the host key of " + server + " has CHANGED: " + getPath() + " lists " + describe(expected)
                + " but the server sent " + describe(actual) + ". Someone may be intercepting the connection, or the "
                + "server was reinstalled. Nothing was sent. Check with the server's owner; if the new key is right, "
                + "replace the old one in " + getPath() + " and publish again";
        return false;
    }

    @Override
    protected void handleRevokedKey(ClientSession session, SocketAddress remote, PublicKey key) {
        problem = "the host key of " + server + " (" + describe(key) + ") is marked @revoked in " + getPath()
                + "; nothing was sent";
    }

    @Override
    protected boolean acceptIncompleteHostKeys(ClientSession session, SocketAddress remote, PublicKey key,
                                               Throwable reason) {
        problem = getPath() + " cannot be read (" + reason.getMessage() + "), so the host key of " + server
                + " cannot be checked; fix or replace the file, or name another with --known-hosts FILE";
        return false;
    }

    private static String describe(PublicKey key) {
        return KeyUtils.getKeyType(key) + " " + KeyUtils.getFingerPrint(key);
    }
}
