package io.storescheduler.application.booking;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.storescheduler.application.shared.StoreScheduleLock;
import io.storescheduler.application.shared.StoreScheduleLockContract;
import io.storescheduler.application.shared.TransactionRunner;
import io.storescheduler.domain.id.StoreId;
import org.junit.jupiter.api.Test;

/** The schedule lock the booking service tests use, held to the contract the jOOQ adapter is held to. */
class RecordingScheduleLockTest extends StoreScheduleLockContract {

    private final InMemoryBookingPorts ports = new InMemoryBookingPorts();

    @Override
    protected StoreScheduleLock lock() {
        return ports.scheduleLock();
    }

    @Override
    protected TransactionRunner transactions() {
        return ports.transactions();
    }

    @Override
    protected StoreId newStoreId() {
        return ports.newStoreId();
    }

    @Test
    void a_lock_taken_outside_a_transaction_is_a_bug() {
        assertThrows(IllegalStateException.class, () -> lock().lock(newStoreId()));
    }
}
