package io.storescheduler.adapter.http.access;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/** {@code POST /actors}: who the token is for, which stores it may act on, whether it is an admin. */
public record CreateActorRequest(
        @NotNull @Size(min = 1, max = 200) String name,
        @Size(max = 1000) List<@NotNull @Positive Long> storeIds,
        Boolean admin) {}
