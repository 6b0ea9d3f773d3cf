package io.storescheduler.adapter.http.shared;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * A request's body bytes, at most 1 MiB, read once and kept for the rest of the request: the
 * idempotency check and the JSON reader both look at them.
 */
public final class RequestBody {

    public static final long MAX_BYTES = 1024 * 1024;
    static final long MIN_BYTES_PER_SECOND = 4096;
    static final Duration GRACE = Duration.ofSeconds(5);
    private static final String KEPT = RequestBody.class.getName() + ".bytes";

    private RequestBody() {}

    public static byte[] bytes(Context ctx) {
        byte[] kept = ctx.attribute(KEPT);
        if (kept == null) {
            try {
                kept = read(ctx);
            } catch (IOException e) {
                throw ApiProblem.badRequest("malformed_json", "the body could not be read");
            }
            ctx.attribute(KEPT, kept);
        }
        return kept;
    }

    private static byte[] read(Context ctx) throws IOException {
        if (ctx.req().getContentLengthLong() > MAX_BYTES) {
            throw tooLarge();
        }
        var started = System.nanoTime();
        var body = new ByteArrayOutputStream();
        var chunk = new byte[16 * 1024];
        try (var in = ctx.req().getInputStream()) {
            for (int read = in.read(chunk); read >= 0; read = in.read(chunk)) {
                body.write(chunk, 0, read);
                if (body.size() > MAX_BYTES) {
                    throw tooLarge();
                }
                refuseTrickle(body.size(), System.nanoTime() - started);
            }
        }
        return body.toByteArray();
    }

    /**
     * Reading a body holds a thread, so one sent a byte a second would hold it for days: past a
     * grace of {@link #GRACE}, the body must keep up {@link #MIN_BYTES_PER_SECOND} on average, or
     * the request ends with a 408. (Jetty's own minimum rate has no grace, and cuts off small
     * bodies on a busy machine.) A body that stops altogether meets Jetty's idle timeout.
     */
    static void refuseTrickle(long bytes, long elapsedNanos) {
        var late = elapsedNanos - GRACE.toNanos();
        if (late > 0 && bytes < MIN_BYTES_PER_SECOND * late / 1_000_000_000L) {
            throw new ApiProblem(408, "request_timeout", "the body arrived slower than " + MIN_BYTES_PER_SECOND
                    + " bytes a second", List.of());
        }
    }

    private static ApiProblem tooLarge() {
        return new ApiProblem(413, "body_too_large", "the body is larger than 1 MiB", List.of());
    }
}
