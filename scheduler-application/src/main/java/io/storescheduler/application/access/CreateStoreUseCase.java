package io.storescheduler.application.access;

import io.storescheduler.domain.store.Store;
import java.time.ZoneId;

/** An admin opens a new store. */
public interface CreateStoreUseCase {

    record CreateStoreCommand(String name, ZoneId timezone) {}

    Store create(CreateStoreCommand command);
}
