package io.storescheduler.adapter.http.shared;

import io.javalin.http.Context;
import io.storescheduler.application.idempotency.IdempotencyKey;
import io.storescheduler.application.idempotency.IdempotencyUseCase.KeyedRequest;
import io.storescheduler.application.idempotency.IdempotencyUseCase.Start;
import io.storescheduler.application.idempotency.IdempotencyUseCase;
import io.storescheduler.application.idempotency.RecordedAnswer;
import io.storescheduler.domain.id.StoreId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Safe retries of the routes that create something. A request with an {@code Idempotency-Key}
 * claims the key (committed before its work starts), runs, and its answer is kept, 4xx included;
 * a retry with the same key and the same request gets that answer again, marked
 * {@code Idempotent-Replayed: true}. A 5xx is not kept: the key is freed so a retry runs again.
 * The same key on another request is a 422, and while its first request still runs a 409.
 */
public record Idempotency(IdempotencyUseCase idempotency, Problems problems) {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final Logger LOG = LoggerFactory.getLogger(Idempotency.class);

    /** The work a keyed request runs once: the route's handler, with its caller and store known. */
    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }

    /** Runs {@code work} once per key of {@code actorId} in {@code storeId} ({@link IdempotencyKey#NO_STORE} outside stores). */
    public void run(Context ctx, long actorId, StoreId storeId, Work work) throws Exception {
        var key = ctx.header(HEADER);
        if (key == null) {
            work.run();
            return;
        }
        var request = new KeyedRequest(scoped(key, actorId, storeId), ctx.method().name(), path(ctx), RequestBody.bytes(ctx));
        switch (idempotency.start(request)) {
            case Start.Proceed proceed -> runOnce(ctx, request, work);
            case Start.Replay replay -> replay(ctx, replay.answer());
            case Start.InFlight inFlight -> throw new ApiProblem(409, "idempotency_key_in_flight",
                    "the first request with this Idempotency-Key has not answered yet; retry once it has", List.of());
            case Start.KeyReused reused -> throw new ApiProblem(422, "idempotency_key_reused",
                    "this Idempotency-Key was sent with another request; a new request needs a new key", List.of());
        }
    }

    private void runOnce(Context ctx, KeyedRequest request, Work work) {
        try {
            work.run();
        } catch (Exception e) {
            problems.handle(e, ctx);
        }
        var answer = answerOf(ctx);
        try {
            if (answer.isServerError()) {
                idempotency.abandon(request);
            } else {
                idempotency.finish(request, answer);
            }
        } catch (RuntimeException e) {
            // the work is done and its answer written: the client gets it; the key's claim lapses by itself
            LOG.warn("could not write down the answer of {} {} under its Idempotency-Key", ctx.method(), ctx.path(), e);
        }
    }

    private static void replay(Context ctx, RecordedAnswer answer) {
        ctx.status(answer.status());
        if (answer.contentType() != null) {
            ctx.contentType(answer.contentType());
        }
        if (answer.etag() != null) {
            ctx.header("ETag", answer.etag());
        }
        ctx.header(REPLAYED, "true");
        ctx.result(answer.body());
    }

    private static RecordedAnswer answerOf(Context ctx) {
        byte[] body;
        try (var result = ctx.resultInputStream()) {
            body = result == null ? new byte[0] : result.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("answers are written from memory", e);
        }
        ctx.result(body);
        return new RecordedAnswer(ctx.statusCode(), ctx.res().getContentType(), ctx.res().getHeader("ETag"), body);
    }

    private static IdempotencyKey scoped(String key, long actorId, StoreId storeId) {
        if (!IdempotencyKey.isValid(key)) {
            throw ApiProblem.badRequest("invalid_idempotency_key", HEADER, HEADER + " must be 1.." + IdempotencyKey.MAX_LENGTH
                    + " printable ASCII characters, such as a UUID");
        }
        return new IdempotencyKey(actorId, storeId, key);
    }

    /** {@code /rooms} and {@code /rooms/} are one route, so they are one request too. */
    private static String path(Context ctx) {
        var path = ctx.path();
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
