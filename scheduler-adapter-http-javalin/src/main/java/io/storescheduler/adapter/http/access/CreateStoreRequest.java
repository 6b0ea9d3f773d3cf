package io.storescheduler.adapter.http.access;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code POST /stores}: a name and an IANA time zone such as {@code Asia/Shanghai}. */
public record CreateStoreRequest(@NotNull @Size(min = 1, max = 200) String name, @NotNull @Size(min = 1, max = 64) String timezone) {}
