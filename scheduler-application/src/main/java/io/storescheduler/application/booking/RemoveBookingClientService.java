package io.storescheduler.application.booking;

import io.storescheduler.application.shared.Outcome;
import io.storescheduler.application.shared.Refusal;
import io.storescheduler.domain.event.BookingEventType;
import io.storescheduler.domain.booking.BookingLifecycle;

/** Takes a client out of a booking's party; the database drops its character match with it. */
public record RemoveBookingClientService(BookingRepository bookings, BookingEdits edits) implements RemoveBookingClientUseCase {

    @Override
    public Outcome<BookingView> removeClient(RemoveBookingClientCommand command) {
        return edits.edit(command.storeId(), command.bookingId(), command.expectedVersion(), BookingEventType.PARTY_CHANGED, booking ->
                Outcome.done(booking)
                        .ensure(open -> BookingLifecycle.canChangeParty(open.status()), closed -> BookingViews.notEditable(closed, "the party"))
                        .flatMap(open -> bookings.removeClient(command.storeId(), command.bookingId(), command.clientId())
                                ? Outcome.done(open) : Outcome.refused(Refusal.notFound("client_not_in_party",
                                        "client " + command.clientId() + " is not in the party of booking " + command.bookingId()))));
    }
}
