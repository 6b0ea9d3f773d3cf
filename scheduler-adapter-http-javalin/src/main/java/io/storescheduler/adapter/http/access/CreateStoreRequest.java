package io.storescheduler.adapter.http.access;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/** {@code POST /stores}: a name and an IANA time zone such as {@code Asia/Shanghai}, and opening hours if any. */
public record CreateStoreRequest(@NotNull @Size(min = 1, max = 200) String name, @NotNull @Size(min = 1, max = 64) String timezone,
        Map<String, List<OpeningHoursBody.SpanBody>> openingHours) {}
