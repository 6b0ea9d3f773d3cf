package io.storescheduler.application.webhook;

import io.storescheduler.application.event.StoredEvent;
import io.storescheduler.domain.id.StoreId;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The next event a webhook is owed, claimed for this transaction: {@code failedAttempts} at it so
 * far, {@code failingSince} when its run of failures began (null if none), the store's zone to
 * render it in.
 */
public record DueDelivery(long webhookId, StoreId storeId, URI url, String secret, int failedAttempts, Instant failingSince,
        ZoneId zone, StoredEvent event) {}
