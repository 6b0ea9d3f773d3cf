package io.storescheduler.application.booking;

import io.storescheduler.application.shared.Outcome;
import io.storescheduler.application.shared.Refusal;
import io.storescheduler.domain.booking.Booking;
import io.storescheduler.domain.booking.BookingLifecycle;
import io.storescheduler.domain.booking.ConflictReport;
import io.storescheduler.domain.id.BookingId;
import io.storescheduler.domain.id.StoreId;
import java.util.List;
import java.util.OptionalLong;

/** Reading bookings back with their conflicts, and the checks every booking write starts with. */
public record BookingViews(BookingRepository bookings, ConflictFinder conflicts) {

    /** The booking a write has just changed, read back: it holds the booking's lock, so the booking is there. */
    BookingView view(StoreId storeId, BookingId bookingId) {
        return view(bookings.find(storeId, bookingId).orElseThrow());
    }

    BookingView view(Booking booking) {
        var report = BookingLifecycle.showsConflicts(booking.status())
                ? conflicts.conflictsOf(booking.storeId(), booking.scheduleEntry())
                : ConflictReport.none();
        return new BookingView(booking, report);
    }

    /** Each booking with its conflicts, in the same order; the conflicts of all of them found at once. */
    List<BookingView> views(StoreId storeId, List<Booking> page) {
        var entries = page.stream()
                .filter(booking -> BookingLifecycle.showsConflicts(booking.status()))
                .map(Booking::scheduleEntry)
                .toList();
        var reports = conflicts.conflictsOfEach(storeId, entries);
        return page.stream()
                .map(booking -> new BookingView(booking, reports.getOrDefault(booking.id(), ConflictReport.none())))
                .toList();
    }

    /** The booking, locked for this transaction, at the version the caller expects if it says one. */
    Outcome<Booking> lockForChange(StoreId storeId, BookingId bookingId, OptionalLong expectedVersion) {
        return Outcome.of(bookings.findForUpdate(storeId, bookingId), () -> notFound(bookingId))
                .ensure(booking -> expectedVersion.isEmpty() || expectedVersion.getAsLong() == booking.version(),
                        booking -> Refusal.stale("booking " + bookingId, expectedVersion.getAsLong(), booking.version()));
    }

    static Refusal notFound(BookingId bookingId) {
        return Refusal.notFound("booking", bookingId);
    }

    static Refusal notEditable(Booking booking, String what) {
        return Refusal.conflict("booking_not_editable",
                "cannot change " + what + " of a " + booking.status().code() + " booking");
    }
}
