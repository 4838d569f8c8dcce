package dev.patella.publish;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.security.KeyPair;
import org.apache.sshd.agent.common.AbstractAgentClient;
import org.apache.sshd.agent.local.AgentImpl;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;

/** An SSH agent on a Unix socket that holds one key and answers with SSHD's own agent logic. */
final class FakeAgent implements AutoCloseable {

    final Path socket;
    private final ServerSocketChannel server;
    private final Thread thread;

    FakeAgent(Path socket, KeyPair key) throws IOException {
        this.socket = socket;
        AgentImpl agent = new AgentImpl();
        agent.addIdentity(key, "test key");
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        thread = new Thread(() -> serve(agent), "fake-ssh-agent");
        thread.setDaemon(true);
        thread.start();
    }

    private void serve(AgentImpl agent) {
        while (server.isOpen()) {
            try (SocketChannel client = server.accept()) {
                var protocol = new AbstractAgentClient(agent) {
                    @Override
                    protected void reply(Buffer buf) throws IOException {
                        ByteBuffer out = ByteBuffer.wrap(buf.array(), buf.rpos(), buf.available());
                        while (out.hasRemaining()) {
                            client.write(out);
                        }
                    }
                };
                ByteBuffer in = ByteBuffer.allocate(8192);
                while (client.read(in) >= 0) {
                    in.flip();
                    byte[] bytes = new byte[in.remaining()];
                    in.get(bytes);
                    protocol.messageReceived(new ByteArrayBuffer(bytes));
                    in.clear();
                }
            } catch (IOException e) {
                // the client went away, or the agent was closed
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
