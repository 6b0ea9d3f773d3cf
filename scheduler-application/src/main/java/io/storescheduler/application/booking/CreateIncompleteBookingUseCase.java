package io.storescheduler.application.booking;

import io.storescheduler.application.shared.Outcome;
import java.time.Instant;

/** The front desk starts a booking: a start time, and maybe already a script and a preferred room. */
public interface CreateIncompleteBookingUseCase {

    record CreateIncompleteBookingCommand(long storeId, Instant startAt, Long scriptId, Long roomId, String note) {}

    Outcome<BookingView> create(CreateIncompleteBookingCommand command);
}
