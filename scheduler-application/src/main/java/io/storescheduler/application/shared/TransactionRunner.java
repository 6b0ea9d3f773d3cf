package io.storescheduler.application.shared;

import java.util.function.Supplier;

/**
 * The transaction boundary of a use case: everything {@code work} does through the out ports
 * commits together, or not at all when it throws, or when it answers a refusal.
 */
public interface TransactionRunner {

    <T> T inTransaction(Supplier<T> work);

    /**
     * Runs {@code work} in one transaction that commits when it is done and rolls back when it is
     * refused, so a refused write leaves nothing behind. Inside another transaction it joins it,
     * and a refusal there rolls the outer transaction back as well, whatever the outer work answers.
     */
    <T> Outcome<T> attempt(Supplier<Outcome<T>> work);
}
