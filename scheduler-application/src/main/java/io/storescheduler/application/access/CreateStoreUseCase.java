package io.storescheduler.application.access;

import io.storescheduler.domain.store.OpeningHours;
import io.storescheduler.domain.store.Store;
import java.time.ZoneId;

/** An admin opens a new store. */
public interface CreateStoreUseCase {

    record CreateStoreCommand(String name, ZoneId timezone, OpeningHours openingHours) {

        public CreateStoreCommand(String name, ZoneId timezone) {
            this(name, timezone, OpeningHours.alwaysOpen());
        }
    }

    Store create(CreateStoreCommand command);
}
