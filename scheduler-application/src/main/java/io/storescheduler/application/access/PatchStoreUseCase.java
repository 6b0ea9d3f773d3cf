package io.storescheduler.application.access;

import io.storescheduler.application.access.StoreRepository.StoreChanges;
import io.storescheduler.application.shared.Outcome;
import io.storescheduler.domain.id.StoreId;
import io.storescheduler.domain.store.Store;

/** An admin renames a store, moves it to another time zone (its bookings keep their instants) or sets its opening hours. */
public interface PatchStoreUseCase {

    record PatchStoreCommand(StoreId storeId, StoreChanges changes) {}

    Outcome<Store> patch(PatchStoreCommand command);
}
