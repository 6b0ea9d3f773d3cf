package io.storescheduler.application.booking;

import io.storescheduler.application.shared.Outcome;
import io.storescheduler.application.shared.Page;
import io.storescheduler.application.shared.PageRequest;
import io.storescheduler.domain.id.BookingId;
import io.storescheduler.domain.id.StoreId;

/**
 * Every booking one booking is in conflict with, by id, a page at a time: the whole list that a
 * booking answer's {@code conflict_booking_ids} cuts short, its total the exact conflict count.
 */
public interface ListBookingConflictsUseCase {

    record ListBookingConflictsQuery(StoreId storeId, BookingId bookingId, PageRequest page) {}

    Outcome<Page<ConflictingBooking>> list(ListBookingConflictsQuery query);
}
