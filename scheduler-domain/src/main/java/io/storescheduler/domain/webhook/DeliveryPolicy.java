package io.storescheduler.domain.webhook;

import java.time.Duration;
import java.time.Instant;

/**
 * What follows an attempt to deliver an event to a webhook: on success the next event; on failure
 * a retry after an exponential backoff with jitter (within 30 seconds first, doubling up to an
 * hour), until the receiver has failed for a whole day, when the webhook is disabled with the
 * reason. With at most an hour between attempts, a failing receiver is tried for at least 24 hours.
 */
public final class DeliveryPolicy {

    public static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    public static final Duration LONGEST_WAIT = Duration.ofHours(1);
    public static final Duration FAILING_FOR_AT_MOST = Duration.ofHours(24);

    private DeliveryPolicy() {}

    /** What an attempt decided. */
    public sealed interface Decision {
        /** Delivered: on to the next event. */
        record Delivered() implements Decision {}

        /** Failed: try the same event again at {@code at}. */
        record RetryAt(Instant at) implements Decision {}

        /** Failed for a day: the webhook is disabled, {@code reason} saying why. */
        record Disable(String reason) implements Decision {}
    }

    /**
     * The decision after attempt number {@code attempt} (1 for the first) at {@code now}, which
     * {@code succeeded} or failed with {@code error}; {@code failingSince} is when the current run
     * of failures began (null when the previous attempt succeeded); {@code jitter} is drawn from [0, 1).
     */
    public static Decision after(boolean succeeded, String error, int attempt, Instant failingSince, Instant now, double jitter) {
        if (succeeded) {
            return new Decision.Delivered();
        }
        var since = failingSince == null ? now : failingSince;
        if (!Duration.between(since, now).minus(FAILING_FOR_AT_MOST).isNegative()) {
            return new Decision.Disable("every delivery failed from " + since + " to " + now + "; the last: " + error);
        }
        return new Decision.RetryAt(now.plus(backoff(attempt, jitter)));
    }

    /** The wait after the {@code attempt}-th failure in a row: 30 s, 60 s, 120 s ... up to an hour, each scaled by 0.5..1 for jitter. */
    public static Duration backoff(int attempt, double jitter) {
        if (attempt < 1 || jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("attempt " + attempt + " and jitter " + jitter);
        }
        var doublings = Math.min(attempt - 1, 20);
        var full = FIRST_RETRY.multipliedBy(1L << doublings);
        var capped = full.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : full;
        return Duration.ofMillis(Math.round(capped.toMillis() * (0.5 + jitter / 2)));
    }
}
