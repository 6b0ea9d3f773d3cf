package io.storescheduler.application.event;

import io.storescheduler.domain.event.BookingEventType;
import io.storescheduler.domain.id.BookingId;
import io.storescheduler.domain.id.StoreId;
import java.time.Instant;

/**
 * An event as the outbox keeps it: {@code id} names it across stores, {@code seq} is its place in
 * the store's commit order.
 */
public record StoredEvent(long id, long seq, StoreId storeId, BookingId bookingId, BookingEventType type, Instant occurredAt,
        String booking) {}
