package dev.patella.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patella.TestSites;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code patella publish --to sftp://...} against a real SSH server started on loopback for each test. */
class SftpPublishTest {

    @TempDir
    Path tmp;

    private SftpServer server;
    private Path project;
    private Path knownHosts;
    private Path key;

    @BeforeEach
    void start() {
        server = new SftpServer(tmp);
        try {
            Files.createDirectories(server.root.resolve("var/www")); // publish makes the target folder, not those above
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        project = TestSites.project(tmp.resolve("p"));
        build();
        knownHosts = tmp.resolve("known_hosts");
        TestSites.write(knownHosts, "# other servers\n" + server.knownHostsLine(SftpServer.ed25519()).replace(
                "[127.0.0.1]:" + server.port(), "example.org") + server.knownHostsLine(server.hostKey));
        key = SftpServer.writeKey(server.clientKey, tmp.resolve("id_ed25519"));
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @Test
    void publishesEverythingThenOnlyWhatChangedAndDeletesWhatWasRemovedOverSftp() throws IOException {
        TestSites.write(project.resolve("content/pages/extra.md"), "---\ntitle: Extra\nsummary: More.\n---\nMore.\n");
        build();
        var published = FilePublishTest.digests(project.resolve("site"));
        var first = publish("/var/www/knee");
        int files = TestSites.snapshot(project.resolve("site")).size();
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains(files + " uploaded, 0 deleted, 0 unchanged");
        assertThat(served("var/www/knee")).isEqualTo(FilePublishTest.digests(project.resolve("site")));

        assertThat(publish("/var/www/knee").out()).startsWith("Nothing to publish");

        TestSites.write(project.resolve("content/pages/about.md"), "---\ntitle: About\nsummary: About this site.\n"
                + "---\nRewritten.\n");
        Files.delete(project.resolve("content/pages/extra.md"));
        build();
        var after = FilePublishTest.digests(project.resolve("site"));
        long uploaded = after.entrySet().stream().filter(e -> !e.getValue().equals(published.get(e.getKey()))).count();
        long deleted = published.keySet().stream().filter(k -> !after.containsKey(k)).count();
        var changed = publish("/var/www/knee");
        assertThat(uploaded).isGreaterThanOrEqualTo(2); // at least the page and the sitemap
        assertThat(changed.out()).contains(uploaded + " uploaded, " + deleted + " deleted, "
                + (after.size() - uploaded) + " unchanged");
        assertThat(TestSites.read(server.root.resolve("var/www/knee/about/index.html"))).contains("Rewritten.");
        assertThat(server.root.resolve("var/www/knee/extra")).doesNotExist();
        assertThat(served("var/www/knee")).isEqualTo(FilePublishTest.digests(project.resolve("site")));
    }

    @Test
    void aFolderLinkInsideTheTargetIsNeverFollowedOverSftp() throws IOException {
        assertThat(publish("/var/www/knee").exitCode()).isZero();
        Path outside = Files.createDirectories(server.root.resolve("elsewhere"));
        Path about = server.root.resolve("var/www/knee/about");
        Files.delete(about.resolve("index.html"));
        Files.delete(about);
        Files.createSymbolicLink(about, outside);

        var run = publish("/var/www/knee");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("holds about, which Patella did not publish");
        assertThat(TestSites.snapshot(outside)).isEmpty();
    }

    @Test
    void anSftpTargetNeverWritesThroughALinkInsideIt() throws IOException {
        Path outside = Files.createDirectories(server.root.resolve("elsewhere"));
        Files.createDirectories(server.root.resolve("www"));
        Files.createSymbolicLink(server.root.resolve("www/sub"), outside);

        try (Target target = Targets.open(TargetAddress.parse(server.address("/www")),
                new SshOptions(knownHosts, List.of(key), Optional.empty(), true))) {
            assertThat(target.list()).containsOnlyKeys("sub");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> target.write("sub/x.html", new byte[] {1}))
                    .hasMessageContaining("is a symbolic link");
        }
        assertThat(TestSites.snapshot(outside)).isEmpty();
    }

    /** Over SFTP too, publish makes the target folder itself, not the folders above it. */
    @Test
    void refusesATargetWhoseParentFolderDoesNotExistOverSftp() {
        var run = publish("/srv/no/such/knee");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).contains("patella: the folder /srv/no/such on 127.0.0.1 does not exist, so nothing was "
                + "published to " + server.address("/srv/no/such/knee") + ": publish makes the last folder of the "
                + "address (knee)").contains("(ssh -p " + server.port() + " " + SftpServer.USER
                + "@127.0.0.1 mkdir -p /srv/no/such)");
        assertThat(server.root.resolve("srv")).doesNotExist();
    }

