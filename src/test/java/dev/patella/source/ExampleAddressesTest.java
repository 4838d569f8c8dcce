package dev.patella.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which addresses are on names reserved for examples (RFC 2606, RFC 6761), and which only look alike. */
class ExampleAddressesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "https://example.org/, example.org",
        "https://www.EXAMPLE.com/knee/, example.com",
        "http://a.b.example.net:8080/x?y#z, example.net",
        "//example.org/x, example.org",
        "mailto:errors@example.org, example.org",
        "MAILTO:someone@clinic.test?subject=Mistake, .test",
        "https://knees.example/, .example",
        "https://site.invalid/, .invalid",
        "http://localhost:8080/, .localhost",
        "http://app.localhost/, .localhost",
        "https://example.org./, example.org"
    })
    void anAddressOnAReservedNameIsFound(String address, String name) {
        assertThat(ExampleAddresses.reservedName(address)).contains(name);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"https://myexample.org/", "https://example.org.au/", "https://examples.com/",
            "https://testing.org/", "https://knees.clinic.internal/", "mailto:errors@clinic.org", "/about/",
            "#steps", "example.org", "mailto:nobody"})
    void otherAddressesAndTextAreNot(String address) {
        assertThat(ExampleAddresses.reservedName(address)).isEmpty();
    }
}
