package io.storescheduler.bootstrap;

import io.storescheduler.application.event.EventArrivals;
import io.storescheduler.application.webhook.DeliverWebhooksUseCase;
import io.storescheduler.domain.id.StoreId;
import io.storescheduler.domain.webhook.DeliveryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery workers of this instance: a few threads, each delivering one due event after
 * another while there are any, then resting until an event commits somewhere (the event
 * listener wakes them) or {@link #LOOK_AGAIN_EVERY} passes, when retries may have come due. Every
 * instance runs them; they share the work through the claim's {@code SKIP LOCKED}. Stopping
 * interrupts a send under way: its transaction rolls back and the event stays owed.
 */
final class WebhookWorker implements EventArrivals, AutoCloseable {

    static final Duration LOOK_AGAIN_EVERY = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(WebhookWorker.class);
    private static final Duration PAUSE_AFTER_FAILURE = Duration.ofSeconds(2);

    private final DeliverWebhooksUseCase deliveries;
    private final Consumer<DeliveryPolicy.Decision> outcomes;
    private final Semaphore news = new Semaphore(0);
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    private WebhookWorker(DeliverWebhooksUseCase deliveries, Consumer<DeliveryPolicy.Decision> outcomes) {
        this.deliveries = deliveries;
        this.outcomes = outcomes;
    }

    /** Starts {@code threads} workers; {@code outcomes} is told what followed each attempt. */
    static WebhookWorker start(DeliverWebhooksUseCase deliveries, Consumer<DeliveryPolicy.Decision> outcomes, int threads) {
        var worker = new WebhookWorker(deliveries, outcomes);
        for (int i = 0; i < threads; i++) {
            var thread = new Thread(worker::work, "webhook-worker-" + i);
            thread.setDaemon(true);
            worker.threads.add(thread);
            thread.start();
        }
        return worker;
    }

    private void work() {
        while (running) {
            try {
                var delivered = deliveries.deliverOne();
                delivered.ifPresent(outcomes);
                if (delivered.isEmpty()) {
                    rest(LOOK_AGAIN_EVERY);
                }
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warn("a webhook delivery failed, trying again in {}: {}", PAUSE_AFTER_FAILURE, e.toString());
                rest(PAUSE_AFTER_FAILURE);
            }
        }
    }

    private void rest(Duration atMost) {
        try {
            news.tryAcquire(atMost.toMillis(), TimeUnit.MILLISECONDS);
            news.drainPermits();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void arrived(StoreId storeId) {
        news.release(threads.size());
    }

    @Override
    public void arrivedAnywhere() {
        news.release(threads.size());
    }

    @Override
    public void close() {
        running = false;
        threads.forEach(Thread::interrupt);
        for (var thread : threads) {
            try {
                thread.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
