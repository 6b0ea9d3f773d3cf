package io.storescheduler.application.booking;

import io.storescheduler.application.event.EventOutbox;
import io.storescheduler.application.event.EventOutboxContract;
import io.storescheduler.application.shared.TransactionRunner;
import io.storescheduler.domain.id.StoreId;

/** The outbox fake the booking service tests use, held to the contract the jOOQ adapter is held to. */
class InMemoryEventOutboxTest extends EventOutboxContract {

    private final InMemoryBookingPorts fakes = new InMemoryBookingPorts();

    @Override
    protected EventOutbox outbox() {
        return fakes.outbox();
    }

    @Override
    protected TransactionRunner transactions() {
        return fakes.transactions();
    }

    @Override
    protected StoreId newStoreId() {
        return fakes.newStoreId();
    }
}
