package io.storescheduler.application.booking;

/** The slot fake the booking service tests use, held to the contract the jOOQ adapter is held to. */
class InMemorySlotRepositoryTest extends SlotRepositoryContract {

    InMemorySlotRepositoryTest() {
        super(new InMemoryBookingPorts());
    }
}
