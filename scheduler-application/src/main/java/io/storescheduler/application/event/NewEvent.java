package io.storescheduler.application.event;

import io.storescheduler.domain.event.BookingEventType;
import io.storescheduler.domain.id.BookingId;
import io.storescheduler.domain.id.StoreId;
import java.time.Instant;

/** An event to append to the store's outbox, {@code booking} the rendered booking as it is after the change. */
public record NewEvent(StoreId storeId, BookingId bookingId, BookingEventType type, Instant occurredAt, String booking) {}
