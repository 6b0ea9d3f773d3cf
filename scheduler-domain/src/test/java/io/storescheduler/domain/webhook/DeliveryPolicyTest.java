package io.storescheduler.domain.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DeliveryPolicyTest {

    private static final Instant NOW = Instant.parse("2026-12-05T06:00:00Z");

    @Test
    void a_success_moves_on() {
        assertInstanceOf(DeliveryPolicy.Decision.Delivered.class, DeliveryPolicy.after(true, null, 3, NOW.minusSeconds(600), NOW, 0.3));
    }

    @Test
    void the_first_retry_comes_within_30_seconds_and_each_wait_doubles_up_to_an_hour() {
        assertTrue(DeliveryPolicy.backoff(1, 0.999_999).compareTo(Duration.ofSeconds(30)) <= 0);
        assertEquals(Duration.ofSeconds(15), DeliveryPolicy.backoff(1, 0));
        assertEquals(Duration.ofSeconds(30), DeliveryPolicy.backoff(2, 0));
        assertEquals(Duration.ofSeconds(60), DeliveryPolicy.backoff(3, 0));
        assertEquals(Duration.ofMinutes(30), DeliveryPolicy.backoff(40, 0));
        assertEquals(Duration.ofMinutes(30), DeliveryPolicy.backoff(Integer.MAX_VALUE, 0));
    }

    @Test
    void waits_stay_within_half_and_all_of_their_step_for_any_jitter() {
        var random = new Random(20261205L);
        for (int i = 0; i < 10_000; i++) {
            var attempt = 1 + random.nextInt(30);
            var wait = DeliveryPolicy.backoff(attempt, random.nextDouble());
            var step = Duration.ofSeconds(30).multipliedBy(1L << Math.min(attempt - 1, 20));
            var full = step.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : step;
            assertTrue(wait.compareTo(full.dividedBy(2)) >= 0 && wait.compareTo(full) <= 0, attempt + " -> " + wait);
        }
    }

    @Test
    void a_receiver_failing_all_along_is_tried_for_a_day_then_disabled_with_the_reason() {
        var random = new Random(7L);
        var since = NOW;
        var at = NOW;
        var attempt = 1;
        DeliveryPolicy.Decision decision;
        while ((decision = DeliveryPolicy.after(false, "500 from the receiver", attempt, since, at, random.nextDouble()))
                instanceof DeliveryPolicy.Decision.RetryAt retry) {
            assertTrue(retry.at().isAfter(at));
            at = retry.at();
            attempt++;
        }
        var disabled = assertInstanceOf(DeliveryPolicy.Decision.Disable.class, decision);
        assertTrue(Duration.between(since, at).compareTo(Duration.ofHours(24)) >= 0, "tried for " + Duration.between(since, at));
        assertTrue(Duration.between(since, at).compareTo(Duration.ofHours(25)) <= 0, "tried for " + Duration.between(since, at));
        assertTrue(disabled.reason().contains("500 from the receiver"), disabled.reason());
    }

    @Test
    void the_first_failure_starts_the_day_of_failures() {
        var retry = assertInstanceOf(DeliveryPolicy.Decision.RetryAt.class, DeliveryPolicy.after(false, "timeout", 1, null, NOW, 0));
        assertEquals(NOW.plusSeconds(15), retry.at());
    }
}
