package io.storescheduler.adapter.http.operations;

import java.util.OptionalLong;

/**
 * One answered request as operators see it. {@code route} is the matched route's template
 * ({@code /api/v1/stores/{store_id}/bookings/{booking_id}}), never the raw path, so it can label
 * metrics without their number growing with the ids; a path no route matches is {@link #UNMATCHED}.
 */
public record Exchange(String method, String route, String path, int status, double durationMillis,
        String requestId, OptionalLong storeId) {

    public static final String UNMATCHED = "unmatched";
}
