package io.storescheduler.application.booking;

import io.storescheduler.application.shared.Outcome;
import java.util.OptionalLong;

/** A client joins an incomplete booking's party; a client is in a party once. */
public interface AddBookingClientUseCase {

    record AddBookingClientCommand(long storeId, long bookingId, OptionalLong expectedVersion, long clientId) {}

    Outcome<BookingView> addClient(AddBookingClientCommand command);
}
