package io.storescheduler.application.access;

import io.storescheduler.domain.id.StoreId;
import java.util.Set;

/** An API caller: an admin may act on every store and the admin routes, anyone else on its stores. */
public record Actor(long id, String name, boolean admin, Set<StoreId> storeIds) {

    public Actor {
        storeIds = Set.copyOf(storeIds);
    }

    public boolean mayAccess(StoreId storeId) {
        return admin || storeIds.contains(storeId);
    }
}
