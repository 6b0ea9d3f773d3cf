package io.storescheduler.domain.availability;

import static io.storescheduler.domain.id.Ids.roomId;
import static io.storescheduler.domain.id.Ids.scriptId;
import static io.storescheduler.domain.id.Ids.storeId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

/** The grid of starts across both daylight-saving changes of New York. */
class CandidateStartsTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void spring_forward_skips_the_hour_the_clock_skips_and_nothing_else() {
        var day = LocalDate.of(2026, 3, 8);
        var starts = CandidateStarts.grid(midnight(day), midnight(day.plusDays(1)), NEW_YORK, 30);

        assertEquals(46, starts.size(), "a 23-hour day of half hours");
        assertEquals(starts.size(), new HashSet<>(starts).size());
        for (int i = 1; i < starts.size(); i++) {
            assertEquals(Duration.ofMinutes(30), Duration.between(starts.get(i - 1), starts.get(i)), "no real half hour left out");
        }
        assertTrue(starts.stream().noneMatch(start -> ZonedDateTime.ofInstant(start, NEW_YORK).getHour() == 2));
        assertEquals(LocalTime.of(3, 0), ZonedDateTime.ofInstant(starts.get(4), NEW_YORK).toLocalTime());
    }

    @Test
    void fall_back_offers_the_hour_the_clock_shows_twice_twice_as_different_instants() {
        var day = LocalDate.of(2026, 11, 1);
        var starts = CandidateStarts.grid(midnight(day), midnight(day.plusDays(1)), NEW_YORK, 30);

        assertEquals(50, starts.size(), "a 25-hour day of half hours");
        assertEquals(starts.size(), new HashSet<>(starts).size(), "no start twice");
        for (int i = 1; i < starts.size(); i++) {
            assertEquals(Duration.ofMinutes(30), Duration.between(starts.get(i - 1), starts.get(i)));
        }
        assertEquals(4, starts.stream().filter(start -> ZonedDateTime.ofInstant(start, NEW_YORK).getHour() == 1).count());
    }

    @Test
    void a_game_across_the_change_lasts_its_real_minutes_and_the_window_bounds_the_start() {
        var day = LocalDate.of(2026, 3, 8);
        var from = midnight(day).plus(Duration.ofMinutes(90));
        var starts = CandidateStarts.grid(from, from.plus(Duration.ofMinutes(60)), NEW_YORK, 30);
        var in = new AvailabilityInput(starts, scriptId(1), 120, 1, 0, NEW_YORK, io.storescheduler.domain.store.OpeningHours.alwaysOpen(),
                java.util.List.of(new io.storescheduler.domain.catalogue.Room(roomId(1), storeId(1), "Den", 4, true)), java.util.List.of(),
                java.util.List.of(), null, null);

        assertEquals(2, starts.size(), "01:30 EST and 03:00 EDT, half an hour apart");
        for (var offer : AvailabilityPolicy.offers(in)) {
            assertEquals(Duration.ofMinutes(120), Duration.between(offer.startAt(), offer.endAt()));
        }
        assertEquals(from, starts.get(0));
    }

    private static Instant midnight(LocalDate day) {
        return day.atStartOfDay(NEW_YORK).toInstant();
    }
}
