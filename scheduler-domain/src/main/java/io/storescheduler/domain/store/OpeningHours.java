package io.storescheduler.domain.store;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * When a store is open, per weekday, in its local time: a list of spans {@code [open, close)}. A
 * {@code close} before {@code open} closes after midnight, on the next day; {@code close} equal to
 * {@code open} means 24 hours. No weekday at all means always open; once any is set, a weekday left
 * out is closed. Spans are read on the real timeline of the store's zone, so a span across a
 * daylight-saving change is as long as the clock on the wall says, and spans that touch or overlap
 * (Monday until midnight, Tuesday from midnight) make one opening.
 */
public record OpeningHours(Map<DayOfWeek, List<Span>> days) {

    /** One opening of a weekday, in local time. */
    public record Span(LocalTime open, LocalTime close) {
        public Span {
            Objects.requireNonNull(open, "open");
            Objects.requireNonNull(close, "close");
            if (open.getSecond() != 0 || open.getNano() != 0 || close.getSecond() != 0 || close.getNano() != 0) {
                throw new IllegalArgumentException("opening hours are whole minutes: " + open + "-" + close);
            }
        }

        /** The span opening on {@code day}, on the timeline of {@code zone}. */
        Interval on(LocalDate day, ZoneId zone) {
            var closeDay = close.isAfter(open) ? day : day.plusDays(1);
            return new Interval(ZonedDateTime.of(day, open, zone).toInstant(), ZonedDateTime.of(closeDay, close, zone).toInstant());
        }
    }

    /** A stretch of real time during which the store is open. */
    public record Interval(Instant from, Instant to) {}

    public OpeningHours {
        var copy = new EnumMap<DayOfWeek, List<Span>>(DayOfWeek.class);
        // a weekday without spans is closed only because another has some: on its own it says nothing
        Objects.requireNonNull(days, "days").forEach((day, spans) -> {
            if (!spans.isEmpty()) {
                copy.put(day, List.copyOf(spans));
            }
        });
        days = Map.copyOf(copy);
    }

    /** At most this many spans a weekday. */
    public static final int MAX_SPANS_A_DAY = 4;
    private static final List<String> DAY_NAMES = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

    /** The short name of a weekday as the API and the database write it: {@code mon}..{@code sun}. */
    public static String dayName(DayOfWeek day) {
        return DAY_NAMES.get(day.ordinal());
    }

    /** The weekday named {@code mon}..{@code sun}, or null for anything else. */
    public static DayOfWeek day(String name) {
        var index = DAY_NAMES.indexOf(name);
        return index < 0 ? null : DayOfWeek.of(index + 1);
    }

    /** The hours as one line a span, {@code "mon 10:00-23:30"}, Monday first: how they are stored. */
    public List<String> lines() {
        var lines = new ArrayList<String>();
        for (var day : DayOfWeek.values()) {
            for (var span : days.getOrDefault(day, List.of())) {
                lines.add(dayName(day) + " " + span.open() + "-" + span.close());
            }
        }
        return lines;
    }

    /** The hours {@link #lines()} wrote. */
    public static OpeningHours ofLines(List<String> lines) {
        var days = new EnumMap<DayOfWeek, List<Span>>(DayOfWeek.class);
        for (var line : lines) {
            var parts = line.split("[ -]");
            days.computeIfAbsent(day(parts[0]), d -> new ArrayList<>()).add(new Span(LocalTime.parse(parts[1]), LocalTime.parse(parts[2])));
        }
        return new OpeningHours(days);
    }

    public static OpeningHours alwaysOpen() {
        return new OpeningHours(Map.of());
    }

    public boolean isAlwaysOpen() {
        return days.isEmpty();
    }

    /**
     * The openings that touch {@code [from, to)}, merged where they touch or overlap, in order. A
     * span opening the day before {@code from} is included, as it may run past midnight.
     */
    public List<Interval> openings(Instant from, Instant to, ZoneId zone) {
        var intervals = new ArrayList<Interval>();
        var last = LocalDate.ofInstant(to, zone).plusDays(1);
        for (var day = LocalDate.ofInstant(from, zone).minusDays(1); !day.isAfter(last); day = day.plusDays(1)) {
            for (var span : days.getOrDefault(day.getDayOfWeek(), List.of())) {
                intervals.add(span.on(day, zone));
            }
        }
        intervals.sort(Comparator.comparing(Interval::from));
        var merged = new ArrayList<Interval>();
        for (var interval : intervals) {
            var previous = merged.isEmpty() ? null : merged.getLast();
            if (previous != null && !interval.from().isAfter(previous.to())) {
                var until = interval.to().isAfter(previous.to()) ? interval.to() : previous.to();
                merged.set(merged.size() - 1, new Interval(previous.from(), until));
            } else {
                merged.add(interval);
            }
        }
        return merged;
    }
}
