package io.storescheduler.adapter.http.shared;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Datetimes on the wire: input must carry its offset (a local time is ambiguous across a store's
 * offset changes); output is shown at the store's own offset for that instant.
 */
public final class Times {

    // well inside what PostgreSQL's timestamptz holds
    private static final int MIN_YEAR = 1;
    private static final int MAX_YEAR = 9999;

    private Times() {}

    public static Instant parse(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            var parsed = OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            if (parsed.getYear() >= MIN_YEAR && parsed.getYear() <= MAX_YEAR) {
                return parsed.toInstant();
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        throw ApiProblem.badRequest("invalid_datetime", field, field
                + " must be an ISO 8601 datetime with an offset in years " + MIN_YEAR + ".." + MAX_YEAR
                + ", e.g. 2026-12-05T14:00:00+08:00");
    }

    public static OffsetDateTime render(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
