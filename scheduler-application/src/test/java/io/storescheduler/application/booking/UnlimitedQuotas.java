package io.storescheduler.application.booking;

import io.storescheduler.application.access.StoreRepository;
import io.storescheduler.application.quota.Quota;
import io.storescheduler.application.quota.QuotaLedger;
import io.storescheduler.application.quota.StoreQuotas;
import io.storescheduler.application.shared.Page;
import io.storescheduler.application.shared.PageRequest;
import io.storescheduler.domain.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

/** A quota check that always finds room, in UTC stores: the booking services' tests are not about quotas. */
final class UnlimitedQuotas {

    private UnlimitedQuotas() {}

    static StoreQuotas quotas() {
        return new StoreQuotas(new EmptyLedger(), new UtcStores(), Clock.systemUTC());
    }

    private static final class EmptyLedger implements QuotaLedger {
        @Override
        public long lockAndCount(long storeId, Quota quota) {
            return 0;
        }

        @Override
        public long lockAndCountBookingsOn(long storeId, Instant from, Instant until) {
            return 0;
        }
    }

    private static final class UtcStores implements StoreRepository {
        @Override
        public Store insert(String name, ZoneId timezone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Store> update(long storeId, StoreChanges changes) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Store> find(long storeId) {
            return Optional.of(new Store(storeId, "store " + storeId, ZoneId.of("UTC")));
        }

        @Override
        public Page<Store> listAll(PageRequest page) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Page<Store> listOnly(Set<Long> storeIds, PageRequest page) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Set<Long> existing(Set<Long> storeIds) {
            throw new UnsupportedOperationException();
        }
    }
}
