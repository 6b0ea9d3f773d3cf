package io.storescheduler.application.access;

import io.storescheduler.application.shared.FieldChange;
import io.storescheduler.application.shared.Outcome;
import io.storescheduler.application.shared.Page;
import io.storescheduler.application.shared.PageRequest;
import io.storescheduler.application.shared.Refusal;
import io.storescheduler.application.shared.TransactionRunner;
import io.storescheduler.domain.store.Store;
import java.util.HashSet;

/** Stores and actors: the admin's side of the service. */
public final class StoreService implements CreateStoreUseCase, PatchStoreUseCase, ListStoresUseCase, CreateActorUseCase,
        ListActorsUseCase, RevokeActorUseCase {

    private final StoreRepository stores;
    private final ActorRepository actors;
    private final TransactionRunner transactions;
    private final AccessCache cache;
    private final AccessChangeAnnouncer announcer;

    public StoreService(StoreRepository stores, ActorRepository actors, TransactionRunner transactions, AccessCache cache,
            AccessChangeAnnouncer announcer) {
        this.stores = stores;
        this.actors = actors;
        this.transactions = transactions;
        this.cache = cache;
        this.announcer = announcer;
    }

    @Override
    public Store create(CreateStoreCommand command) {
        return transactions.inTransaction(() -> {
            var store = stores.insert(command.name(), command.timezone());
            if (command.openingHours().isAlwaysOpen()) {
                return store;
            }
            var hours = new StoreRepository.StoreChanges(FieldChange.keep(), FieldChange.keep(), FieldChange.setTo(command.openingHours()));
            return stores.update(store.id(), hours).orElseThrow();
        });
    }

    /** Forgotten by this instance's {@link AccessCache} at once, by the others when the announcement reaches them. */
    @Override
    public Outcome<Store> patch(PatchStoreCommand command) {
        var patched = transactions.inTransaction(() -> {
            var updated = stores.update(command.storeId(), command.changes());
            updated.ifPresent(store -> announcer.storeChanged(store.id()));
            return updated;
        });
        cache.forgetStore(command.storeId());
        return Outcome.of(patched, () -> Refusal.notFound("store", command.storeId()));
    }

    @Override
    public Page<Store> list(Actor actor, PageRequest page) {
        return actor.admin() ? stores.listAll(page) : stores.listOnly(actor.storeIds(), page);
    }

    @Override
    public Outcome<CreatedActor> create(CreateActorCommand command) {
        return transactions.attempt(() -> {
            var missing = new HashSet<>(command.storeIds());
            missing.removeAll(stores.existing(command.storeIds()));
            if (!missing.isEmpty()) {
                return Outcome.refused(Refusal.invalid("store_not_found", "store_ids", "no such store: " + missing.stream().sorted().toList()));
            }
            var token = Tokens.newToken();
            var actor = actors.insert(command.name(), Tokens.hash(token), command.admin(), command.storeIds());
            return Outcome.done(new CreatedActor(actor, token));
        });
    }

    @Override
    public Page<Actor> listActors(PageRequest page) {
        return actors.list(page);
    }

    /**
     * Forgotten by this instance's {@link AccessCache} once deleted, so the revocation holds here at
     * once, and by the others when the announcement reaches them.
     */
    @Override
    public Outcome<Void> revoke(long actorId) {
        var deleted = transactions.inTransaction(() -> {
            var found = actors.delete(actorId);
            if (found) {
                announcer.actorRevoked(actorId);
            }
            return found;
        });
        cache.forgetActor(actorId);
        return deleted ? Outcome.done(null) : Outcome.refused(Refusal.notFound("actor", actorId));
    }
}
