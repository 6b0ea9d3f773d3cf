package io.storescheduler.application.access;

import io.storescheduler.application.shared.ExpiringCache;
import io.storescheduler.domain.id.StoreId;
import io.storescheduler.domain.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What authentication and the store check remember between requests, so that a request with a
 * known token costs no query for them: the actor of each token hash and each store, for 30
 * seconds. Revoking an actor and patching a store forget it here at once; every other instance
 * forgets it when the change's announcement ({@link AccessChangeAnnouncer}) reaches it, and in any
 * case when the entry expires, so a change made elsewhere holds here within the TTL even if the
 * announcement is lost.
 */
public final class AccessCache implements ForgetAccessUseCase {

    static final Duration TTL = Duration.ofSeconds(30);
    static final int CAPACITY = 10_000;

    private final ExpiringCache<String, Actor> actors;
    private final ExpiringCache<StoreId, Store> stores;

    public AccessCache(Clock clock) {
        this(clock, TTL, CAPACITY);
    }

    AccessCache(Clock clock, Duration ttl, int capacity) {
        this.actors = new ExpiringCache<>(clock, ttl, capacity);
        this.stores = new ExpiringCache<>(clock, ttl, capacity);
    }

    Optional<Actor> actor(byte[] tokenHash, Supplier<Optional<Actor>> load) {
        return actors.get(HexFormat.of().formatHex(tokenHash), hash -> load.get());
    }

    Optional<Store> store(StoreId storeId, Supplier<Optional<Store>> load) {
        return stores.get(storeId, id -> load.get());
    }

    @Override
    public void forgetActor(long actorId) {
        actors.invalidateIf(actor -> actor.id() == actorId);
    }

    @Override
    public void forgetStore(StoreId storeId) {
        stores.invalidate(storeId);
    }

    @Override
    public void forgetEverything() {
        actors.invalidateAll();
        stores.invalidateAll();
    }
}
