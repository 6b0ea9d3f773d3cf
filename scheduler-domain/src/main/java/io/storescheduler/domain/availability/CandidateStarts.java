package io.storescheduler.domain.availability;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.TreeSet;

/**
 * The start times a search looks at: the local times of the store on a grid of {@code stepMinutes}
 * from local midnight, as instants in {@code [from, to)}, ascending. A local time that the clock
 * skips (spring forward) is no start; one it shows twice (fall back) is two starts, an hour apart,
 * so no real start is left out and none comes twice.
 */
public final class CandidateStarts {

    public static final int MIN_STEP_MINUTES = 5;
    public static final int MAX_STEP_MINUTES = 240;
    private static final int MINUTES_A_DAY = 24 * 60;

    private CandidateStarts() {
    }

    public static List<Instant> grid(Instant from, Instant to, ZoneId zone, int stepMinutes) {
        if (stepMinutes < MIN_STEP_MINUTES || stepMinutes > MAX_STEP_MINUTES) {
            throw new IllegalArgumentException("step out of range: " + stepMinutes + " minutes");
        }
        var rules = zone.getRules();
        var starts = new TreeSet<Instant>();
        var last = LocalDate.ofInstant(to, zone).plusDays(1);
        for (var day = LocalDate.ofInstant(from, zone).minusDays(1); !day.isAfter(last); day = day.plusDays(1)) {
            for (var minute = 0; minute < MINUTES_A_DAY; minute += stepMinutes) {
                var local = day.atTime(LocalTime.MIDNIGHT.plusMinutes(minute));
                for (var offset : rules.getValidOffsets(local)) {
                    var start = local.toInstant(offset);
                    if (!start.isBefore(from) && start.isBefore(to)) {
                        starts.add(start);
                    }
                }
            }
        }
        return List.copyOf(starts);
    }
}
