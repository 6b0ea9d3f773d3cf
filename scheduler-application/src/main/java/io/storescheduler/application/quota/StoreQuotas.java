package io.storescheduler.application.quota;

import io.storescheduler.application.access.StoreRepository;
import io.storescheduler.application.shared.ExpiringCache;
import io.storescheduler.application.shared.UseCaseFailure;
import io.storescheduler.domain.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

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
        Optional<ZoneId> zoneOf(long storeId);

        /** The zones of the stores {@code stores} keeps. */
        static StoreZones of(StoreRepository stores) {
            return storeId -> stores.find(storeId).map(Store::timezone);
        }
    }

    private final QuotaLedger ledger;
    private final StoreZones stores;
    private final ExpiringCache<Long, ZoneId> zones;

    public StoreQuotas(QuotaLedger ledger, StoreZones stores, Clock clock) {
        this.ledger = ledger;
        this.stores = stores;
        this.zones = new ExpiringCache<>(clock, ZONES_KEPT, 10_000);
    }

    /** Room in the store for one more room, script, DM or client. */
    public void ensureRoomForOneMore(long storeId, Quota quota) {
        if (ledger.lockAndCount(storeId, quota) >= quota.limit()) {
            throw exceeded(quota);
        }
    }

    /** Room on the store's local day of {@code startAt} for one more booking. */
    public void ensureRoomForBookingAt(long storeId, Instant startAt) {
        ensureRoomOnDayOf(storeId, zoneOf(storeId), startAt);
    }

    /** Room for a booking moved from {@code currentStart} to {@code newStart}: a move within its own local day needs none. */
    public void ensureRoomForMove(long storeId, Instant currentStart, Instant newStart) {
        var zone = zoneOf(storeId);
        if (!currentStart.atZone(zone).toLocalDate().equals(newStart.atZone(zone).toLocalDate())) {
            ensureRoomOnDayOf(storeId, zone, newStart);
        }
    }

    private void ensureRoomOnDayOf(long storeId, ZoneId zone, Instant startAt) {
        var day = startAt.atZone(zone).toLocalDate();
        var from = day.atStartOfDay(zone).toInstant();
        var until = day.plusDays(1).atStartOfDay(zone).toInstant();
        if (ledger.lockAndCountBookingsOn(storeId, from, until) >= Quota.BOOKINGS_PER_DAY.limit()) {
            throw exceeded(Quota.BOOKINGS_PER_DAY);
        }
    }

    private ZoneId zoneOf(long storeId) {
        return zones.get(storeId, stores::zoneOf).orElseThrow(() -> UseCaseFailure.notFound("store", storeId));
    }

    private static UseCaseFailure exceeded(Quota quota) {
        return UseCaseFailure.quotaExceeded(quota.code(), quota.limit());
    }
}
