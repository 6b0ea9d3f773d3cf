package io.storescheduler.application.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storescheduler.application.event.NewEvent;
import io.storescheduler.application.shared.PageRequest;
import io.storescheduler.application.shared.PortContract;
import io.storescheduler.application.shared.TransactionRunner;
import io.storescheduler.domain.event.BookingEventType;
import io.storescheduler.domain.id.BookingId;
import io.storescheduler.domain.id.StoreId;
import io.storescheduler.domain.webhook.DeliveryPolicy.Decision;
import java.net.URI;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What every {@link WebhookRepository} does, run on the jOOQ adapter over PostgreSQL alone: no
 * service test works on webhooks through a fake of it. The delivery queue is shared by every
 * store, so each test leaves nothing owed behind, and a claim that finds another test's webhook
 * is not this test's. Left out, as only the database can show them: claims racing from several
 * transactions, which never take the same webhook at once; the jOOQ test states those itself.
 */
public abstract class WebhookRepositoryContract extends PortContract<WebhookPortsUnderTest> {

    protected static final Instant NOW = Instant.parse("2026-12-05T06:00:00Z");
    private static final URI URL = URI.create("http://127.0.0.1:9/hook");
    private static final Set<BookingEventType> EVERY_TYPE = EnumSet.allOf(BookingEventType.class);

    protected WebhookRepositoryContract(WebhookPortsUnderTest ports) {
        super(ports);
    }

    protected final WebhookRepository webhooks() {
        return ports().webhooks();
    }

    protected final TransactionRunner transactions() {
        return ports().transactions();
    }

    protected final StoreId newStoreId() {
        return ports().newStoreId();
    }

    @Test
    void an_inserted_webhook_reads_back_and_is_counted_and_listed_by_id_in_its_own_store_only() {
        var storeId = newStoreId();
        var first = webhooks().insert(storeId, URL, EnumSet.of(BookingEventType.CONFIRMED), "whsec_A", NOW);
        var second = webhooks().insert(storeId, URI.create("http://127.0.0.1:9/other"), EVERY_TYPE, "whsec_B", NOW);
        var otherStore = newStoreId();

        assertEquals(new Webhook(first.id(), storeId, URL, Set.of(BookingEventType.CONFIRMED), NOW, null, null), first);
        assertEquals(Optional.of(first), webhooks().find(storeId, first.id()));
        assertEquals(List.of(first, second), webhooks().list(storeId, PageRequest.first()).items());
        assertEquals(List.of(second), webhooks().list(storeId, new PageRequest(1, 1)).items());
        assertEquals(2, webhooks().count(storeId));
        assertEquals(Optional.empty(), webhooks().find(otherStore, first.id()));
        assertEquals(0, webhooks().count(otherStore));
    }

    @Test
    void a_webhook_is_deleted_only_from_its_own_store_and_only_once() {
        var storeId = newStoreId();
        var webhookId = register(storeId, EVERY_TYPE);

        assertFalse(webhooks().delete(newStoreId(), webhookId));
        assertTrue(webhooks().delete(storeId, webhookId));
        assertFalse(webhooks().delete(storeId, webhookId));
        assertEquals(Optional.empty(), webhooks().find(storeId, webhookId));
    }

    @Test
    void a_webhook_is_owed_only_events_of_its_types_committed_after_it_was_registered() {
        var storeId = newStoreId();
        append(storeId, new BookingId(1), BookingEventType.CONFIRMED);
        var webhookId = register(storeId, EnumSet.of(BookingEventType.CONFIRMED));
        append(storeId, new BookingId(2), BookingEventType.CREATED);
        append(storeId, new BookingId(3), BookingEventType.CONFIRMED);

        var lag = webhooks().oldestOwedAgeSeconds(NOW.plusSeconds(60));
        var due = claimAndRecord(webhookId, NOW, SendResult.answered(200), new Decision.Delivered()).orElseThrow();

        assertEquals(new BookingId(3), due.event().bookingId());
        assertEquals(60, lag, 0.001, "the owed event has waited a minute");
        assertEquals(0, webhooks().oldestOwedAgeSeconds(NOW.plusSeconds(60)), 0.001, "nothing owed once delivered");
    }

    @Test
    void a_failed_delivery_is_logged_and_retried_at_the_time_decided_then_the_log_reads_newest_first() {
        var storeId = newStoreId();
        var webhookId = register(storeId, EVERY_TYPE);
        append(storeId, new BookingId(1), BookingEventType.CREATED);
        var retryAt = NOW.plusSeconds(60);

        var failed = claimAndRecord(webhookId, NOW, SendResult.failed("the receiver did not answer"), new Decision.RetryAt(retryAt)).orElseThrow();
        var early = transactions().inTransaction(() -> claimOf(webhookId, NOW));
        var retried = claimAndRecord(webhookId, retryAt, SendResult.answered(204), new Decision.Delivered()).orElseThrow();

        assertEquals(Optional.empty(), early, "not due before its retry");
        assertEquals(0, failed.failedAttempts());
        assertEquals(1, retried.failedAttempts());
        assertEquals(NOW, retried.failingSince());
        var eventId = failed.event().id();
        assertEquals(List.of(new DeliveryAttempt(eventId, 2, 204, retryAt, null),
                new DeliveryAttempt(eventId, 1, null, NOW, "the receiver did not answer")),
                webhooks().attempts(storeId, webhookId, PageRequest.first()).items());
        assertEquals(0, webhooks().attempts(newStoreId(), webhookId, PageRequest.first()).total(), "another store's log");
    }

    @Test
    void a_disabled_webhook_says_why_and_is_owed_nothing_more() {
        var storeId = newStoreId();
        var webhookId = register(storeId, EVERY_TYPE);
        append(storeId, new BookingId(1), BookingEventType.CREATED);

        claimAndRecord(webhookId, NOW, SendResult.answered(500), new Decision.Disable("a day of failures")).orElseThrow();
        append(storeId, new BookingId(2), BookingEventType.CHANGED);

        var disabled = webhooks().find(storeId, webhookId).orElseThrow();
        assertEquals(NOW, disabled.disabledAt());
        assertEquals("a day of failures", disabled.disabledReason());
        assertEquals(Optional.empty(), transactions().inTransaction(() -> claimOf(webhookId, NOW.plusSeconds(3600))));
        assertEquals(0, webhooks().oldestOwedAgeSeconds(NOW.plusSeconds(60)), 0.001);
    }

    /** A claim, if it took {@code webhookId}: each test leaves nothing owed behind, so the claim finds its own webhook. */
    protected final Optional<DueDelivery> claimOf(long webhookId, Instant now) {
        return webhooks().claimDue(now).filter(delivery -> delivery.webhookId() == webhookId);
    }

    /** Claims {@code webhookId}'s due delivery at {@code now} and records how it went, in one transaction. */
    protected final Optional<DueDelivery> claimAndRecord(long webhookId, Instant now, SendResult result, Decision decision) {
        return transactions().inTransaction(() -> claimOf(webhookId, now).map(due -> {
            webhooks().record(due, result, decision, now);
            return due;
        }));
    }

    protected final long register(StoreId storeId, Set<BookingEventType> types) {
        return transactions().inTransaction(() -> webhooks().insert(storeId, URL, types, "whsec_AAAA", NOW)).id();
    }

    protected final void append(StoreId storeId, BookingId bookingId, BookingEventType type) {
        transactions().inTransaction(() -> {
            ports().events().append(new NewEvent(storeId, bookingId, type, NOW, "{}"));
            return null;
        });
    }
}
