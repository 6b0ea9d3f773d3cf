package io.storescheduler.application.webhook;

import io.storescheduler.application.shared.Page;
import io.storescheduler.application.shared.PageRequest;
import io.storescheduler.application.shared.StoreScheduleLock;
import io.storescheduler.application.shared.TransactionRunner;
import io.storescheduler.application.shared.UseCaseFailure;
import io.storescheduler.domain.event.BookingEventType;
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
public final class WebhookService implements ManageWebhooksUseCase, DeliverWebhooksUseCase {

    /** The most webhooks one store may have. */
    public static final int PER_STORE = 10;

    private static final SecureRandom SECRETS = new SecureRandom();

    private final WebhookRepository webhooks;
    private final WebhookTargets targets;
    private final WebhookSender sender;
    private final StoreScheduleLock storeLock;
    private final TransactionRunner transactions;
    private final Clock clock;
    private final RandomGenerator jitter;

    public WebhookService(WebhookRepository webhooks, WebhookTargets targets, WebhookSender sender, StoreScheduleLock storeLock,
            TransactionRunner transactions, Clock clock, RandomGenerator jitter) {
        this.webhooks = webhooks;
        this.targets = targets;
        this.sender = sender;
        this.storeLock = storeLock;
        this.transactions = transactions;
        this.clock = clock;
        this.jitter = jitter;
    }

    @Override
    public Registered register(RegisterWebhookCommand command) {
        targets.refusal(command.url()).ifPresent(reason -> {
            throw UseCaseFailure.invalid("invalid_webhook_url", "url", reason);
        });
        var types = command.eventTypes().isEmpty() ? EnumSet.allOf(BookingEventType.class) : EnumSet.copyOf(command.eventTypes());
        var secret = newSecret();
        return transactions.inTransaction(() -> {
            storeLock.lock(command.storeId());
            if (webhooks.count(command.storeId()) >= PER_STORE) {
                throw UseCaseFailure.quotaExceeded("webhooks", PER_STORE);
            }
            return new Registered(webhooks.insert(command.storeId(), command.url(), types, secret, clock.instant()), secret);
        });
    }

    @Override
    public Page<Webhook> list(long storeId, PageRequest page) {
        return webhooks.list(storeId, page);
    }

    @Override
    public void delete(long storeId, long webhookId) {
        if (!transactions.inTransaction(() -> webhooks.delete(storeId, webhookId))) {
            throw UseCaseFailure.notFound("webhook", webhookId);
        }
    }

    @Override
    public Page<DeliveryAttempt> deliveries(long storeId, long webhookId, PageRequest page) {
        webhooks.find(storeId, webhookId).orElseThrow(() -> UseCaseFailure.notFound("webhook", webhookId));
        return webhooks.attempts(storeId, webhookId, page);
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
