package io.storescheduler.application.booking;

import io.storescheduler.application.shared.UseCaseFailure;
import io.storescheduler.domain.booking.Booking;
import io.storescheduler.domain.booking.BookingLifecycle;
import io.storescheduler.domain.booking.ConflictReport;
import java.util.OptionalLong;

/** Reading bookings back with their conflicts, and the checks every booking write starts with. */
final class BookingViews {

    private final BookingRepository bookings;
    private final ConflictFinder conflicts;

    BookingViews(BookingRepository bookings, ConflictFinder conflicts) {
        this.bookings = bookings;
        this.conflicts = conflicts;
    }

    BookingView view(long storeId, long bookingId) {
        return view(bookings.find(storeId, bookingId).orElseThrow(() -> notFound(bookingId)));
    }

    BookingView view(Booking booking) {
        var report = BookingLifecycle.showsConflicts(booking.status())
                ? conflicts.conflictsOf(booking.storeId(), booking.scheduleEntry())
                : ConflictReport.none();
        return new BookingView(booking, report);
    }

    /** The booking, locked for this transaction, at the version the caller expects if it says one. */
    Booking lockForChange(long storeId, long bookingId, OptionalLong expectedVersion) {
        var booking = bookings.findForUpdate(storeId, bookingId).orElseThrow(() -> notFound(bookingId));
        if (expectedVersion.isPresent() && expectedVersion.getAsLong() != booking.version()) {
            throw UseCaseFailure.stale("booking " + bookingId, expectedVersion.getAsLong(), booking.version());
        }
        return booking;
    }

    static UseCaseFailure notFound(long bookingId) {
        return UseCaseFailure.notFound("booking", bookingId);
    }

    static UseCaseFailure notEditable(Booking booking, String what) {
        return UseCaseFailure.conflict("booking_not_editable",
                "cannot change " + what + " of a " + booking.status().code() + " booking");
    }
}
