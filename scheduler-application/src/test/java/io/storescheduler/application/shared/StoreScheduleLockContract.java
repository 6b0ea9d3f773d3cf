package io.storescheduler.application.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * What every {@link StoreScheduleLock} does within one thread, run on the recording lock the
 * booking service tests trust and on the jOOQ adapter over PostgreSQL: a transaction may lock
 * what it already holds, and the lock ends with the transaction, committed or rolled back. A lock
 * that outlived its transaction would make the next one wait for ever, so that one runs against a
 * timeout that only keeps the test from hanging. Left out, as only the database can show them:
 * transactions racing for the lock, which wait for each other only within a store; and a lock
 * taken outside a transaction, which the fake refuses as a bug and PostgreSQL holds for its one
 * statement. The jOOQ test states the races itself.
 */
public abstract class StoreScheduleLockContract extends PortContract<ScheduleLockPortsUnderTest> {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    protected StoreScheduleLockContract(ScheduleLockPortsUnderTest ports) {
        super(ports);
    }

    private StoreScheduleLock lock() {
        return ports().scheduleLock();
    }

    private TransactionRunner transactions() {
        return ports().transactions();
    }

    @Test
    void a_transaction_locks_a_store_it_already_holds_and_others_beside_it_without_waiting() {
        var storeId = ports().newStoreId();
        var otherId = ports().newStoreId();

        var done = assertTimeoutPreemptively(PATIENCE, () -> transactions().inTransaction(() -> {
            lock().lock(storeId);
            lock().lock(otherId);
            lock().lock(storeId);
            return "locked";
        }));

        assertEquals("locked", done);
    }

    @Test
    void the_lock_ends_with_its_transaction_whether_it_commits_or_rolls_back() {
        var storeId = ports().newStoreId();
        transactions().inTransaction(() -> {
            lock().lock(storeId);
            return null;
        });
        assertThrows(IllegalStateException.class, () -> transactions().inTransaction(() -> {
            lock().lock(storeId);
            throw new IllegalStateException("the use case failed");
        }));

        var next = assertTimeoutPreemptively(PATIENCE, () -> transactions().inTransaction(() -> {
            lock().lock(storeId);
            return "locked again";
        }));

        assertEquals("locked again", next);
    }
}
