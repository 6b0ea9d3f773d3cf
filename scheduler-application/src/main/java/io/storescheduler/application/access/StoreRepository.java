package io.storescheduler.application.access;

import io.storescheduler.application.shared.FieldChange;
import io.storescheduler.application.shared.Page;
import io.storescheduler.application.shared.PageRequest;
import io.storescheduler.domain.id.StoreId;
import io.storescheduler.domain.store.OpeningHours;
import io.storescheduler.domain.store.Store;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

/** Where stores are kept. */
public interface StoreRepository {

    /** What a partial update changes of a store; a field it keeps is not written. */
    record StoreChanges(FieldChange<String> name, FieldChange<ZoneId> timezone, FieldChange<OpeningHours> openingHours) {

        public StoreChanges(FieldChange<String> name, FieldChange<ZoneId> timezone) {
            this(name, timezone, FieldChange.keep());
        }
    }

    Store insert(String name, ZoneId timezone);

    /** Writes the changes and answers the store as it is now; empty when there is no such store. */
    Optional<Store> update(StoreId storeId, StoreChanges changes);

    Optional<Store> find(StoreId storeId);

    Page<Store> listAll(PageRequest page);

    Page<Store> listOnly(Set<StoreId> storeIds, PageRequest page);

    /** Which of {@code storeIds} exist. */
    Set<StoreId> existing(Set<StoreId> storeIds);
}
