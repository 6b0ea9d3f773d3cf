package io.storescheduler.domain.booking;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A booking's time follows from its start and its script's duration. Durations are real elapsed
 * minutes on the timeline, so a game that crosses a daylight-saving change still lasts as long as
 * the script says; the store's time zone only matters when times are shown.
 */
public final class BookingTimes {

    public static final int MIN_DURATION_MINUTES = 1;
    public static final int MAX_DURATION_MINUTES = 1440;

    private BookingTimes() {
    }

    public static boolean isValidDuration(int durationMinutes) {
        return durationMinutes >= MIN_DURATION_MINUTES && durationMinutes <= MAX_DURATION_MINUTES;
    }

    public static Instant endOf(Instant startAt, int durationMinutes) {
        Objects.requireNonNull(startAt, "startAt");
        if (!isValidDuration(durationMinutes)) {
            throw new IllegalArgumentException("duration out of range: " + durationMinutes + " minutes");
        }
        return startAt.plus(Duration.ofMinutes(durationMinutes));
    }
}
