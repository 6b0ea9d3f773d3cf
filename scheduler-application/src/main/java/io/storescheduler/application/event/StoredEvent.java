package io.storescheduler.application.event;

import io.storescheduler.domain.event.BookingEventType;
import java.time.Instant;

/**
 * An event as the outbox keeps it: {@code id} names it across stores, {@code seq} is its place in
 * the store's commit order.
 */
public record StoredEvent(long id, long seq, long storeId, long bookingId, BookingEventType type, Instant occurredAt,
        String booking) {}
