package io.storescheduler.adapter.http.booking;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** The bodies of the booking routes, with their bounds. */
final class BookingRequests {

    static final int MAX_NOTE_LENGTH = 2000;

    private BookingRequests() {}

    record CreateIncompleteBookingRequest(
            @NotNull @Size(max = 64) String startAt,
            @Positive Long scriptId,
            @Positive Long roomId,
            @Size(max = MAX_NOTE_LENGTH) String note) {}

    record AddClientRequest(@NotNull @Positive Long clientId) {}

    record AddClientMatchRequest(@NotNull @Positive Long characterId, @NotNull @Positive Long clientId) {}

    record AddDmMatchRequest(@Positive Long characterId, @NotNull @Positive Long dmId) {}

    /** Both optional; neither may be null. */
    record PatchClientMatchRequest(@Positive Long characterId, @Positive Long clientId) {}

    /** Both optional; {@code character_id} null makes the DM a free DM. */
    record PatchDmMatchRequest(@Positive Long characterId, @Positive Long dmId) {}
}
