package io.storescheduler.application.booking;

import io.storescheduler.application.shared.FieldChange;
import io.storescheduler.application.shared.Outcome;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * Change a booking: its script (while incomplete; a new script drops the character matches and
 * keeps free DMs), its start and room (incomplete or scheduled; a scheduled booking moves to the
 * slot of its new start), its note. Cancelled and completed bookings refuse every change.
 */
public interface PatchBookingUseCase {

    record PatchBookingCommand(
            long storeId,
            long bookingId,
            OptionalLong expectedVersion,
            FieldChange<Instant> startAt,
            FieldChange<Long> scriptId,
            FieldChange<Long> roomId,
            FieldChange<String> note) {}

    Outcome<BookingView> patch(PatchBookingCommand command);
}
