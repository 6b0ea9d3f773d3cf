package io.storescheduler.bootstrap;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storescheduler.application.idempotency.ForgetExpiredKeysUseCase;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ExpiredKeySweeperTest {

    @Test
    void it_sweeps_again_after_a_failed_sweep_and_stops_when_closed() throws InterruptedException {
        var calls = new AtomicInteger();
        var threeSweeps = new CountDownLatch(3);
        ForgetExpiredKeysUseCase failingFirst = () -> {
            threeSweeps.countDown();
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("database away");
            }
            return 0;
        };

        var sweeper = ExpiredKeySweeper.start(failingFirst, Duration.ofMillis(1));
        // a safety net against hanging, not a measurement
        assertTrue(threeSweeps.await(30, TimeUnit.SECONDS), "three sweeps, the first of them failed");
        sweeper.close();

        assertTrue(sweeper.stopped());
    }
}
