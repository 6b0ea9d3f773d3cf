package io.storescheduler.adapter.jooq.access;

import static io.storescheduler.adapter.jooq.schema.Tables.ACTOR;
import static io.storescheduler.adapter.jooq.schema.Tables.ACTOR_STORE;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;

import io.storescheduler.adapter.jooq.shared.Pages;
import io.storescheduler.application.access.Actor;
import io.storescheduler.application.access.ActorRepository;
import io.storescheduler.application.shared.Page;
import io.storescheduler.application.shared.PageRequest;
import io.storescheduler.domain.id.StoreId;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Record4;
import org.jooq.SelectJoinStep;
import org.jooq.impl.DSL;

/** Actors in {@code actor}, their stores in {@code actor_store}; only token hashes are stored. */
public final class JooqActorRepository implements ActorRepository {

    private static final Field<List<StoreId>> STORES = multiset(
            select(ACTOR_STORE.STORE_ID).from(ACTOR_STORE).where(ACTOR_STORE.ACTOR_ID.eq(ACTOR.ID)))
            .convertFrom(result -> result.map(Record1::value1));

    private final DSLContext dsl;

    public JooqActorRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public Actor insert(String name, byte[] tokenHash, boolean admin, Set<StoreId> storeIds) {
        var id = dsl.insertInto(ACTOR, ACTOR.NAME, ACTOR.TOKEN_HASH, ACTOR.ADMIN)
                .values(name, tokenHash, admin)
                .returning(ACTOR.ID)
                .fetchSingle(ACTOR.ID);
        for (var storeId : storeIds) {
            dsl.insertInto(ACTOR_STORE, ACTOR_STORE.ACTOR_ID, ACTOR_STORE.STORE_ID).values(id, storeId).execute();
        }
        return new Actor(id, name, admin, storeIds);
    }

    @Override
    public Optional<Actor> findByTokenHash(byte[] tokenHash) {
        return selectActors().where(ACTOR.TOKEN_HASH.eq(tokenHash)).fetchOptional(JooqActorRepository::toActor);
    }

    @Override
    public Page<Actor> list(PageRequest page) {
        var items = selectActors().orderBy(ACTOR.ID).limit(page.limit()).offset(page.offset()).fetch(JooqActorRepository::toActor);
        return Pages.of(dsl, ACTOR, DSL.noCondition(), page, items);
    }

    /** {@code actor_store} rows go with the actor: its foreign key cascades. */
    @Override
    public boolean delete(long actorId) {
        return dsl.deleteFrom(ACTOR).where(ACTOR.ID.eq(actorId)).execute() == 1;
    }

    private SelectJoinStep<Record4<Long, String, Boolean, List<StoreId>>> selectActors() {
        return dsl.select(ACTOR.ID, ACTOR.NAME, ACTOR.ADMIN, STORES).from(ACTOR);
    }

    private static Actor toActor(Record4<Long, String, Boolean, List<StoreId>> record) {
        return new Actor(record.value1(), record.value2(), record.value3(), storeSet(record.value4()));
    }

    private static Set<StoreId> storeSet(List<StoreId> storeIds) {
        return new HashSet<>(storeIds);
    }
}
