package io.storescheduler.adapter.http.access;

import io.storescheduler.domain.store.Store;

/** A store on the wire. */
public record StoreResponse(long id, String name, String timezone) {

    public static StoreResponse from(Store store) {
        return new StoreResponse(store.id(), store.name(), store.timezone().getId());
    }
}
