package io.storescheduler.adapter.http.catalogue;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The bodies of the catalogue routes, with their bounds. */
final class CatalogueRequests {

    private CatalogueRequests() {}

    record CreateRoomRequest(
            @NotNull @Size(min = 1, max = 100) String name,
            @NotNull @Min(1) @Max(1000) Integer capacity,
            Boolean active) {}

    record CharacterRequest(@NotNull @Size(min = 1, max = 100) String name, Boolean isDm) {}

    record CreateScriptRequest(
            @NotNull @Size(min = 1, max = 200) String name,
            @NotNull @Min(1) @Max(1440) Integer durationMinutes,
            @NotNull @Size(min = 1, max = 100) List<@NotNull @Valid CharacterRequest> characters) {}

    record CreateDmRequest(@NotNull @Size(min = 1, max = 100) String name, Boolean active) {}

    record CreateClientRequest(@NotNull @Size(min = 1, max = 100) String name, @Size(max = 40) String phone) {}
}
