package io.storescheduler.adapter.http.catalogue;

import io.storescheduler.adapter.http.shared.ApiProblem;
import io.storescheduler.domain.booking.BookingTimes;
import io.storescheduler.domain.catalogue.Dm;
import io.storescheduler.domain.catalogue.Room;
import io.storescheduler.domain.id.ScriptId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

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
            Boolean active,
            @Min(Room.MIN_TURNAROUND_MINUTES) @Max(Room.MAX_TURNAROUND_MINUTES) Integer turnaroundMinutes) {}

    record CharacterRequest(@NotNull @Size(min = 1, max = MAX_NAME) String name, Boolean isDm) {}

    record CreateScriptRequest(
            @NotNull @Size(min = 1, max = MAX_SCRIPT_NAME) String name,
            @NotNull @Min(BookingTimes.MIN_DURATION_MINUTES) @Max(BookingTimes.MAX_DURATION_MINUTES) Integer durationMinutes,
            @NotNull @Size(min = 1, max = 100) List<@NotNull @Valid CharacterRequest> characters) {}

    /** {@code scriptIds} an array, not a list, so that null (every script, the default) may be sent as such. */
    record CreateDmRequest(@NotNull @Size(min = 1, max = MAX_NAME) String name, Boolean active,
            @Size(max = Dm.MAX_SCRIPT_IDS) Long[] scriptIds) {}

    record CreateClientRequest(@NotNull @Size(min = 1, max = MAX_NAME) String name, @Size(max = MAX_PHONE) String phone) {}

    // The PATCH bodies: every field optional, null refused except where it clears (a client's phone).

    record PatchRoomRequest(@Size(min = 1, max = MAX_NAME) String name, @Min(1) @Max(MAX_CAPACITY) Integer capacity, Boolean active,
            @Min(Room.MIN_TURNAROUND_MINUTES) @Max(Room.MAX_TURNAROUND_MINUTES) Integer turnaroundMinutes) {}

    /** No {@code characters}: changing a script's cast is not offered (matches point at it), so the field is refused. */
    record PatchScriptRequest(
            @Size(min = 1, max = MAX_SCRIPT_NAME) String name,
            @Min(BookingTimes.MIN_DURATION_MINUTES) @Max(BookingTimes.MAX_DURATION_MINUTES) Integer durationMinutes) {}

    record PatchDmRequest(@Size(min = 1, max = MAX_NAME) String name, Boolean active, @Size(max = Dm.MAX_SCRIPT_IDS) Long[] scriptIds) {}

    /** The scripts a body names, or null (every script); a null among them is refused like any id that is not a script. */
    static Set<ScriptId> scriptIds(Long[] scriptIds) {
        if (scriptIds == null) {
            return null;
        }
        if (Arrays.asList(scriptIds).contains(null)) {
            throw ApiProblem.badRequest("invalid_type", "script_ids", "script_ids holds a null: it is a list of script ids");
        }
        return Arrays.stream(scriptIds).map(ScriptId::new).collect(Collectors.toUnmodifiableSet());
    }

    record PatchClientRequest(@Size(min = 1, max = MAX_NAME) String name, @Size(max = MAX_PHONE) String phone) {}
}
