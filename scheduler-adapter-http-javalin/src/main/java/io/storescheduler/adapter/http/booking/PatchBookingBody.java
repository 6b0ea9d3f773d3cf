package io.storescheduler.adapter.http.booking;

import io.storescheduler.adapter.http.shared.Patch;
import io.storescheduler.adapter.http.shared.Times;
import io.storescheduler.application.booking.PatchBookingUseCase.PatchBookingCommand;
import io.storescheduler.domain.id.BookingId;
import io.storescheduler.domain.id.RoomId;
import io.storescheduler.domain.id.ScriptId;
import io.storescheduler.domain.store.Store;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A {@code PATCH /bookings/{booking_id}} body: a field that is absent stays as it is, a field that
 * is present is set, {@code null} clearing what may be cleared (not the start).
 */
final class PatchBookingBody {

    static final Set<String> CLEARABLE = Set.of("script_id", "room_id", "note");

    record Request(String startAt, @Positive Long scriptId, @Positive Long roomId, @Size(max = BookingRequests.MAX_NOTE_LENGTH) String note) {}

    private PatchBookingBody() {}

    static PatchBookingCommand toCommand(Store store, BookingId bookingId, OptionalLong expectedVersion, Patch<Request> body) {
        return new PatchBookingCommand(store.id(), bookingId, expectedVersion,
                body.change("start_at", Request::startAt).map(startAt -> Times.parse("start_at", startAt, store.timezone())),
                body.change("script_id", Request::scriptId).map(ScriptId::new), body.change("room_id", Request::roomId).map(RoomId::new),
                body.change("note", Request::note));
    }
}
