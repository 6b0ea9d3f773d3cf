package io.storescheduler.application.access;

import io.storescheduler.application.shared.Page;
import io.storescheduler.application.shared.PageRequest;
import io.storescheduler.domain.id.StoreId;
import io.storescheduler.domain.store.Store;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Actors and stores in memory, counting the reads that authentication and the store check make.
 * As in the database, a token hash belongs to one actor and an actor is granted only stores that
 * exist; lists are by id, in pages. {@link ActorRepositoryContract} and {@link StoreRepositoryContract}
 * hold it to the jOOQ adapter's behaviour.
 */
final class InMemoryAccessRepositories implements AccessPortsUnderTest {

    final AtomicLong tokenLookups = new AtomicLong();
    final AtomicLong storeLookups = new AtomicLong();
    /** Runs inside a token lookup, after the actor was read and before it is answered: a change racing the read. */
    volatile Runnable duringTokenLookup = () -> {};

    private final Map<String, Actor> actorsByTokenHash = new ConcurrentHashMap<>();
    private final Map<StoreId, Store> storesById = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    final ActorRepository actors = new ActorRepository() {
        @Override
        public Actor insert(String name, byte[] tokenHash, boolean admin, Set<StoreId> storeIds) {
            if (actorsByTokenHash.containsKey(HexFormat.of().formatHex(tokenHash)) || !storesById.keySet().containsAll(storeIds)) {
                throw new IllegalStateException("the token hash is taken or a store does not exist");
            }
            var actor = new Actor(ids.incrementAndGet(), name, admin, storeIds);
            actorsByTokenHash.put(HexFormat.of().formatHex(tokenHash), actor);
            return actor;
        }

        @Override
        public Optional<Actor> findByTokenHash(byte[] tokenHash) {
            tokenLookups.incrementAndGet();
            var found = Optional.ofNullable(actorsByTokenHash.get(HexFormat.of().formatHex(tokenHash)));
            duringTokenLookup.run();
            return found;
        }

        @Override
        public Page<Actor> list(PageRequest page) {
            return Page.of(actorsByTokenHash.values().stream().sorted(Comparator.comparingLong(Actor::id)).toList(), page);
        }

        @Override
        public boolean delete(long actorId) {
            return actorsByTokenHash.values().removeIf(actor -> actor.id() == actorId);
        }
    };

    final StoreRepository stores = new StoreRepository() {
        @Override
        public Store insert(String name, ZoneId timezone) {
            var store = new Store(new StoreId(ids.incrementAndGet()), name, timezone);
            storesById.put(store.id(), store);
            return store;
        }

        @Override
        public Optional<Store> update(StoreId storeId, StoreChanges changes) {
            return Optional.ofNullable(storesById.computeIfPresent(storeId, (id, store) -> new Store(id,
                    changes.name().orElse(store.name()), changes.timezone().orElse(store.timezone()),
                    changes.openingHours().orElse(store.openingHours()))));
        }

        @Override
        public Optional<Store> find(StoreId storeId) {
            storeLookups.incrementAndGet();
            return Optional.ofNullable(storesById.get(storeId));
        }

        @Override
        public Page<Store> listAll(PageRequest page) {
            return Page.of(List.copyOf(new TreeMap<>(storesById).values()), page);
        }

        @Override
        public Page<Store> listOnly(Set<StoreId> storeIds, PageRequest page) {
            var only = new TreeMap<>(storesById).values().stream().filter(store -> storeIds.contains(store.id())).toList();
            return Page.of(only, page);
        }

        @Override
        public Set<StoreId> existing(Set<StoreId> storeIds) {
            return Set.copyOf(storeIds.stream().filter(storesById::containsKey).toList());
        }
    };

    @Override
    public ActorRepository actors() {
        return actors;
    }

    @Override
    public StoreRepository stores() {
        return stores;
    }

    @Override
    public Class<IllegalStateException> integrityViolation() {
        return IllegalStateException.class;
    }
}
