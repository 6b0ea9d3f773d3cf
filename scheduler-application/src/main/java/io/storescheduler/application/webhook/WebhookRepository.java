package io.storescheduler.application.webhook;

import io.storescheduler.application.shared.Page;
import io.storescheduler.application.shared.PageRequest;
import io.storescheduler.domain.event.BookingEventType;
import io.storescheduler.domain.id.StoreId;
import io.storescheduler.domain.webhook.DeliveryPolicy;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** The store's webhooks, their delivery log, and the queue of deliveries the workers claim. */
public interface WebhookRepository {

    /** How many webhooks the store has. */
    int count(StoreId storeId);

    /** A new webhook, owed the store's events from those committed after now on. */
    Webhook insert(StoreId storeId, URI url, Set<BookingEventType> eventTypes, String secret, Instant now);

    Page<Webhook> list(StoreId storeId, PageRequest page);

    Optional<Webhook> find(StoreId storeId, long webhookId);

    boolean delete(StoreId storeId, long webhookId);

    /** The webhook's attempts, newest first. */
    Page<DeliveryAttempt> attempts(StoreId storeId, long webhookId, PageRequest page);

    /**
     * The most overdue delivery of any store that no other transaction holds, locked (FOR UPDATE
     * SKIP LOCKED) until this transaction ends: several workers, in several instances, each
     * claim a different webhook, so none is sent twice at once, and a webhook's events go one at
     * a time, in order.
     */
    Optional<DueDelivery> claimDue(Instant now);

    /** Logs the attempt and moves the claimed webhook on as {@code decision} says. */
    void record(DueDelivery delivery, SendResult result, DeliveryPolicy.Decision decision, Instant now);

    /** How long the oldest event still owed to an enabled webhook has waited, in seconds; 0 when none is owed. */
    double oldestOwedAgeSeconds(Instant now);
}
