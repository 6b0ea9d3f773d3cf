package io.storescheduler.application.idempotency;

/**
 * Forgets the idempotency keys past their retention, for a job every instance may run at once:
 * each batch skips the keys another instance is forgetting, so none is forgotten twice and no
 * instance waits for another.
 */
public interface ForgetExpiredKeysUseCase {

    /** Forgets every key expired by now, a batch per transaction; answers how many it forgot. */
    int forgetExpired();
}
