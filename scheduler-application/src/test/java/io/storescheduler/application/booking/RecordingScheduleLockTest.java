package io.storescheduler.application.booking;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.storescheduler.application.shared.StoreScheduleLockContract;
import org.junit.jupiter.api.Test;

/** The schedule lock the booking service tests use, held to the contract the jOOQ adapter is held to. */
class RecordingScheduleLockTest extends StoreScheduleLockContract {

    RecordingScheduleLockTest() {
        super(new InMemoryBookingPorts());
    }

    @Test
    void a_lock_taken_outside_a_transaction_is_a_bug() {
        assertThrows(IllegalStateException.class, () -> ports().scheduleLock().lock(ports().newStoreId()));
    }
}
