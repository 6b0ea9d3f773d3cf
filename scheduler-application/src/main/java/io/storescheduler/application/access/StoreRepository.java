package io.storescheduler.application.access;

import io.storescheduler.application.shared.Page;
import io.storescheduler.application.shared.PageRequest;
import io.storescheduler.domain.store.Store;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

/** Where stores are kept. */
public interface StoreRepository {

    Store insert(String name, ZoneId timezone);

    Optional<Store> find(long storeId);

    Page<Store> listAll(PageRequest page);

    Page<Store> listOnly(Set<Long> storeIds, PageRequest page);

    /** Which of {@code storeIds} exist. */
    Set<Long> existing(Set<Long> storeIds);
}
