package io.storescheduler.adapter.http.limits;

import io.storescheduler.adapter.http.shared.RateLimited;
import io.storescheduler.application.access.Actor;
import io.storescheduler.application.limits.RateLimiter;

/**
 * The rate limits of the API: one bucket per actor for every request it makes, and one per client
 * address for its failed authentications (no token, or an unknown one). An address that has failed
 * too often is answered 429 for a token this instance does not know already, without asking the
 * database, so a flood of made-up tokens costs no query; a known token from it still works.
 */
public record RequestLimits(RateLimiter perActor, RateLimiter failedAuthentication) {

    /** Whether a token from {@code address} may be looked up in the database. */
    public boolean mayLookUpTokensFrom(String address) {
        return failedAuthentication.hasRoom(address);
    }

    /** What to answer a failed authentication from {@code address}: {@code unauthorized}, or a 429 once it failed too often. */
    public RuntimeException failedAuthentication(String address, RuntimeException unauthorized) {
        var decision = failedAuthentication.take(address);
        if (decision.allowed()) {
            return unauthorized;
        }
        return new RateLimited(failedAuthentication.policy(), decision,
                "too many requests without a known token from this address; retry in " + decision.secondsToRetry() + " s");
    }

    /** Lets the request of {@code actor} run, or refuses it with a 429 past the actor's rate. */
    public void admit(Actor actor) {
        var decision = perActor.take(Long.toString(actor.id()));
        if (!decision.allowed()) {
            var policy = perActor.policy();
            throw new RateLimited(policy, decision, "too many requests for this token: " + policy.perSecond()
                    + " a second, bursts of " + policy.burst() + "; retry in " + decision.secondsToRetry() + " s");
        }
    }
}
