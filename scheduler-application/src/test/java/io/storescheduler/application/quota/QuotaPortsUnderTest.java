package io.storescheduler.application.quota;

import io.storescheduler.application.booking.BookingPortsUnderTest;

/** The quota ledger a contract runs on, over the bookings and catalogue it counts. */
public interface QuotaPortsUnderTest extends BookingPortsUnderTest {

    QuotaLedger quotas();
}
