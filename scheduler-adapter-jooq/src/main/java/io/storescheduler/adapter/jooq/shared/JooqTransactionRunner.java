package io.storescheduler.adapter.jooq.shared;

import io.storescheduler.application.shared.TransactionRunner;
import java.util.function.Supplier;
import org.jooq.DSLContext;

/**
 * Runs a use case in one database transaction. The {@link DSLContext} is configured with jOOQ's
 * thread-local transaction provider, so every repository call made by {@code work} on this thread
 * joins the transaction without passing a connection around.
 */
public final class JooqTransactionRunner implements TransactionRunner {

    private final DSLContext dsl;

    public JooqTransactionRunner(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return dsl.transactionResult(work::get);
    }
}
