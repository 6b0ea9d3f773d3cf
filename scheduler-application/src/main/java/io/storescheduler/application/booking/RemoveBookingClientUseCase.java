package io.storescheduler.application.booking;

import io.storescheduler.application.shared.Outcome;
import java.util.OptionalLong;

/** A client leaves an incomplete booking's party, and its character match goes with it. */
public interface RemoveBookingClientUseCase {

    record RemoveBookingClientCommand(long storeId, long bookingId, OptionalLong expectedVersion, long clientId) {}

    Outcome<BookingView> removeClient(RemoveBookingClientCommand command);
}
