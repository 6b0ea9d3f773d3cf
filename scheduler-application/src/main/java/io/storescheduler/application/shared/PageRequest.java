package io.storescheduler.application.shared;

/** Which part of a list to answer: at most {@code limit} items after skipping {@code offset}. */
public record PageRequest(int limit, int offset) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT || offset < 0) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + " and offset >= 0");
        }
    }

    public static PageRequest first() {
        return new PageRequest(DEFAULT_LIMIT, 0);
    }
}
