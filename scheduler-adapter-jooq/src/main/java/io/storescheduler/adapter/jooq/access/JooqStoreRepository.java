package io.storescheduler.adapter.jooq.access;

import static io.storescheduler.adapter.jooq.schema.Tables.STORE;
import static io.storescheduler.adapter.jooq.schema.Tables.STORE_SCHEDULE_LOCK;

import io.storescheduler.adapter.jooq.schema.tables.records.StoreRecord;
import io.storescheduler.adapter.jooq.shared.ColumnChanges;
import io.storescheduler.adapter.jooq.shared.Pages;
import io.storescheduler.application.access.StoreRepository;
import io.storescheduler.application.shared.Page;
import io.storescheduler.application.shared.PageRequest;
import io.storescheduler.domain.id.StoreId;
import io.storescheduler.domain.store.OpeningHours;
import io.storescheduler.domain.store.Store;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Stores in the {@code store} table. */
public final class JooqStoreRepository implements StoreRepository {

    private final DSLContext dsl;

    public JooqStoreRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The store with the row its schedule lock takes ({@code JooqStoreScheduleLock}), in the caller's transaction. */
    @Override
    public Store insert(String name, ZoneId timezone) {
        var store = toStore(dsl.insertInto(STORE, STORE.NAME, STORE.TIMEZONE)
                .values(name, timezone.getId())
                .returning()
                .fetchSingle());
        dsl.insertInto(STORE_SCHEDULE_LOCK, STORE_SCHEDULE_LOCK.STORE_ID).values(store.id()).execute();
        return store;
    }

    @Override
    public Optional<Store> update(StoreId storeId, StoreChanges changes) {
        new ColumnChanges().set(STORE.NAME, changes.name()).set(STORE.TIMEZONE, changes.timezone().map(ZoneId::getId))
                .set(STORE.OPENING_HOURS, changes.openingHours().map(hours -> hours.lines().toArray(String[]::new)))
                .apply(dsl, STORE, STORE.ID.eq(storeId));
        return find(storeId);
    }

    @Override
    public Optional<Store> find(StoreId storeId) {
        return dsl.selectFrom(STORE).where(STORE.ID.eq(storeId)).fetchOptional().map(JooqStoreRepository::toStore);
    }

    @Override
    public Page<Store> listAll(PageRequest page) {
        return list(DSL.trueCondition(), page);
    }

    @Override
    public Page<Store> listOnly(Set<StoreId> storeIds, PageRequest page) {
        return list(STORE.ID.in(storeIds), page);
    }

    @Override
    public Set<StoreId> existing(Set<StoreId> storeIds) {
        return new HashSet<>(dsl.select(STORE.ID).from(STORE).where(STORE.ID.in(storeIds)).fetch(STORE.ID));
    }

    private Page<Store> list(Condition condition, PageRequest page) {
        var items = dsl.selectFrom(STORE).where(condition).orderBy(STORE.ID)
                .limit(page.limit()).offset(page.offset())
                .fetch(JooqStoreRepository::toStore);
        return Pages.of(dsl, STORE, condition, page, items);
    }

    private static Store toStore(StoreRecord record) {
        var hours = record.getOpeningHours() == null ? OpeningHours.alwaysOpen() : OpeningHours.ofLines(List.of(record.getOpeningHours()));
        return new Store(record.getId(), record.getName(), ZoneId.of(record.getTimezone()), hours);
    }
}