    @Test
    void refusesAServerWhoseHostKeyChanged() {
        TestSites.write(knownHosts, server.knownHostsLine(SftpServer.ed25519()));

        var run = publish("/www");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("patella: the host key of [127.0.0.1]:" + server.port() + " has CHANGED")
                .contains(knownHosts.toString()).doesNotContain("\tat ");
        assertThat(server.root.resolve("www")).doesNotExist();
        assertThat(TestSites.read(knownHosts)).doesNotContain(
                server.knownHostsLine(server.hostKey).split(" ")[2].strip());
    }

    @Test
    void refusesAServerThatIsNotInKnownHosts() {
        TestSites.write(knownHosts, "");

        var run = publish("/www");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("is not in " + knownHosts).contains("ssh -p " + server.port());
        assertThat(TestSites.read(knownHosts)).isEmpty();
        assertThat(server.root.resolve("www")).doesNotExist();
    }

    /** A port where nothing listens is told in words, with what to check, not in the SSH library's. */
    @Test
    void aPortWhereNothingListensIsToldInWords() throws IOException {
        int closed;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort(); // free once closed: nothing listens there
        }
        var run = TestSites.run("publish", "--project", project.toString(), "--to",
                "sftp://" + SftpServer.USER + "@127.0.0.1:" + closed + "/www", "--identity", key.toString(),
                "--known-hosts", knownHosts.toString());

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("cannot connect to 127.0.0.1 port " + closed + ": nothing answered there")
                .doesNotContain("DefaultConnectFuture").doesNotContain("\tat ");
    }

    @Test
    void refusesWhenTheServerDoesNotAcceptTheKey() {
        Path other = SftpServer.writeKey(SftpServer.ed25519(), tmp.resolve("id_other"));

        var run = TestSites.run("publish", "--project", project.toString(), "--to", server.address("/www"),
                "--identity", other.toString(), "--known-hosts", knownHosts.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("did not accept editor's login with " + other).contains("authorized_keys");
    }

    @Test
    void logsInWithAKeyHeldByTheSshAgent() throws IOException {
        KeyPair agentKey = SftpServer.generate(KeyPairProvider.ECDSA_SHA2_NISTP256, 256);
        server.authorized.add(agentKey.getPublic());
        try (var agent = new FakeAgent(tmp.resolve("agent.sock"), agentKey);
             Target target = Targets.open(TargetAddress.parse(server.address("/www")),
                     new SshOptions(knownHosts, List.of(), Optional.of(agent.socket), false))) {
            target.write("hello.txt", "hello".getBytes(java.nio.charset.StandardCharsets.UTF_8));

            assertThat(target.list()).isEqualTo(Map.of("hello.txt", 5L));
        }
        assertThat(TestSites.read(server.root.resolve("www/hello.txt"))).isEqualTo("hello");
    }

    @Test
    void aTildePathIsInsideTheLoginFolder() throws IOException {
        try (Target target = Targets.open(TargetAddress.parse(server.address("/~/public_html")),
                new SshOptions(knownHosts, List.of(key), Optional.empty(), true))) {
            target.write("index.html", "home".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        assertThat(TestSites.read(server.root.resolve("public_html/index.html"))).isEqualTo("home");
    }

    private void build() {
        var run = TestSites.run("build", "--project", project.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    private TestSites.Run publish(String path) {
        return TestSites.run("publish", "--project", project.toString(), "--to", server.address(path),
                "--identity", key.toString(), "--known-hosts", knownHosts.toString());
    }

    private Map<String, String> served(String folder) {
        Map<String, String> files = FilePublishTest.digests(server.root.resolve(folder));
        files.remove(RemoteManifest.NAME);
        return files;
    }
}
