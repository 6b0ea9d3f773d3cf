package io.storescheduler.domain.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BookingTimesTest {

    @Test
    void a_booking_ends_its_scripts_duration_after_it_starts() {
        Instant start = OffsetDateTime.parse("2026-12-05T14:00:00+08:00").toInstant();

        assertEquals(OffsetDateTime.parse("2026-12-05T17:30:00+08:00").toInstant(), BookingTimes.endOf(start, 210));
    }

    @Test
    void a_game_across_a_daylight_saving_change_lasts_its_real_duration() {
        // New York springs forward at 02:00 on 2026-03-08: the wall clock jumps an hour.
        Instant start = ZonedDateTime.of(2026, 3, 8, 1, 0, 0, 0, ZoneId.of("America/New_York")).toInstant();

        Instant end = BookingTimes.endOf(start, 180);

        assertEquals(Duration.ofMinutes(180), Duration.between(start, end));
        assertEquals(5, end.atZone(ZoneId.of("America/New_York")).getHour());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 60, 1440})
    void durations_from_one_minute_to_one_day_are_valid(int minutes) {
        assertTrue(BookingTimes.isValidDuration(minutes));
    }

    @ParameterizedTest
    @ValueSource(ints = {Integer.MIN_VALUE, -1, 0, 1441, Integer.MAX_VALUE})
    void durations_outside_one_minute_to_one_day_are_invalid(int minutes) {
        assertFalse(BookingTimes.isValidDuration(minutes));
        assertThrows(IllegalArgumentException.class, () -> BookingTimes.endOf(Instant.EPOCH, minutes));
    }

    @Test
    void the_bounds_are_one_minute_and_one_day() {
        assertEquals(1, BookingTimes.MIN_DURATION_MINUTES);
        assertEquals(1440, BookingTimes.MAX_DURATION_MINUTES);
    }
}
