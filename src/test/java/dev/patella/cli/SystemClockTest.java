package dev.patella.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.TimeZone;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The zone a build hands to a build server by name, read back as the server reads it, is the
 * zone the command would have built in itself, for every kind of zone name a system may have.
 */
class SystemClockTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"UTC", "Europe/Madrid", "America/Argentina/Buenos_Aires", "Asia/Kathmandu", "EST",
        "GMT+05:30", "Etc/GMT-14", "Pacific/Chatham"})
    void theZoneNamedForTheServerIsTheDefaultZone(String id) {
        TimeZone before = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone(id));
            String named = SystemClock.zoneName(new SystemClock());
            assertThat(ZoneId.of(named, ZoneId.SHORT_IDS))
                    .isEqualTo(ZoneId.systemDefault())
                    .isEqualTo(new SystemClock().getZone());
        } finally {
            TimeZone.setDefault(before);
        }
    }
}
