package io.storescheduler.application.webhook;

import io.storescheduler.application.shared.Outcome;
import io.storescheduler.application.shared.Page;
import io.storescheduler.application.shared.PageRequest;
import io.storescheduler.application.shared.Refusal;
import io.storescheduler.application.shared.StoreScheduleLock;
import io.storescheduler.application.shared.TransactionRunner;
import io.storescheduler.domain.event.BookingEventType;
import io.storescheduler.domain.id.StoreId;
import io.storescheduler.domain.webhook.DeliveryPolicy;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Webhooks: registration with a secret shown once, and the delivery of what they are owed. A
 * delivery runs in one transaction that holds the claimed webhook's row lock from the claim, over
 * the send, to the log of the attempt: a second worker skips that webhook, and a worker that dies
 * mid-send leaves it unclaimed and owed (the transaction rolls back), so the event is sent again.
 * Registration is serialised per store by the store's schedule lock, so the per-store limit holds
 * against racing registrations.
 */
public record WebhookService(
        WebhookRepository webhooks, WebhookTargets targets, WebhookSender sender, StoreScheduleLock storeLock,
        TransactionRunner transactions, Clock clock, RandomGenerator jitter)
        implements ManageWebhooksUseCase, DeliverWebhooksUseCase {

    /** The most webhooks one store may have. */
    public static final int PER_STORE = 10;

    private static final SecureRandom SECRETS = new SecureRandom();

    @Override
    public Outcome<Registered> register(RegisterWebhookCommand command) {
        return targets.refusal(command.url())
                .map(reason -> Outcome.<Registered>refused(Refusal.invalid("invalid_webhook_url", "url", reason)))
                .orElseGet(() -> registered(command));
    }

    private Outcome<Registered> registered(RegisterWebhookCommand command) {
        var types = command.eventTypes().isEmpty() ? EnumSet.allOf(BookingEventType.class) : EnumSet.copyOf(command.eventTypes());
        var secret = newSecret();
        return transactions.attempt(() -> {
            storeLock.lock(command.storeId());
            if (webhooks.count(command.storeId()) >= PER_STORE) {
                return Outcome.refused(Refusal.quotaExceeded("webhooks", PER_STORE));
            }
            return Outcome.done(new Registered(webhooks.insert(command.storeId(), command.url(), types, secret, clock.instant()), secret));
        });
    }

    @Override
    public Page<Webhook> list(StoreId storeId, PageRequest page) {
        return webhooks.list(storeId, page);
    }

    @Override
    public Outcome<Void> delete(StoreId storeId, long webhookId) {
        return transactions.attempt(() -> webhooks.delete(storeId, webhookId)
                ? Outcome.done(null) : Outcome.refused(Refusal.notFound("webhook", webhookId)));
    }

    @Override
    public Outcome<Page<DeliveryAttempt>> deliveries(StoreId storeId, long webhookId, PageRequest page) {
        return Outcome.of(webhooks.find(storeId, webhookId), () -> Refusal.notFound("webhook", webhookId))
                .map(webhook -> webhooks.attempts(storeId, webhookId, page));
    }

    @Override
    public Optional<DeliveryPolicy.Decision> deliverOne() {
        return transactions.inTransaction(() -> webhooks.claimDue(clock.instant()).map(due -> {
            var result = sender.send(due);
            var now = clock.instant();
            var decision = DeliveryPolicy.after(result.delivered(), result.error(), due.failedAttempts() + 1, due.failingSince(), now,
                    jitter.nextDouble());
            webhooks.record(due, result, decision, now);
            return decision;
        }));
    }

    /** Standard Webhooks' form: {@code whsec_} and the base64 of 24 random bytes. */
    static String newSecret() {
        var key = new byte[24];
        SECRETS.nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }
}
