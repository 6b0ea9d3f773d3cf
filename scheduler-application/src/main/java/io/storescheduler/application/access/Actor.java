package io.storescheduler.application.access;

import java.util.Set;

/** An API caller: an admin may act on every store and the admin routes, anyone else on its stores. */
public record Actor(long id, String name, boolean admin, Set<Long> storeIds) {

    public Actor {
        storeIds = Set.copyOf(storeIds);
    }

    public boolean mayAccess(long storeId) {
        return admin || storeIds.contains(storeId);
    }
}
