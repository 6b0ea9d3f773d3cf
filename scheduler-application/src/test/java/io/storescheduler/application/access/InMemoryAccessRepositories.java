package io.storescheduler.application.access;

import io.storescheduler.application.shared.Page;
import io.storescheduler.application.shared.PageRequest;
import io.storescheduler.domain.store.Store;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Actors and stores in memory, counting the reads that authentication and the store check make. */
final class InMemoryAccessRepositories {

    final AtomicLong tokenLookups = new AtomicLong();
    final AtomicLong storeLookups = new AtomicLong();
    /** Runs inside a token lookup, after the actor was read and before it is answered: a change racing the read. */
    volatile Runnable duringTokenLookup = () -> {};

    private final Map<String, Actor> actorsByTokenHash = new ConcurrentHashMap<>();
    private final Map<Long, Store> storesById = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    final ActorRepository actors = new ActorRepository() {
        @Override
        public Actor insert(String name, byte[] tokenHash, boolean admin, Set<Long> storeIds) {
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
            return new Page<>(new ArrayList<>(actorsByTokenHash.values()), page, actorsByTokenHash.size());
        }

        @Override
        public boolean delete(long actorId) {
            return actorsByTokenHash.values().removeIf(actor -> actor.id() == actorId);
        }
    };

    final StoreRepository stores = new StoreRepository() {
        @Override
        public Store insert(String name, ZoneId timezone) {
            var store = new Store(ids.incrementAndGet(), name, timezone);
            storesById.put(store.id(), store);
            return store;
        }

        @Override
        public Optional<Store> update(long storeId, StoreChanges changes) {
            return Optional.ofNullable(storesById.computeIfPresent(storeId, (id, store) -> new Store(id,
                    changes.name().orElse(store.name()), changes.timezone().orElse(store.timezone()),
                    changes.openingHours().orElse(store.openingHours()))));
        }

        @Override
        public Optional<Store> find(long storeId) {
            storeLookups.incrementAndGet();
            return Optional.ofNullable(storesById.get(storeId));
        }

        @Override
        public Page<Store> listAll(PageRequest page) {
            var all = new TreeMap<>(storesById).values();
            return new Page<>(new ArrayList<>(all), page, all.size());
        }

        @Override
        public Page<Store> listOnly(Set<Long> storeIds, PageRequest page) {
            var only = new TreeMap<>(storesById).values().stream().filter(store -> storeIds.contains(store.id())).toList();
            return new Page<>(only, page, only.size());
        }

        @Override
        public Set<Long> existing(Set<Long> storeIds) {
            return Set.copyOf(storeIds.stream().filter(storesById::containsKey).toList());
        }
    };
}
