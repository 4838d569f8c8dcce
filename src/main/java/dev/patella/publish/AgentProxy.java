package dev.patella.publish;

import java.io.EOFException;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.List;
import org.apache.sshd.agent.SshAgent;
import org.apache.sshd.agent.SshAgentFactory;
import org.apache.sshd.agent.SshAgentServer;
import org.apache.sshd.agent.common.AbstractAgentProxy;
import org.apache.sshd.common.FactoryManager;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.session.ConnectionService;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;

/**
 * Talks to the user's SSH agent over its Unix socket with Java's own socket support, so keys held by
 * the agent (passphrase-protected ones included) can be used without a native library. Only asks the
 * agent to list keys and sign; agent forwarding is not offered.
 */
final class AgentProxy extends AbstractAgentProxy {

    /** Agent replies are small; a larger length means the socket is not an agent. */
    private static final int MAX_REPLY = 256 * 1024;

    private final Path socket;
    private SocketChannel channel;

    AgentProxy(Path socket) {
        super(null);
        this.socket = socket;
    }

    /** Makes SSHD ask the agent at {@code socket} for keys. */
    static SshAgentFactory factory(Path socket) {
        return new SshAgentFactory() {
            @Override
            public List<ChannelFactory> getChannelForwardingFactories(FactoryManager manager) {
                return List.of();
            }

            @Override
            public SshAgent createClient(Session session, FactoryManager manager) {
                return new AgentProxy(socket);
            }

            @Override
            public SshAgentServer createServer(ConnectionService service) throws IOException {
                throw new IOException("Patella does not forward the SSH agent");
            }
        };
    }

    @Override
    protected synchronized Buffer request(Buffer buffer) throws IOException {
        if (channel == null) {
            try {
                channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
            } catch (IOException | UnsupportedOperationException e) {
                throw new IOException("cannot reach the SSH agent at " + socket + " (SSH_AUTH_SOCK): " + e.getMessage(), e);
            }
        }
        ByteBuffer out = ByteBuffer.wrap(buffer.array(), buffer.rpos(), buffer.available());
        while (out.hasRemaining()) {
            channel.write(out);
        }
        int length = readFully(4).getInt();
        if (length < 0 || length > MAX_REPLY) {
            throw new IOException("the SSH agent at " + socket + " sent a reply Patella cannot read");
        }
        return new ByteArrayBuffer(readFully(length).array());
    }

    private ByteBuffer readFully(int n) throws IOException {
        ByteBuffer in = ByteBuffer.allocate(n);
        while (in.hasRemaining()) {
            if (channel.read(in) < 0) {
                throw new EOFException("the SSH agent at " + socket + " closed the connection");
            }
        }
        return in.flip();
    }

    @Override
    public boolean isOpen() {
        return channel == null || channel.isOpen();
    }

    @Override
    public synchronized void close() throws IOException {
        if (channel != null) {
            channel.close();
        }
        super.close();
    }
}
