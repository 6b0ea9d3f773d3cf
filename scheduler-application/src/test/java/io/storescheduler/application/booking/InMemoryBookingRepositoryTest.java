package io.storescheduler.application.booking;

/** The fake the booking service tests use, held to the contract the jOOQ adapter is held to. */
class InMemoryBookingRepositoryTest extends BookingRepositoryContract {

    InMemoryBookingRepositoryTest() {
        super(new InMemoryBookingPorts());
    }
}
