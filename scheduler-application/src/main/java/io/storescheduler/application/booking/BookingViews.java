package io.storescheduler.application.booking;

import io.storescheduler.application.shared.UseCaseFailure;
import io.storescheduler.domain.booking.Booking;
import io.storescheduler.domain.booking.BookingLifecycle;
import io.storescheduler.domain.booking.ConflictReport;
import java.util.List;
import java.util.OptionalLong;

/** Reading bookings back with their conflicts, and the checks every booking write starts with. */
public final class BookingViews {

    private final BookingRepository bookings;
    private final ConflictFinder conflicts;

    public BookingViews(BookingRepository bookings, ConflictFinder conflicts) {
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

    /** Each booking with its conflicts, in the same order; the conflicts of all of them found at once. */
    List<BookingView> views(long storeId, List<Booking> page) {
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
