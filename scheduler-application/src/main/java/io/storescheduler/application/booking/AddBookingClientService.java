package io.storescheduler.application.booking;

import io.storescheduler.application.shared.Outcome;
import io.storescheduler.application.shared.Refusal;
import io.storescheduler.domain.event.BookingEventType;
import io.storescheduler.domain.booking.BookingLifecycle;

/** Adds a client of the store to a booking's party. */
public record AddBookingClientService(
        BookingRepository bookings, BookingReferences references, BookingEdits edits) implements AddBookingClientUseCase {

    @Override
    public Outcome<BookingView> addClient(AddBookingClientCommand command) {
        return edits.edit(command.storeId(), command.bookingId(), command.expectedVersion(), BookingEventType.PARTY_CHANGED, booking ->
                Outcome.done(booking)
                        .ensure(open -> BookingLifecycle.canChangeParty(open.status()), closed -> BookingViews.notEditable(closed, "the party"))
                        .flatMap(open -> references.client(command.storeId(), command.clientId()).map(client -> open))
                        .flatMap(open -> bookings.addClient(command.storeId(), command.bookingId(), command.clientId())
                                ? Outcome.done(open) : Outcome.refused(Refusal.conflict("client_already_in_party",
                                        "client " + command.clientId() + " is in this booking's party already"))));
    }
}
