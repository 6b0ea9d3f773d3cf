package io.storescheduler.application.calendar;

import io.storescheduler.domain.booking.BookingStatus;
import io.storescheduler.domain.id.BookingId;
import java.time.Instant;

/**
 * One booking as a calendar shows it: when, which script for how many players, in which room, and
 * the booking's version, which grows at every change. It holds nothing of the party's clients.
 */
public record CalendarEntry(BookingId bookingId, long version, BookingStatus status, Instant startAt, Instant endAt,
        String scriptName, int partySize, String roomName, Instant createdAt, Instant updatedAt) {}
