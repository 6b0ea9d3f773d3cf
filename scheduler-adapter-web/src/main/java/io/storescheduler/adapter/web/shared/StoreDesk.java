package io.storescheduler.adapter.web.shared;

import io.storescheduler.domain.store.Store;

/** A desk at a store it is allowed for: the store of the request's path. */
public record StoreDesk(Desk desk, Store store) {

    public Texts texts() {
        return desk.texts();
    }

    public String storePath() {
        return "/board/stores/" + store.id();
    }
}
