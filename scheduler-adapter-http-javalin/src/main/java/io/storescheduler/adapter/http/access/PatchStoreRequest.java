package io.storescheduler.adapter.http.access;

import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/** {@code PATCH /stores/{store_id}}: a new name, or a new IANA time zone, or both; the bounds of {@link CreateStoreRequest}. */
public record PatchStoreRequest(@Size(min = 1, max = 200) String name, @Size(min = 1, max = 64) String timezone,
        Map<String, List<OpeningHoursBody.SpanBody>> openingHours) {}
