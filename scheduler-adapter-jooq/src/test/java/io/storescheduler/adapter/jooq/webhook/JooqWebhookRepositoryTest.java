package io.storescheduler.adapter.jooq.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.storescheduler.adapter.jooq.PersistenceUnderTest;
import io.storescheduler.application.event.EventOutbox;
import io.storescheduler.application.event.NewEvent;
import io.storescheduler.application.shared.TransactionRunner;
import io.storescheduler.application.webhook.DueDelivery;
import io.storescheduler.application.webhook.SendResult;
import io.storescheduler.application.webhook.WebhookRepository;
import io.storescheduler.domain.event.BookingEventType;
import io.storescheduler.domain.id.BookingId;
import io.storescheduler.domain.id.StoreId;
import io.storescheduler.domain.webhook.DeliveryPolicy;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The delivery queue against the real PostgreSQL: a claimed webhook is skipped by every other
 * claim until its transaction ends, so racing workers never send the same event twice at once,
 * and each webhook's events come in order, only of the types it asked for.
 */
class JooqWebhookRepositoryTest {

    private static final Instant NOW = Instant.parse("2026-12-05T06:00:00Z");

    @RegisterExtension
    static final PersistenceUnderTest db = PersistenceUnderTest.perClass();
    private final TransactionRunner transactions = db.persistence().transactions();
    private final EventOutbox outbox = db.persistence().events();
    private final WebhookRepository webhooks = db.persistence().webhooks();

    private final ExecutorService executor = Executors.newFixedThreadPool(8);

    @AfterEach
    void stopThreads() {
        executor.shutdownNow();
    }

    @Test
    void a_webhook_claimed_by_one_transaction_is_skipped_by_another_until_it_ends() throws Exception {
        var storeId = db.newStore().id();
        var webhookId = register(storeId, EnumSet.allOf(BookingEventType.class));
        append(storeId, new BookingId(1), BookingEventType.CREATED);
        append(storeId, new BookingId(1), BookingEventType.CHANGED);
        var claimed = new CountDownLatch(1);
        var finish = new CountDownLatch(1);
        Future<Optional<DueDelivery>> first = executor.submit(() -> transactions.inTransaction(() -> {
            var due = webhooks.claimDue(NOW);
            claimed.countDown();
            await(finish);
            due.ifPresent(delivery -> webhooks.record(delivery, SendResult.answered(200), new DeliveryPolicy.Decision.Delivered(), NOW));
            return due;
        }));
        await(claimed);

        var whileHeld = executor.submit(() -> transactions.inTransaction(() -> claimOf(webhookId))).get(30, TimeUnit.SECONDS);
        finish.countDown();
        var firstDue = first.get(30, TimeUnit.SECONDS).orElseThrow();
        var afterwards = transactions.inTransaction(() -> claimOf(webhookId).map(due -> {
            webhooks.record(due, SendResult.answered(200), new DeliveryPolicy.Decision.Delivered(), NOW);
            return due;
        })).orElseThrow();

        assertEquals(Optional.empty(), whileHeld, "skipped while another transaction holds it");
        assertEquals(1, firstDue.event().seq());
        assertEquals(2, afterwards.event().seq(), "the next event once the first is delivered");
    }

    @Test
    void racing_workers_deliver_every_event_of_every_webhook_once_and_in_order() throws Exception {
        var storeId = db.newStore().id();
        var hooks = new ArrayList<Long>();
        for (int i = 0; i < 4; i++) {
            hooks.add(register(storeId, EnumSet.allOf(BookingEventType.class)));
        }
        for (int i = 1; i <= 10; i++) {
            append(storeId, new BookingId(i), BookingEventType.CHANGED);
        }
        var sent = Collections.synchronizedList(new ArrayList<String>());
        var workers = 6;
        var start = new CyclicBarrier(workers);
        var running = new ArrayList<Future<?>>();
        for (int w = 0; w < workers; w++) {
            running.add(executor.submit(() -> {
                start.await();
                while (transactions.inTransaction(() -> webhooks.claimDue(NOW).map(due -> {
                    if (hooks.contains(due.webhookId())) {
                        sent.add(due.webhookId() + ":" + due.event().seq());
                    }
                    webhooks.record(due, SendResult.answered(204), new DeliveryPolicy.Decision.Delivered(), NOW);
                    return true;
                }).orElse(false))) {
                    // on to the next due delivery
                }
                return null;
            }));
        }
        for (var worker : running) {
            worker.get(60, TimeUnit.SECONDS);
        }

        assertEquals(40, sent.size(), "each event once to each webhook: " + sent);
        assertEquals(40, sent.stream().distinct().count(), "no event sent twice: " + sent);
        for (var hook : hooks) {
            var seqs = sent.stream().filter(entry -> entry.startsWith(hook + ":")).map(entry -> Long.parseLong(entry.split(":")[1])).toList();
            assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L), seqs, "webhook " + hook + " in order");
        }
    }

    @Test
    void a_webhook_is_owed_only_events_of_its_types_committed_after_it_was_registered() {
        var storeId = db.newStore().id();
        append(storeId, new BookingId(1), BookingEventType.CONFIRMED);
        var webhookId = register(storeId, EnumSet.of(BookingEventType.CONFIRMED));
        append(storeId, new BookingId(2), BookingEventType.CREATED);
        append(storeId, new BookingId(3), BookingEventType.CONFIRMED);

        var lag = webhooks.oldestOwedAgeSeconds(NOW.plusSeconds(60));
        var due = transactions.inTransaction(() -> claimOf(webhookId).map(delivery -> {
            webhooks.record(delivery, SendResult.answered(200), new DeliveryPolicy.Decision.Delivered(), NOW);
            return delivery;
        })).orElseThrow();

        assertEquals(new BookingId(3), due.event().bookingId());
        assertEquals(60, lag, 0.001, "the owed event has waited a minute");
        assertEquals(0, webhooks.oldestOwedAgeSeconds(NOW.plusSeconds(60)), 0.001, "nothing owed once delivered");
    }

    /** A claim, if it took {@code webhookId}: each test leaves nothing owed behind, so the claim finds its own webhook. */
    private Optional<DueDelivery> claimOf(long webhookId) {
        var due = webhooks.claimDue(NOW);
        return due.filter(delivery -> delivery.webhookId() == webhookId);
    }

    private long register(StoreId storeId, EnumSet<BookingEventType> types) {
        return transactions.inTransaction(() -> webhooks.insert(storeId, URI.create("http://127.0.0.1:9/hook"), types, "whsec_AAAA", NOW)).id();
    }

    private void append(StoreId storeId, BookingId bookingId, BookingEventType type) {
        transactions.inTransaction(() -> {
            outbox.append(new NewEvent(storeId, bookingId, type, NOW, "{}"));
            return null;
        });
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("latch not released in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
