package io.storescheduler.application.booking;

import io.storescheduler.application.booking.BookingRepository.NewBooking;
import io.storescheduler.application.quota.StoreQuotas;
import io.storescheduler.application.shared.Outcome;
import io.storescheduler.application.shared.TransactionRunner;
import io.storescheduler.domain.catalogue.Room;
import io.storescheduler.domain.event.BookingEventType;
import io.storescheduler.domain.id.RoomId;
import java.time.Clock;
import java.time.Instant;

/**
 * Creates a booking as {@code incomplete}; its end follows from the script's duration. Its
 * conflicts are only looked for when it can have any (a time and a room).
 */
public record CreateIncompleteBookingService(
        BookingRepository bookings, BookingReferences references, BookingViews views,
        TransactionRunner transactions, Clock clock, StoreQuotas quotas, BookingEvents events)
        implements CreateIncompleteBookingUseCase {

    @Override
    public Outcome<BookingView> create(CreateIncompleteBookingCommand command) {
        return transactions.attempt(() -> Outcome.unless(quotas.refusesBookingAt(command.storeId(), command.startAt()), command)
                .flatMap(this::newBooking)
                // no read back: the insert answers what the database set, the rest is what was written
                .flatMap(booking -> events.record(BookingEventType.CREATED, views.view(booking.as(bookings.insert(booking))))));
    }

    private Outcome<NewBooking> newBooking(CreateIncompleteBookingCommand command) {
        var storeId = command.storeId();
        Outcome<Instant> endAt = command.scriptId() == null ? Outcome.done(null)
                : references.script(storeId, command.scriptId()).flatMap(script -> references.endOf(command.startAt(), script));
        return endAt.flatMap(end -> roomOf(command).map(roomId -> new NewBooking(storeId, command.startAt(), end, command.scriptId(),
                roomId, command.note(), clock.instant())));
    }

    private Outcome<RoomId> roomOf(CreateIncompleteBookingCommand command) {
        return command.roomId() == null ? Outcome.done(null) : references.room(command.storeId(), command.roomId()).map(Room::id);
    }
}
