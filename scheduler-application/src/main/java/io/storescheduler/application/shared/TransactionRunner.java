package io.storescheduler.application.shared;

import java.util.function.Supplier;

/**
 * The transaction boundary of a use case: everything {@code work} does through the out ports
 * commits together, or not at all when it throws.
 */
public interface TransactionRunner {

    <T> T inTransaction(Supplier<T> work);
}
