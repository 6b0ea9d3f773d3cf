package io.storescheduler.application.access;

import io.storescheduler.application.shared.Outcome;
import io.storescheduler.domain.id.StoreId;
import io.storescheduler.domain.store.Store;

/**
 * May this actor act on this store? Answers the store, or refuses: forbidden when the actor is not
 * allowed for it, not found when an admin names a store that does not exist.
 */
public interface AuthorizeStoreUseCase {

    Outcome<Store> authorize(Actor actor, StoreId storeId);
}
