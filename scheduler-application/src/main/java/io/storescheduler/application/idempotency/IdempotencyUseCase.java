package io.storescheduler.application.idempotency;

/**
 * Safe retries of a request that creates something: the first request with a key runs and its
 * answer is kept for at least a day; a retry with the same key and the same request gets that
 * answer again instead of creating a second thing. The same key on another request, or while the
 * first is still running, is refused.
 */
public interface IdempotencyUseCase {

    /** A request that carries an idempotency key: the key, and what makes this request this request. */
    record KeyedRequest(IdempotencyKey key, String method, String path, byte[] body) {

        public KeyedRequest {
            body = body.clone();
        }

        @Override
        public byte[] body() {
            return body.clone();
        }
    }

    /** What to do with a keyed request. */
    sealed interface Start {

        /** The key is this request's now: run it, then {@link #finish} or {@link #abandon} it. */
        record Proceed() implements Start {}

        /** The same request ran before: answer what it answered. */
        record Replay(RecordedAnswer answer) implements Start {}

        /** The same request is running right now under this key. */
        record InFlight() implements Start {}

        /** The key was used for another request (another body, route or method). */
        record KeyReused() implements Start {}
    }

    Start start(KeyedRequest request);

    /** Keeps the answer of a request that was told to {@link Start.Proceed}. */
    void finish(KeyedRequest request, RecordedAnswer answer);

    /** Frees the key of a request that was told to proceed and failed on the server's side, so a retry runs it again. */
    void abandon(KeyedRequest request);
}
