package io.storescheduler.application.access;

import io.storescheduler.application.shared.Outcome;
import io.storescheduler.application.shared.Refusal;
import io.storescheduler.domain.id.StoreId;
import io.storescheduler.domain.store.Store;
import java.util.Optional;
import java.util.Set;

/**
 * Authentication and the store check. The start-up admin token, when configured, is kept as a
 * hash too and compared in constant time. Actors and stores found are remembered in the
 * {@link AccessCache}, so a known token costs no query; an unknown one is looked up every time,
 * unless the caller is told not to (the HTTP adapter does so for an address that failed too often).
 */
public final class AccessService implements AuthenticateActorUseCase, AuthorizeStoreUseCase {

    private static final Actor CONFIGURED_ADMIN = new Actor(0, "configured admin", true, Set.of());

    private final ActorRepository actors;
    private final StoreRepository stores;
    private final byte[] adminTokenHash;
    private final AccessCache cache;

    public AccessService(ActorRepository actors, StoreRepository stores, Optional<String> adminToken, AccessCache cache) {
        this.actors = actors;
        this.stores = stores;
        this.cache = cache;
        this.adminTokenHash = adminToken.filter(token -> !token.isBlank()).map(Tokens::hash).orElse(null);
    }

    @Override
    public Optional<Actor> authenticate(String bearerToken) {
        return authenticate(bearerToken, true);
    }

    @Override
    public Optional<Actor> authenticateWithoutLookup(String bearerToken) {
        return authenticate(bearerToken, false);
    }

    private Optional<Actor> authenticate(String bearerToken, boolean mayLookUp) {
        if (bearerToken == null || bearerToken.isBlank() || bearerToken.length() > 512) {
            return Optional.empty();
        }
        var hash = Tokens.hash(bearerToken);
        if (adminTokenHash != null && Tokens.sameHash(hash, adminTokenHash)) {
            return Optional.of(CONFIGURED_ADMIN);
        }
        return cache.actor(hash, () -> mayLookUp ? actors.findByTokenHash(hash) : Optional.empty());
    }

    @Override
    public Outcome<Store> authorize(Actor actor, StoreId storeId) {
        if (!actor.mayAccess(storeId)) {
            return Outcome.refused(Refusal.forbidden("this token is not allowed for store " + storeId));
        }
        return Outcome.of(cache.store(storeId, () -> stores.find(storeId)), () -> Refusal.notFound("store", storeId));
    }
}
