package io.storescheduler.adapter.jooq.booking;

import io.storescheduler.adapter.jooq.PersistenceUnderTest;
import io.storescheduler.application.booking.BookingReaderContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The booking reader contract on PostgreSQL: one statement reads the booking with its conflicts. */
class JooqBookingReaderTest extends BookingReaderContract {

    @RegisterExtension
    static final PersistenceUnderTest db = PersistenceUnderTest.perClass();

    JooqBookingReaderTest() {
        super(db);
    }
}
