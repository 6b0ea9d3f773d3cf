package io.storescheduler.application.booking;

import io.storescheduler.application.shared.Outcome;
import io.storescheduler.domain.id.BookingId;
import io.storescheduler.domain.id.ClientId;
import io.storescheduler.domain.id.StoreId;
import java.util.OptionalLong;

/** A client leaves an incomplete booking's party, and its character match goes with it. */
public interface RemoveBookingClientUseCase {

    record RemoveBookingClientCommand(StoreId storeId, BookingId bookingId, OptionalLong expectedVersion, ClientId clientId) {}

    Outcome<BookingView> removeClient(RemoveBookingClientCommand command);
}
