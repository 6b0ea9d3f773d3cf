package io.storescheduler.application.event;

import io.storescheduler.domain.id.StoreId;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The readers of this instance waiting for a store's next events, woken when the database says one
 * committed ({@link #arrived}). Bounded per store and in all, so no store's readers can use up what
 * the others wait with; a waiter leaves when woken, at its timeout, or when its reader gives up.
 */
public final class EventWaiters implements EventArrivals {

    private final int perStore;
    private final int inAll;
    private final ConcurrentHashMap<StoreId, Set<CompletableFuture<Void>>> waiting = new ConcurrentHashMap<>();
    private final AtomicInteger count = new AtomicInteger();

    public EventWaiters(int perStore, int inAll) {
        this.perStore = perStore;
        this.inAll = inAll;
    }

    /** A waiter for the store's next event, or empty when the store or the instance has all the waiters it takes. */
    Optional<CompletableFuture<Void>> register(StoreId storeId) {
        if (count.incrementAndGet() > inAll) {
            count.decrementAndGet();
            return Optional.empty();
        }
        var waiter = new CompletableFuture<Void>();
        var admitted = new boolean[1];
        waiting.compute(storeId, (id, set) -> {
            var waiters = set == null ? ConcurrentHashMap.<CompletableFuture<Void>>newKeySet() : set;
            admitted[0] = waiters.size() < perStore && waiters.add(waiter);
            return waiters.isEmpty() ? null : waiters;
        });
        if (!admitted[0]) {
            count.decrementAndGet();
            return Optional.empty();
        }
        waiter.whenComplete((done, failed) -> leave(storeId, waiter));
        return Optional.of(waiter);
    }

    /** Wakes every waiter of the store. */
    @Override
    public void arrived(StoreId storeId) {
        var waiters = waiting.get(storeId);
        if (waiters != null) {
            waiters.forEach(waiter -> waiter.complete(null));
        }
    }

    /** Wakes every waiter: what was announced while no connection listened is unknown. */
    @Override
    public void arrivedAnywhere() {
        waiting.values().forEach(waiters -> waiters.forEach(waiter -> waiter.complete(null)));
    }

    /** How many readers wait now, in all. */
    public int waiting() {
        return count.get();
    }

    private void leave(StoreId storeId, CompletableFuture<Void> waiter) {
        waiting.computeIfPresent(storeId, (id, waiters) -> {
            if (waiters.remove(waiter)) {
                count.decrementAndGet();
            }
            return waiters.isEmpty() ? null : waiters;
        });
    }
}
