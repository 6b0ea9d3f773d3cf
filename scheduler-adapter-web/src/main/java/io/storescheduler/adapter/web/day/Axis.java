package io.storescheduler.adapter.web.day;

import io.storescheduler.adapter.web.shared.GridStyles;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * A day's time axis: from {@code from} to {@code to}, whole hours of the store's local time, in
 * grid columns of {@link GridStyles#MINUTES_A_COLUMN} minutes. Real minutes, so a day that
 * changes its clocks has one hour more or less, and its hour marks say so.
 */
public record Axis(Instant from, Instant to, ZoneId zone) {

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

    /** One hour's mark along the top: its local time and its columns. */
    public record HourMark(String label, int column, int span) {}

    public int columns() {
        return (int) (Duration.between(from, to).toMinutes() / GridStyles.MINUTES_A_COLUMN);
    }

    /** The first column of {@code instant}, 1-based, clipped to the axis. */
    public int column(Instant instant) {
        var minutes = Duration.between(from, instant).toMinutes();
        return (int) Math.clamp(minutes / GridStyles.MINUTES_A_COLUMN + 1, 1, columns());
    }

    /** How many columns {@code [start, end)} covers on the axis, at least one. */
    public int span(Instant start, Instant end) {
        var first = column(start);
        var clippedEnd = end.isAfter(to) ? to : end;
        var minutes = Duration.between(from, clippedEnd).toMinutes();
        var last = (int) Math.ceilDiv(minutes, GridStyles.MINUTES_A_COLUMN);
        return Math.max(1, Math.min(last, columns()) - first + 1);
    }

    public boolean shows(Instant start, Instant end) {
        return end.isAfter(from) && start.isBefore(to);
    }

    public List<HourMark> hours() {
        var marks = new ArrayList<HourMark>();
        for (var hour = from; hour.isBefore(to); hour = hour.plus(Duration.ofHours(1))) {
            marks.add(new HourMark(HOUR.format(hour.atZone(zone)), column(hour), span(hour, hour.plus(Duration.ofHours(1)))));
        }
        return marks;
    }
}
