package io.storescheduler.application.webhook;

import io.storescheduler.application.shared.Outcome;
import io.storescheduler.application.shared.Page;
import io.storescheduler.application.shared.PageRequest;
import io.storescheduler.domain.event.BookingEventType;
import io.storescheduler.domain.id.StoreId;
import java.net.URI;
import java.util.Set;

/** Registering, listing and removing a store's webhooks, and reading their delivery log. */
public interface ManageWebhooksUseCase {

    /** A webhook to register: {@code eventTypes} empty means all of them. */
    record RegisterWebhookCommand(StoreId storeId, URI url, Set<BookingEventType> eventTypes) {}

    /** The registered webhook and its signing secret, shown this once. */
    record Registered(Webhook webhook, String secret) {}

    Outcome<Registered> register(RegisterWebhookCommand command);

    Page<Webhook> list(StoreId storeId, PageRequest page);

    Outcome<Void> delete(StoreId storeId, long webhookId);

    Outcome<Page<DeliveryAttempt>> deliveries(StoreId storeId, long webhookId, PageRequest page);
}
