package io.storescheduler.adapter.jooq.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.storescheduler.adapter.jooq.PersistenceUnderTest;
import io.storescheduler.application.webhook.DueDelivery;
import io.storescheduler.application.webhook.SendResult;
import io.storescheduler.application.webhook.WebhookRepositoryContract;
import io.storescheduler.domain.event.BookingEventType;
import io.storescheduler.domain.id.BookingId;
import io.storescheduler.domain.webhook.DeliveryPolicy;
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
 * The webhook repository's contract on PostgreSQL, and the delivery queue under racing
 * transactions: a claimed webhook is skipped by every other claim until its transaction ends, so
 * racing workers never send the same event twice at once, and each webhook's events come in order.
 */
class JooqWebhookRepositoryTest extends WebhookRepositoryContract {

    @RegisterExtension
    static final PersistenceUnderTest db = PersistenceUnderTest.perClass();

    private final ExecutorService executor = Executors.newFixedThreadPool(8);

    @AfterEach
    void stopThreads() {
        executor.shutdownNow();
    }

    @Test
    void a_webhook_claimed_by_one_transaction_is_skipped_by_another_until_it_ends() throws Exception {
        var storeId = newStoreId();
        var webhookId = register(storeId, EnumSet.allOf(BookingEventType.class));
        append(storeId, new BookingId(1), BookingEventType.CREATED);
        append(storeId, new BookingId(1), BookingEventType.CHANGED);
        var claimed = new CountDownLatch(1);
        var finish = new CountDownLatch(1);
        Future<Optional<DueDelivery>> first = executor.submit(() -> transactions().inTransaction(() -> {
            var due = webhooks().claimDue(NOW);
            claimed.countDown();
            await(finish);
            due.ifPresent(delivery -> webhooks().record(delivery, SendResult.answered(200), new DeliveryPolicy.Decision.Delivered(), NOW));
            return due;
        }));
        await(claimed);

        var whileHeld = executor.submit(() -> transactions().inTransaction(() -> claimOf(webhookId, NOW))).get(30, TimeUnit.SECONDS);
        finish.countDown();
        var firstDue = first.get(30, TimeUnit.SECONDS).orElseThrow();
        var afterwards = claimAndRecord(webhookId, NOW, SendResult.answered(200), new DeliveryPolicy.Decision.Delivered()).orElseThrow();

        assertEquals(Optional.empty(), whileHeld, "skipped while another transaction holds it");
        assertEquals(1, firstDue.event().seq());
        assertEquals(2, afterwards.event().seq(), "the next event once the first is delivered");
    }

    @Test
    void racing_workers_deliver_every_event_of_every_webhook_once_and_in_order() throws Exception {
        var storeId = newStoreId();
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
                while (transactions().inTransaction(() -> webhooks().claimDue(NOW).map(due -> {
                    if (hooks.contains(due.webhookId())) {
                        sent.add(due.webhookId() + ":" + due.event().seq());
                    }
                    webhooks().record(due, SendResult.answered(204), new DeliveryPolicy.Decision.Delivered(), NOW);
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

    JooqWebhookRepositoryTest() {
        super(db);
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
