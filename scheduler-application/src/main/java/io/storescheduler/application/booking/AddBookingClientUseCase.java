package io.storescheduler.application.booking;

import io.storescheduler.application.shared.Outcome;
import io.storescheduler.domain.id.BookingId;
import io.storescheduler.domain.id.ClientId;
import io.storescheduler.domain.id.StoreId;
import java.util.OptionalLong;

/** A client joins an incomplete booking's party; a client is in a party once. */
public interface AddBookingClientUseCase {

    record AddBookingClientCommand(StoreId storeId, BookingId bookingId, OptionalLong expectedVersion, ClientId clientId) {}

    Outcome<BookingView> addClient(AddBookingClientCommand command);
}
