package io.storescheduler.application.booking;

/** The reader the booking service tests use, over the fakes, held to the contract the jOOQ adapter is held to. */
class InMemoryBookingReaderTest extends BookingReaderContract {

    InMemoryBookingReaderTest() {
        super(new InMemoryBookingPorts());
    }
}
