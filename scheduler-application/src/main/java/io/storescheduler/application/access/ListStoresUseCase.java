package io.storescheduler.application.access;

import io.storescheduler.application.shared.Page;
import io.storescheduler.application.shared.PageRequest;
import io.storescheduler.domain.store.Store;

/** The stores an actor may see: every store for an admin, its own for anyone else. */
public interface ListStoresUseCase {

    Page<Store> list(Actor actor, PageRequest page);
}
