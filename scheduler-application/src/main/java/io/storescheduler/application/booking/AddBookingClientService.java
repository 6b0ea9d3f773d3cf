package io.storescheduler.application.booking;

import io.storescheduler.domain.event.BookingEventType;
import io.storescheduler.application.shared.UseCaseFailure;
import io.storescheduler.domain.booking.BookingLifecycle;

/** Adds a client of the store to a booking's party. */
public final class AddBookingClientService implements AddBookingClientUseCase {

    private final BookingRepository bookings;
    private final BookingReferences references;
    private final BookingEdits edits;

    public AddBookingClientService(BookingRepository bookings, BookingReferences references, BookingEdits edits) {
        this.bookings = bookings;
        this.references = references;
        this.edits = edits;
    }

    @Override
    public BookingView addClient(AddBookingClientCommand command) {
        return edits.edit(command.storeId(), command.bookingId(), command.expectedVersion(), BookingEventType.PARTY_CHANGED, booking -> {
            if (!BookingLifecycle.canChangeParty(booking.status())) {
                throw BookingViews.notEditable(booking, "the party");
            }
            references.client(command.storeId(), command.clientId());
            if (!bookings.addClient(command.storeId(), command.bookingId(), command.clientId())) {
                throw UseCaseFailure.conflict("client_already_in_party",
                        "client " + command.clientId() + " is in this booking's party already");
            }
        });
    }
}
