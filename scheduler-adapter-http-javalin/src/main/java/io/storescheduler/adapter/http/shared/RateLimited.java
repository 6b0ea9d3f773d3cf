package io.storescheduler.adapter.http.shared;

import io.storescheduler.application.limits.RateDecision;
import io.storescheduler.application.limits.RatePolicy;

/**
 * A request refused by a rate limit: answered 429 {@code rate_limited} with {@code Retry-After}
 * and the {@code RateLimit-Policy} and {@code RateLimit} fields of draft-ietf-httpapi-ratelimit-headers-10
 * (structured-field lists: {@code "name";q=<quota>;w=<window seconds>} and
 * {@code "name";r=<remaining>;t=<seconds until the quota is whole again>}). A token bucket is told
 * as its burst over the seconds it takes to fill, which is its sustained rate too.
 */
public final class RateLimited extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient RatePolicy policy;
    private final transient RateDecision decision;

    public RateLimited(RatePolicy policy, RateDecision decision, String detail) {
        super(detail, null, false, false);
        this.policy = policy;
        this.decision = decision;
    }

    String retryAfter() {
        return Long.toString(decision.secondsToRetry());
    }

    String policyField() {
        return "\"" + policy.name() + "\";q=" + policy.burst() + ";w=" + policy.secondsToFill();
    }

    String limitField() {
        return "\"" + policy.name() + "\";r=" + decision.remaining() + ";t=" + decision.secondsToFull();
    }
}
