package io.storescheduler.bootstrap;

import io.storescheduler.application.idempotency.ForgetExpiredKeysUseCase;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forgets expired idempotency keys every {@link #EVERY}, on a thread of its own, so the table
 * stays about a day's worth of keys even while few keyed requests arrive to forget them on the
 * way. Every instance runs one; their batches skip each other's rows. A failed sweep (the
 * database away) is logged and the next one tries again.
 */
final class ExpiredKeySweeper implements AutoCloseable {

    static final Duration EVERY = Duration.ofMinutes(10);

    private static final Logger LOG = LoggerFactory.getLogger(ExpiredKeySweeper.class);
    private static final Duration STOP_PATIENCE = Duration.ofSeconds(5);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(work -> {
        var thread = new Thread(work, "expired-idempotency-key-sweeper");
        thread.setDaemon(true);
        return thread;
    });

    private ExpiredKeySweeper() {}

    /** Sweeps with {@code keys} every {@code every}, the first time one period from now. */
    static ExpiredKeySweeper start(ForgetExpiredKeysUseCase keys, Duration every) {
        var sweeper = new ExpiredKeySweeper();
        sweeper.timer.scheduleWithFixedDelay(() -> sweep(keys), every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return sweeper;
    }

    private static void sweep(ForgetExpiredKeysUseCase keys) {
        try {
            var forgotten = keys.forgetExpired();
            if (forgotten > 0) {
                LOG.info("forgot {} expired idempotency keys", forgotten);
            }
        } catch (RuntimeException e) {
            LOG.warn("forgetting expired idempotency keys failed, trying again in {}: {}", EVERY, e.toString());
        }
    }

    boolean stopped() {
        return timer.isTerminated();
    }

    /** Lets a sweep under way finish its batch (a few seconds at most), then stops. */
    @Override
    public void close() {
        timer.shutdown();
        try {
            if (!timer.awaitTermination(STOP_PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
                timer.shutdownNow();
            }
        } catch (InterruptedException e) {
            timer.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
