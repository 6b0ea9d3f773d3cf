package io.storescheduler.application.booking;

import io.storescheduler.application.shared.FieldChange;
import io.storescheduler.application.shared.Outcome;
import io.storescheduler.domain.id.BookingId;
import io.storescheduler.domain.id.RoomId;
import io.storescheduler.domain.id.ScriptId;
import io.storescheduler.domain.id.StoreId;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * Change a booking: its script (while incomplete; a new script drops the character matches and
 * keeps free DMs), its start and room (incomplete or scheduled; a scheduled booking moves to the
 * slot of its new start), its note. Cancelled and completed bookings refuse every change.
 */
public interface PatchBookingUseCase {

    record PatchBookingCommand(
            StoreId storeId,
            BookingId bookingId,
            OptionalLong expectedVersion,
            FieldChange<Instant> startAt,
            FieldChange<ScriptId> scriptId,
            FieldChange<RoomId> roomId,
            FieldChange<String> note) {}

    Outcome<BookingView> patch(PatchBookingCommand command);
}
