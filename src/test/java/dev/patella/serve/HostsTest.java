package dev.patella.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which Host headers the preview answers, against DNS rebinding. */
class HostsTest {

    @Test
    void onLoopbackOnlyLoopbackNamesAreAnswered() {
        for (String host : List.of("127.0.0.1", "127.0.0.1:8080", "127.1.2.3:80", "localhost", "LocalHost:8080",
                "localhost.", "preview.localhost:8080", "[::1]", "[::1]:8080")) {
            assertThat(Hosts.allowed(List.of(host), true)).as(host).isTrue();
        }
        for (String host : List.of("evil.example", "evil.example:8080", "127.0.0.1.evil.example",
                "localhost.evil.example", "127.1", "127.0.0.256", "0x7f.0.0.1", "0177.0.0.1", "128.0.0.1",
                "[::2]:8080", "[::1", "", ":8080", "10.0.0.1", "localhost:1@evil.example", "localhost@evil.example",
                "user@127.0.0.1", "localhost/x", "localhost:80:80", "localhost:http", "[::1]x", "[::1]@evil.example",
                "local host", "localhost:123456")) {
            assertThat(Hosts.allowed(List.of(host), true)).as(host).isFalse();
        }
    }

    @Test
    void aTargetsHostMustBeALoopbackNameAsWellAsTheHostHeader() {
        assertThat(Hosts.allowed(List.of("127.0.0.1"), java.util.Optional.of("evil.example"), true)).isFalse();
        assertThat(Hosts.allowed(List.of("127.0.0.1"), java.util.Optional.of("localhost:1@evil.example"), true)).isFalse();
        assertThat(Hosts.allowed(List.of("127.0.0.1"), java.util.Optional.of(""), true)).isFalse();
        assertThat(Hosts.allowed(List.of(), java.util.Optional.of("evil.example"), true)).isFalse();
        assertThat(Hosts.allowed(List.of("evil.example"), java.util.Optional.of("localhost:8080"), true)).isFalse();
        assertThat(Hosts.allowed(List.of("127.0.0.1"), java.util.Optional.of("localhost:8080"), true)).isTrue();
        assertThat(Hosts.allowed(List.of(), java.util.Optional.of("[::1]:8080"), true)).isTrue();
    }

    @Test
    void twoHostHeadersAreRefusedAndNoneIsAnswered() {
        assertThat(Hosts.allowed(List.of("localhost", "evil.example"), true)).isFalse();
        assertThat(Hosts.allowed(List.of(), true)).isTrue();
        assertThat(Hosts.allowed(null, true)).isTrue();
    }

    @Test
    void aServerPutOnAnotherAddressAnswersAnyName() {
        assertThat(Hosts.allowed(List.of("laptop.lan:8080"), false)).isTrue();
        assertThat(Hosts.allowed(List.of("192.0.2.7"), false)).isTrue();
        assertThat(Hosts.allowed(List.of("laptop.lan:8080@evil.example"), false)).isFalse();
    }
}
