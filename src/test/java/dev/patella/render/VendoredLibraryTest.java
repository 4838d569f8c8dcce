package dev.patella.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patella.TestSites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The QR code library shipped with the site ({@code templates/assets/uqr.js}) is the npm package's
 * file unchanged: its SHA-256 is the one the README records, and its licence is published beside it.
 */
class VendoredLibraryTest {

    @Test
    void theQrCodeLibraryIsThePackagesFileUnchangedWithItsLicenceBesideIt() throws IOException, NoSuchAlgorithmException {
        Path assets = TestSites.PROJECT.resolve("templates/assets");
        String readme = Files.readString(TestSites.PROJECT.resolve("README.md")).replaceAll("\\s+", " ");
        var recorded = Pattern.compile("`dist/index\\.mjs`, unchanged and not minified, SHA-256 `([0-9a-f]{64})`")
                .matcher(readme);
        assertThat(recorded.find()).as("the README records the library's SHA-256").isTrue();

        byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(assets.resolve("uqr.js")));

        assertThat(HexFormat.of().formatHex(digest)).isEqualTo(recorded.group(1));
        assertThat(Files.readString(assets.resolve("uqr-LICENSE.txt"))).startsWith("MIT License")
                .contains("Copyright (c) Project Nayuki");
    }
}
