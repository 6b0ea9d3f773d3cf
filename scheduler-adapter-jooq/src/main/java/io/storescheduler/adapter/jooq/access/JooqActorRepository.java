package io.storescheduler.adapter.jooq.access;

import static io.storescheduler.adapter.jooq.schema.Tables.ACTOR;
import static io.storescheduler.adapter.jooq.schema.Tables.ACTOR_STORE;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;

import io.storescheduler.application.access.Actor;
import io.storescheduler.application.access.ActorRepository;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Record1;

/** Actors in {@code actor}, their stores in {@code actor_store}; only token hashes are stored. */
public final class JooqActorRepository implements ActorRepository {

    private final DSLContext dsl;

    public JooqActorRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public Actor insert(String name, byte[] tokenHash, boolean admin, Set<Long> storeIds) {
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
        var stores = multiset(select(ACTOR_STORE.STORE_ID).from(ACTOR_STORE).where(ACTOR_STORE.ACTOR_ID.eq(ACTOR.ID)))
                .convertFrom(result -> result.map(Record1::value1));
        return dsl.select(ACTOR.ID, ACTOR.NAME, ACTOR.ADMIN, stores)
                .from(ACTOR)
                .where(ACTOR.TOKEN_HASH.eq(tokenHash))
                .fetchOptional(record -> new Actor(record.value1(), record.value2(), record.value3(), storeSet(record.value4())));
    }

    private static Set<Long> storeSet(List<Long> storeIds) {
        return new HashSet<>(storeIds);
    }
}
