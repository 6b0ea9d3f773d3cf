package io.storescheduler.application.calendar;

import io.storescheduler.application.booking.BookingPortsUnderTest;

/** The calendar repository a contract runs on, over the bookings and catalogue its feeds read. */
public interface CalendarPortsUnderTest extends BookingPortsUnderTest {

    CalendarRepository calendars();
}
