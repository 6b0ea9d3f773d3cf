package io.storescheduler.adapter.http.operations;

import java.util.OptionalLong;
import java.util.Set;

/**
 * One answered request as operators see it. {@code route} is the matched route's template
 * ({@code /api/v1/stores/{store_id}/bookings/{booking_id}}), never the raw path, so it can label
 * metrics without their number growing with the ids; a path no route matches is {@link #UNMATCHED}.
 * {@code method} is bounded the same way: one of the API's methods, or {@link #OTHER_METHOD}.
 */
public record Exchange(String method, String route, String path, int status, double durationMillis,
        String requestId, OptionalLong storeId) {

    public static final String UNMATCHED = "unmatched";
    /** The label of every method the API has no route for, so that made-up methods add no metric series. */
    public static final String OTHER_METHOD = "OTHER";
    private static final Set<String> API_METHODS = Set.of("GET", "POST", "PATCH", "DELETE");

    /** {@code method} when the API uses it, else {@link #OTHER_METHOD}. */
    public static String methodLabel(String method) {
        return API_METHODS.contains(method) ? method : OTHER_METHOD;
    }
}
