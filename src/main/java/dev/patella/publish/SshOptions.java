package dev.patella.publish;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How to log in to an SFTP server.
 *
 * @param knownHosts the known_hosts file the server's host key must be listed in
 * @param identities private key files to offer, in order (an unreadable or passphrase-protected default
 *                   key is skipped when the agent is used)
 * @param agent      the SSH agent's socket, when the agent is to be asked for keys
 * @param explicit   whether {@code identities} was given by the user, who then expects exactly that key
 */
public record SshOptions(Path knownHosts, List<Path> identities, Optional<Path> agent, boolean explicit) {

    /** The key files OpenSSH makes by default, in the order they are offered. */
    static final List<String> DEFAULT_KEYS = List.of("id_ed25519", "id_ecdsa", "id_rsa");

    public SshOptions {
        identities = List.copyOf(identities);
    }

    /**
     * The options for a user: the key given with {@code --identity} alone when there is one (like OpenSSH's
     * {@code IdentitiesOnly}); otherwise the agent, when {@code SSH_AUTH_SOCK} names one, and the default
     * key files in {@code ~/.ssh} that exist.
     *
     * @param home       the user's home folder
     * @param authSocket the value of {@code SSH_AUTH_SOCK}, if set
     * @param identity   the {@code --identity} file, if given
     * @param knownHosts the {@code --known-hosts} file, if given (default {@code ~/.ssh/known_hosts})
     */
    public static SshOptions forUser(Path home, Optional<String> authSocket, Optional<Path> identity,
                                     Optional<Path> knownHosts) {
        Path ssh = home.resolve(".ssh");
        Path hosts = knownHosts.orElse(ssh.resolve("known_hosts"));
        if (identity.isPresent()) {
            return new SshOptions(hosts, List.of(identity.get()), Optional.empty(), true);
        }
        List<Path> keys = new ArrayList<>();
        for (String name : DEFAULT_KEYS) {
            if (Files.isRegularFile(ssh.resolve(name))) {
                keys.add(ssh.resolve(name));
            }
        }
        Optional<Path> agent = authSocket.filter(s -> !s.isBlank()).map(Path::of);
        return new SshOptions(hosts, keys, agent, false);
    }
}
