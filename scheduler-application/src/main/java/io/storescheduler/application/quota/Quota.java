package io.storescheduler.application.quota;

/**
 * What one store may hold: far above what a venue's desk makes, low enough that no store can make
 * the service keep or scan without end. Cancelled bookings count towards their day, as their rows
 * stay (lists, conflicts and checks still read them): counting only live ones would let a caller
 * grow a day without bound by creating and cancelling.
 */
public enum Quota {
    ROOMS("rooms", 200),
    SCRIPTS("scripts", 1_000),
    DMS("dms", 500),
    CLIENTS("clients", 200_000),
    BOOKINGS_PER_DAY("bookings_per_day", 2_000);

    private final String code;
    private final int limit;

    Quota(String code, int limit) {
        this.code = code;
        this.limit = limit;
    }

    /** The name a {@code quota_exceeded} answer gives the quota. */
    public String code() {
        return code;
    }

    public int limit() {
        return limit;
    }
}
