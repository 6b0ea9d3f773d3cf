package io.storescheduler.application.quota;

import io.storescheduler.application.access.StoreRepository;
import io.storescheduler.application.shared.ExpiringCache;
import io.storescheduler.application.shared.Refusal;
import io.storescheduler.domain.id.StoreId;
import io.storescheduler.domain.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Function;

/**
 * The quota check the creating use cases call, inside their transaction and before they insert:
 * one more of a kind is refused with a 409 {@code quota_exceeded} once the store holds its limit.
 * The count runs under the {@link QuotaLedger}'s lock, kept until the transaction ends, so the
 * insert that follows is counted by the next caller.
 */
public final class StoreQuotas {

    /** A store's zone is read once in a while: a day moved by a zone change is counted as such within this. */
    static final Duration ZONES_KEPT = Duration.ofSeconds(30);

    /** Where a store's time zone is read: all the quota check needs of the stores. */
    @FunctionalInterface
    public interface StoreZones {
        Optional<ZoneId> zoneOf(StoreId storeId);

        /** The zones of the stores {@code stores} keeps. */
        static StoreZones of(StoreRepository stores) {
            return storeId -> stores.find(storeId).map(Store::timezone);
        }
    }

    private final QuotaLedger ledger;
    private final StoreZones stores;
    private final ExpiringCache<StoreId, ZoneId> zones;

    public StoreQuotas(QuotaLedger ledger, StoreZones stores, Clock clock) {
        this.ledger = ledger;
        this.stores = stores;
        this.zones = new ExpiringCache<>(clock, ZONES_KEPT, 10_000);
    }

    /** Why the store has no room for one more room, script, DM or client, if it has none. */
    public Optional<Refusal> refusesOneMore(StoreId storeId, Quota quota) {
        return ledger.lockAndCount(storeId, quota) >= quota.limit() ? Optional.of(exceeded(quota)) : Optional.empty();
    }

    /** Why the store's local day of {@code startAt} has no room for one more booking, if it has none. */
    public Optional<Refusal> refusesBookingAt(StoreId storeId, Instant startAt) {
        return inZoneOf(storeId, zone -> refusesOnDayOf(storeId, zone, startAt));
    }

    /** Why a booking cannot move from {@code currentStart} to {@code newStart}, if it cannot: a move within its own local day needs no room. */
    public Optional<Refusal> refusesMove(StoreId storeId, Instant currentStart, Instant newStart) {
        return inZoneOf(storeId, zone -> currentStart.atZone(zone).toLocalDate().equals(newStart.atZone(zone).toLocalDate())
                ? Optional.empty() : refusesOnDayOf(storeId, zone, newStart));
    }

    private Optional<Refusal> refusesOnDayOf(StoreId storeId, ZoneId zone, Instant startAt) {
        var day = startAt.atZone(zone).toLocalDate();
        var from = day.atStartOfDay(zone).toInstant();
        var until = day.plusDays(1).atStartOfDay(zone).toInstant();
        return ledger.lockAndCountBookingsOn(storeId, from, until) >= Quota.BOOKINGS_PER_DAY.limit()
                ? Optional.of(exceeded(Quota.BOOKINGS_PER_DAY)) : Optional.empty();
    }

    private Optional<Refusal> inZoneOf(StoreId storeId, Function<ZoneId, Optional<Refusal>> check) {
        return zones.get(storeId, stores::zoneOf).map(check).orElseGet(() -> Optional.of(Refusal.notFound("store", storeId)));
    }

    private static Refusal exceeded(Quota quota) {
        return Refusal.quotaExceeded(quota.code(), quota.limit());
    }
}
