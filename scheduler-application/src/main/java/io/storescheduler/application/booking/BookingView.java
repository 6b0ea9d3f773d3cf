package io.storescheduler.application.booking;

import io.storescheduler.domain.booking.Booking;
import io.storescheduler.domain.booking.ConflictReport;

/** A booking as every answer shows it: with the conflicts it has right now. */
public record BookingView(Booking booking, ConflictReport conflicts) {}
