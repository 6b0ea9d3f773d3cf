package io.storescheduler.adapter.http.catalogue;

import io.storescheduler.domain.booking.BookingTimes;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The bodies of the catalogue routes, with their bounds: one set of bounds for create and change. */
final class CatalogueRequests {

    static final int MAX_NAME = 100;
    static final int MAX_SCRIPT_NAME = 200;
    static final int MAX_CAPACITY = 1000;
    static final int MAX_PHONE = 40;

    private CatalogueRequests() {}

    record CreateRoomRequest(
            @NotNull @Size(min = 1, max = MAX_NAME) String name,
            @NotNull @Min(1) @Max(MAX_CAPACITY) Integer capacity,
            Boolean active) {}

    record CharacterRequest(@NotNull @Size(min = 1, max = MAX_NAME) String name, Boolean isDm) {}

    record CreateScriptRequest(
            @NotNull @Size(min = 1, max = MAX_SCRIPT_NAME) String name,
            @NotNull @Min(BookingTimes.MIN_DURATION_MINUTES) @Max(BookingTimes.MAX_DURATION_MINUTES) Integer durationMinutes,
            @NotNull @Size(min = 1, max = 100) List<@NotNull @Valid CharacterRequest> characters) {}

    record CreateDmRequest(@NotNull @Size(min = 1, max = MAX_NAME) String name, Boolean active) {}

    record CreateClientRequest(@NotNull @Size(min = 1, max = MAX_NAME) String name, @Size(max = MAX_PHONE) String phone) {}

    // The PATCH bodies: every field optional, null refused except where it clears (a client's phone).

    record PatchRoomRequest(@Size(min = 1, max = MAX_NAME) String name, @Min(1) @Max(MAX_CAPACITY) Integer capacity, Boolean active) {}

    /** No {@code characters}: changing a script's cast is not offered (matches point at it), so the field is refused. */
    record PatchScriptRequest(
            @Size(min = 1, max = MAX_SCRIPT_NAME) String name,
            @Min(BookingTimes.MIN_DURATION_MINUTES) @Max(BookingTimes.MAX_DURATION_MINUTES) Integer durationMinutes) {}

    record PatchDmRequest(@Size(min = 1, max = MAX_NAME) String name, Boolean active) {}

    record PatchClientRequest(@Size(min = 1, max = MAX_NAME) String name, @Size(max = MAX_PHONE) String phone) {}
}
