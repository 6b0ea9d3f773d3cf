package io.storescheduler.adapter.jooq.shared;

import io.storescheduler.application.shared.Outcome;
import io.storescheduler.application.shared.TransactionRunner;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Runs a use case in one database transaction, on a connection bound to the thread so that every
 * repository call made by {@code work} joins it without passing a connection around. A call made
 * inside another joins the outer transaction.
 *
 * <p>Our own rather than jOOQ's {@code ThreadLocalTransactionProvider}: jOOQ's
 * {@code DefaultTransactionProvider} asks the connection for its isolation level at the start of
 * every transaction, and PostgreSQL's driver answers that with a {@code SHOW TRANSACTION ISOLATION
 * LEVEL} round trip. No jOOQ setting turns that off, and we never change the isolation level.
 *
 * <p>An integrity violation that escapes {@code work} leaves as a conflict ({@link IntegrityConflicts}).
 * A refused {@link Outcome} rolls back like a throw, without one: refusals are answers, not failures.
 * Refused inside work that joined an outer transaction, it rolls the outer one back too.
 */
public record JooqTransactionRunner(ThreadConnections connections) implements TransactionRunner {

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return run(work, result -> true);
    }

    @Override
    public <T> Outcome<T> attempt(Supplier<Outcome<T>> work) {
        return run(work, Outcome::isDone);
    }

    /** Runs {@code work}, committing when {@code commits} says so of its result and rolling back otherwise. */
    private <T> T run(Supplier<T> work, Predicate<T> commits) {
        return connections.inTransaction() ? joined(work, commits) : alone(work, commits);
    }

    /** Work inside an outer transaction: a refusal marks it to roll back too, whatever the outer work answers. */
    private <T> T joined(Supplier<T> work, Predicate<T> commits) {
        var result = work.get();
        if (!commits.test(result)) {
            connections.markRollbackOnly();
        }
        return result;
    }

    private <T> T alone(Supplier<T> work, Predicate<T> commits) {
        var connection = connections.begin();
        try {
            var result = work.get();
            if (commits.test(result) && !connections.isRollbackOnly()) {
                commit(connection);
            } else {
                discard(connection);
            }
            return result;
        } catch (RuntimeException e) {
            rollback(connection, e);
            throw IntegrityConflicts.translate(e);
        } catch (Error e) {
            rollback(connection, e);
            throw e;
        } finally {
            connections.end(connection);
        }
    }

    private static void commit(Connection connection) {
        try {
            connection.commit();
        } catch (SQLException e) {
            throw Outages.failure(e);
        }
    }

    private static void discard(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            throw Outages.failure(e);
        }
    }

    private static void rollback(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            // the connection is gone; the pool will not hand it out again
            cause.addSuppressed(e);
        }
    }
}
