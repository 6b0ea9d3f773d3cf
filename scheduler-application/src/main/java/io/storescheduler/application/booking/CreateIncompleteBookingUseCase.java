package io.storescheduler.application.booking;

import io.storescheduler.application.shared.Outcome;
import io.storescheduler.domain.id.RoomId;
import io.storescheduler.domain.id.ScriptId;
import io.storescheduler.domain.id.StoreId;
import java.time.Instant;

/** The front desk starts a booking: a start time, and maybe already a script and a preferred room. */
public interface CreateIncompleteBookingUseCase {

    record CreateIncompleteBookingCommand(StoreId storeId, Instant startAt, ScriptId scriptId, RoomId roomId, String note) {}

    Outcome<BookingView> create(CreateIncompleteBookingCommand command);
}
