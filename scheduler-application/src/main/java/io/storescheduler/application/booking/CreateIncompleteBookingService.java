package io.storescheduler.application.booking;

import io.storescheduler.domain.event.BookingEventType;
import io.storescheduler.application.booking.BookingRepository.NewBooking;
import io.storescheduler.application.quota.StoreQuotas;
import io.storescheduler.application.shared.TransactionRunner;
import java.time.Clock;

/**
 * Creates a booking as {@code incomplete}; its end follows from the script's duration. Its
 * conflicts are only looked for when it can have any (a time and a room).
 */
public final class CreateIncompleteBookingService implements CreateIncompleteBookingUseCase {

    private final BookingRepository bookings;
    private final BookingReferences references;
    private final BookingViews views;
    private final TransactionRunner transactions;
    private final Clock clock;
    private final StoreQuotas quotas;
    private final BookingEvents events;

    public CreateIncompleteBookingService(BookingRepository bookings, BookingReferences references, BookingViews views,
            TransactionRunner transactions, Clock clock, StoreQuotas quotas, BookingEvents events) {
        this.bookings = bookings;
        this.references = references;
        this.views = views;
        this.transactions = transactions;
        this.clock = clock;
        this.quotas = quotas;
        this.events = events;
    }

    @Override
    public BookingView create(CreateIncompleteBookingCommand command) {
        return transactions.inTransaction(() -> {
            var storeId = command.storeId();
            quotas.ensureRoomForBookingAt(storeId, command.startAt());
            var endAt = command.scriptId() == null ? null
                    : references.endOf(command.startAt(), references.script(storeId, command.scriptId()));
            if (command.roomId() != null) {
                references.room(storeId, command.roomId());
            }
            var booking = new NewBooking(storeId, command.startAt(), endAt, command.scriptId(),
                    command.roomId(), command.note(), clock.instant());
            // no read back: the insert answers what the database set, the rest is what was written
            return events.record(BookingEventType.CREATED, views.view(booking.as(bookings.insert(booking))));
        });
    }
}
