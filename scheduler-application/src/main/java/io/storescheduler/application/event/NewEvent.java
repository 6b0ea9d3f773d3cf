package io.storescheduler.application.event;

import io.storescheduler.domain.event.BookingEventType;
import java.time.Instant;

/** An event to append to the store's outbox, {@code booking} the rendered booking as it is after the change. */
public record NewEvent(long storeId, long bookingId, BookingEventType type, Instant occurredAt, String booking) {}
