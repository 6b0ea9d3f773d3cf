package io.storescheduler.application.booking;

/** The conflict finder the booking service tests use, held to the cases the jOOQ adapter is held to. */
class RuleConflictFinderTest extends ConflictFinderContract {

    RuleConflictFinderTest() {
        super(new InMemoryBookingPorts());
    }
}
