package io.storescheduler.application.booking;

import io.storescheduler.application.shared.Outcome;
import io.storescheduler.application.shared.TransactionRunner;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Runs the work at once, like a database transaction: when the work throws or is refused, every fake is put back
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
        return run(work, result -> true);
    }

    @Override
    public <T> Outcome<T> attempt(Supplier<Outcome<T>> work) {
        return run(work, Outcome::isDone);
    }

    private <T> T run(Supplier<T> work, Predicate<T> commits) {
        if (open) {
            throw new IllegalStateException("a use case opens one transaction, not one inside another");
        }
        var restores = fakes.stream().map(SnapshotTransactionRunner::restorer).toList();
        open = true;
        events.record("begin");
        try {
            T result = work.get();
            if (commits.test(result)) {
                events.record("commit");
            } else {
                restores.forEach(Runnable::run);
                events.record("rollback");
            }
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
