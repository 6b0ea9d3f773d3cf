package io.storescheduler.domain.store;

import io.storescheduler.domain.id.StoreId;
import java.time.ZoneId;
import java.util.Objects;

/** A venue, with the time zone its bookings are shown in and its opening hours in that zone. */
public record Store(StoreId id, String name, ZoneId timezone, OpeningHours openingHours) {

    public Store {
        Objects.requireNonNull(timezone, "timezone");
        Objects.requireNonNull(openingHours, "openingHours");
    }

    /** A store that is always open. */
    public Store(StoreId id, String name, ZoneId timezone) {
        this(id, name, timezone, OpeningHours.alwaysOpen());
    }
}
