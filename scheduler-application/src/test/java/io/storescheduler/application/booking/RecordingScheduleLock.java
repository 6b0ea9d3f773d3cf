package io.storescheduler.application.booking;

import io.storescheduler.application.shared.StoreScheduleLock;
import io.storescheduler.domain.id.StoreId;

/**
 * Logs each lock among the repository's reads; like the store's row lock in PostgreSQL,
 * it only means something inside a transaction, so taking it outside one is a bug.
 */
final class RecordingScheduleLock implements StoreScheduleLock {

    private final EventLog events;
    private final SnapshotTransactionRunner transactions;

    RecordingScheduleLock(EventLog events, SnapshotTransactionRunner transactions) {
        this.events = events;
        this.transactions = transactions;
    }

    @Override
    public void lock(StoreId storeId) {
        if (!transactions.isOpen()) {
            throw new IllegalStateException("the schedule lock of store " + storeId + " taken outside a transaction");
        }
        events.record("lock store " + storeId);
    }
}
