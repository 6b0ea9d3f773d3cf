package io.storescheduler.domain.store;

import java.time.ZoneId;
import java.util.Objects;

/** A venue, with the time zone its bookings are shown in. */
public record Store(long id, String name, ZoneId timezone) {

    public Store {
        Objects.requireNonNull(timezone, "timezone");
    }
}
