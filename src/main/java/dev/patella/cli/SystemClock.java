package dev.patella.cli;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.TimeZone;

/**
 * The system clock in the default time zone, as {@link Clock#systemDefaultZone()} gives it, but
 * looking the zone up only when asked: a build handed to a build server needs only the zone's
 * name, and loading its rules as well cost that command about a tenth of its start-up.
 */
final class SystemClock extends Clock {

    private ZoneId zone;

    @Override
    public synchronized ZoneId getZone() {
        if (zone == null) {
            zone = ZoneId.systemDefault();
        }
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return Clock.system(other);
    }

    @Override
    public long millis() {
        return System.currentTimeMillis();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    /**
     * The name of {@code clock}'s zone, for a build server to read back with
     * {@code ZoneId.of(name, ZoneId.SHORT_IDS)}: for the system clock, the default zone's name
     * without its rules (what {@link ZoneId#systemDefault()} is made from).
     */
    static String zoneName(Clock clock) {
        if (clock instanceof SystemClock system) {
            synchronized (system) {
                if (system.zone == null) {
                    return TimeZone.getDefault().getID();
                }
            }
        }
        return clock.getZone().getId();
    }
}
