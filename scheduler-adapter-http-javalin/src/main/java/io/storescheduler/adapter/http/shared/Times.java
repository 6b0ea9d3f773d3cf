package io.storescheduler.adapter.http.shared;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Datetimes on the wire: input must carry its offset (a local time is ambiguous across a store's
 * offset changes); output is shown at the store's own offset for that instant. Only what can be
 * answered back as it came is accepted: microseconds at most (what the database keeps), and an
 * instant whose rendering at the store's offset is in years 1..9999 with an offset of whole
 * minutes (not the local mean time a zone had before its standard time, such as {@code +08:05:43}).
 */
public final class Times {

    // well inside what PostgreSQL's timestamptz holds
    private static final int MIN_YEAR = 1;
    private static final int MAX_YEAR = 9999;
    private static final String EXAMPLE = ", e.g. 2026-12-05T14:00:00+08:00";

    private Times() {}

    /** The instant {@code value} names, for a store in {@code zone}; a 400 naming {@code field} when it is not one it can keep. */
    public static Instant parse(String field, String value, ZoneId zone) {
        if (value == null) {
            return null;
        }
        var parsed = offsetDateTime(field, value);
        if (parsed.getNano() % 1000 != 0) {
            throw invalid(field, field + " is finer than a microsecond: send at most 6 digits of a second" + EXAMPLE);
        }
        var instant = parsed.toInstant();
        var rendered = render(instant, zone);
        if (!inYears(parsed) || !inYears(rendered)) {
            throw invalid(field, field + " must be in years " + MIN_YEAR + ".." + MAX_YEAR + ", at its own offset and at the store's ("
                    + zone.getId() + ")");
        }
        if (rendered.getOffset().getTotalSeconds() % 60 != 0) {
            throw invalid(field, field + " is before " + zone.getId() + " kept a standard offset of whole minutes (it shows as "
                    + rendered + "): send a later datetime");
        }
        return instant;
    }

    public static OffsetDateTime render(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }

    private static OffsetDateTime offsetDateTime(String field, String value) {
        try {
            return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            throw invalid(field, field + " must be an ISO 8601 datetime with an offset in years " + MIN_YEAR + ".." + MAX_YEAR + EXAMPLE);
        }
    }

    private static boolean inYears(OffsetDateTime datetime) {
        return datetime.getYear() >= MIN_YEAR && datetime.getYear() <= MAX_YEAR;
    }

    private static ApiProblem invalid(String field, String message) {
        return ApiProblem.badRequest("invalid_datetime", field, message);
    }
}
