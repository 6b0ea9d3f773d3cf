package io.storescheduler.adapter.http.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SharedCheckTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final AtomicInteger checks = new AtomicInteger();
    private final AtomicBoolean up = new AtomicBoolean(true);
    private final CountDownLatch started = new CountDownLatch(1);
    private final AtomicReference<CountDownLatch> gate = new AtomicReference<>();
    private final SharedCheck shared = new SharedCheck(this::check, Duration.ofSeconds(1), now::get);

    @Test
    void callers_within_the_fresh_time_share_one_check() {
        for (int i = 0; i < 1_000; i++) {
            assertTrue(shared.getAsBoolean());
            now.addAndGet(Duration.ofMillis(1).toNanos() / 2);
        }

        assertEquals(1, checks.get());
    }

    @Test
    void a_result_as_old_as_the_fresh_time_is_checked_again() {
        assertTrue(shared.getAsBoolean());

        up.set(false);
        now.addAndGet(Duration.ofMillis(999).toNanos());
        assertTrue(shared.getAsBoolean(), "still fresh");
        now.addAndGet(Duration.ofMillis(1).toNanos());
        assertFalse(shared.getAsBoolean(), "checked again");

        assertEquals(2, checks.get());
    }

    @Test
    void while_a_check_runs_a_caller_gets_the_result_before_it_without_waiting() throws Exception {
        assertTrue(shared.getAsBoolean());
        up.set(false);
        var release = new CountDownLatch(1);
        gate.set(release);
        now.addAndGet(Duration.ofSeconds(2).toNanos());

        try (var pool = Executors.newSingleThreadExecutor()) {
            var running = pool.submit(shared::getAsBoolean);
            assertTrue(started.await(30, TimeUnit.SECONDS), "the second check started");

            assertTrue(shared.getAsBoolean(), "the earlier result, at once (waiting would see the running check's false)");
            release.countDown();
            assertFalse(running.get(30, TimeUnit.SECONDS));
        }
        assertEquals(2, checks.get());
    }

    @Test
    void the_first_callers_wait_for_the_one_running_check_and_share_its_result() throws Exception {
        var release = new CountDownLatch(1);
        gate.set(release);

        try (var pool = Executors.newFixedThreadPool(4)) {
            var first = pool.submit(shared::getAsBoolean);
            assertTrue(started.await(30, TimeUnit.SECONDS), "the first check started");
            var others = java.util.stream.IntStream.range(0, 3).mapToObj(i -> pool.submit(shared::getAsBoolean)).toList();
            release.countDown();
            assertTrue(first.get(30, TimeUnit.SECONDS));
            for (var other : others) {
                assertTrue(other.get(30, TimeUnit.SECONDS));
            }
        }
        assertEquals(1, checks.get());
    }

    private boolean check() {
        checks.incrementAndGet();
        var wait = gate.get();
        if (wait != null) {
            started.countDown();
            try {
                wait.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return up.get();
    }
}
