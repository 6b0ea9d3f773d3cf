package io.storescheduler.application.webhook;

import io.storescheduler.domain.event.BookingEventType;
import io.storescheduler.domain.id.StoreId;
import java.net.URI;
import java.time.Instant;
import java.util.Set;

/** A receiver of the store's events; {@code disabledAt} and {@code disabledReason} set once a day of failures disabled it. */
public record Webhook(long id, StoreId storeId, URI url, Set<BookingEventType> eventTypes, Instant createdAt, Instant disabledAt,
        String disabledReason) {}
