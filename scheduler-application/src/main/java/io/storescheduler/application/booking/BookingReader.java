package io.storescheduler.application.booking;

import io.storescheduler.domain.id.BookingId;
import io.storescheduler.domain.id.StoreId;
import java.util.Optional;

/**
 * Reads a booking as every answer shows it, with its conflicts, in one statement: one snapshot
 * without a transaction around it.
 */
public interface BookingReader {

    /** The booking with its conflicts (none unless its status shows them); empty when the store has no such booking. */
    Optional<BookingView> findWithConflicts(StoreId storeId, BookingId bookingId);
}
