package io.storescheduler.application.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A small in-memory cache of what a loader finds: at most {@code capacity} entries, the least
 * recently used evicted first, each kept for {@code ttl} by the injected clock. Only found values
 * are kept; what the loader does not find is asked again next time. A load that an invalidation
 * overtook is answered but not kept, so an invalidation is never undone by a read that began
 * before it.
 */
public final class ExpiringCache<K, V> {

    private record Kept<V>(V value, Instant expiresAt) {}

    private final Clock clock;
    private final Duration ttl;
    private final Map<K, Kept<V>> entries;
    private long invalidations;

    public ExpiringCache(Clock clock, Duration ttl, int capacity) {
        this.clock = clock;
        this.ttl = ttl;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Kept<V>> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The value kept for {@code key} if it has not expired, else what {@code load} finds, kept if found. */
    public Optional<V> get(K key, Function<K, Optional<V>> load) {
        long invalidationsSeen;
        synchronized (this) {
            var entry = entries.get(key);
            if (entry != null && clock.instant().isBefore(entry.expiresAt())) {
                return Optional.of(entry.value());
            }
            entries.remove(key);
            invalidationsSeen = invalidations;
        }
        var loaded = load.apply(key);
        loaded.ifPresent(value -> keep(key, value, invalidationsSeen));
        return loaded;
    }

    public synchronized void invalidate(K key) {
        invalidations++;
        entries.remove(key);
    }

    public synchronized void invalidateIf(Predicate<V> stale) {
        invalidations++;
        entries.values().removeIf(entry -> stale.test(entry.value()));
    }

    public synchronized void invalidateAll() {
        invalidations++;
        entries.clear();
    }

    private synchronized void keep(K key, V value, long invalidationsSeen) {
        if (invalidations == invalidationsSeen) {
            entries.put(key, new Kept<>(value, clock.instant().plus(ttl)));
        }
    }
}
