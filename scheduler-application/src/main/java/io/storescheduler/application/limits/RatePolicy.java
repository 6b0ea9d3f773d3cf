package io.storescheduler.application.limits;

/**
 * The shape of a token bucket: it holds at most {@code burst} requests and refills
 * {@code perSecond} of them each second, so a caller may send {@code burst} at once and
 * {@code perSecond} a second for ever. {@code name} tells the policies apart in answers.
 */
public record RatePolicy(String name, long perSecond, long burst) {

    public RatePolicy {
        if (perSecond < 1 || burst < 1) {
            throw new IllegalArgumentException("a rate limit needs at least 1 request a second and a burst of 1, not "
                    + perSecond + "/s and " + burst);
        }
    }

    /** The seconds an empty bucket takes to fill up again, rounded up. */
    public long secondsToFill() {
        return Math.ceilDiv(burst, perSecond);
    }
}
