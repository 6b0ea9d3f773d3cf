package io.storescheduler.adapter.http.shared;

import io.javalin.http.Context;
import io.storescheduler.application.shared.PageRequest;
import java.time.Instant;
import java.time.ZoneId;
import java.util.OptionalLong;
import java.util.function.LongFunction;

/**
 * Path and query parameters read into values, each refusal naming its parameter: a path id that
 * is not a positive whole number is a 404 like any id the store does not have; a bad query
 * parameter is a 400 {@code invalid_parameter}.
 */
public final class Parameters {

    private Parameters() {}

    /** Which start times a list asks for: {@code [from, to)}, either bound open when absent. */
    public record TimeWindow(Instant from, Instant to) {}

    /** A positive whole number, or empty: the one reading of every id the API takes. */
    public static OptionalLong positiveLong(String raw) {
        if (raw == null) {
            return OptionalLong.empty();
        }
        try {
            var value = Long.parseLong(raw);
            return value > 0 ? OptionalLong.of(value) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    public static long pathId(Context ctx, String name) {
        var raw = ctx.pathParam(name);
        return positiveLong(raw).orElseThrow(
                () -> ApiProblem.notFound("no " + name.replace("_id", "").replace('_', ' ') + " '" + raw + "'"));
    }

    /**
     * A path id as the typed id it names, e.g. {@code pathId(ctx, "booking_id", BookingId::new)};
     * refused as {@link #pathId(Context, String)} is.
     */
    public static <T> T pathId(Context ctx, String name, LongFunction<T> type) {
        return type.apply(pathId(ctx, name));
    }

    /** An id query parameter, or null when absent; anything but a positive whole number is a 400. */
    public static Long idParam(Context ctx, String name) {
        var raw = ctx.queryParam(name);
        if (raw == null) {
            return null;
        }
        return positiveLong(raw).orElseThrow(
                () -> ApiProblem.badRequest("invalid_parameter", name, name + " must be a positive whole number"));
    }

    /** An id query parameter as the typed id it names, or null when absent; refused as {@link #idParam(Context, String)}. */
    public static <T> T idParam(Context ctx, String name, LongFunction<T> type) {
        return Ids.orNull(idParam(ctx, name), type);
    }

    public static PageRequest page(Context ctx) {
        var limit = intParam(ctx, "limit", PageRequest.DEFAULT_LIMIT, 1, PageRequest.MAX_LIMIT);
        var offset = intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        return new PageRequest(limit, offset);
    }

    public static int intParam(Context ctx, String name, int fallback, int min, int max) {
        var raw = ctx.queryParam(name);
        if (raw == null) {
            return fallback;
        }
        try {
            var value = Integer.parseInt(raw);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiProblem.badRequest("invalid_parameter", name, name + " must be a whole number from " + min + " to " + max);
    }

    /** A text query parameter of at most {@code maxLength} characters, or null when absent. */
    public static String textParam(Context ctx, String name, int maxLength) {
        var value = ctx.queryParam(name);
        if (value != null && (value.length() > maxLength || value.indexOf('\u0000') >= 0)) {
            throw ApiProblem.badRequest("invalid_parameter", name, name + " is text of at most " + maxLength + " characters");
        }
        return value;
    }

    /** The {@code from} and {@code to} query parameters of a store in {@code zone}: datetimes with an offset, {@code from} not after {@code to}. */
    public static TimeWindow window(Context ctx, ZoneId zone) {
        var from = datetimeParam(ctx, "from", zone);
        var to = datetimeParam(ctx, "to", zone);
        if (from != null && to != null && from.isAfter(to)) {
            throw ApiProblem.badRequest("invalid_parameter", "from", "from must not be after to");
        }
        return new TimeWindow(from, to);
    }

    /**
     * A datetime query parameter, or null when absent. An offset's {@code +} sent unencoded arrives
     * as a space (form decoding), so the refusal then says to send it as {@code %2B}.
     */
    public static Instant datetimeParam(Context ctx, String name, ZoneId zone) {
        var value = ctx.queryParam(name);
        if (value != null && value.contains(" ")) {
            throw ApiProblem.badRequest("invalid_datetime", name, name + " holds a space: send the + of an offset as %2B, e.g. "
                    + name + "=2026-12-05T14:00:00%2B08:00");
        }
        return value == null ? null : Times.parse(name, value, zone);
    }
}
