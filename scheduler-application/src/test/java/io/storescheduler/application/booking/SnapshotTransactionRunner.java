package io.storescheduler.application.booking;

import io.storescheduler.application.shared.TransactionRunner;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs the work at once, like a database transaction: when the work throws, every fake is put back
 * as it was at the start, so a refused change leaves nothing behind, just as a rollback would.
 */
final class SnapshotTransactionRunner implements TransactionRunner {

    private final EventLog events;
    private final List<Rollbackable<?>> fakes;
    private boolean open;

    SnapshotTransactionRunner(EventLog events, List<Rollbackable<?>> fakes) {
        this.events = events;
        this.fakes = List.copyOf(fakes);
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (open) {
            throw new IllegalStateException("a use case opens one transaction, not one inside another");
        }
        var restores = fakes.stream().map(SnapshotTransactionRunner::restorer).toList();
        open = true;
        events.record("begin");
        try {
            T result = work.get();
            events.record("commit");
            return result;
        } catch (RuntimeException e) {
            restores.forEach(Runnable::run);
            events.record("rollback");
            throw e;
        } finally {
            open = false;
        }
    }

    boolean isOpen() {
        return open;
    }

    private static <S> Runnable restorer(Rollbackable<S> fake) {
        S saved = fake.snapshot();
        return () -> fake.restore(saved);
    }
}
