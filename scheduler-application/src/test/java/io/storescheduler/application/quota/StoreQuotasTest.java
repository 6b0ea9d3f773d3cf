package io.storescheduler.application.quota;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.storescheduler.application.shared.Page;
import io.storescheduler.application.shared.Refusal;
import io.storescheduler.domain.id.StoreId;
import io.storescheduler.domain.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StoreQuotasTest {

    private static final StoreId STORE = new StoreId(7);

    /** What the quota check asked the ledger, and the counts it answers. */
    private static final class Ledger implements QuotaLedger {
        final List<String> asked = new ArrayList<>();
        long used;

        @Override
        public long lockAndCount(StoreId storeId, Quota quota) {
            asked.add(storeId + " " + quota);
            return used;
        }

        @Override
        public long lockAndCountBookingsOn(StoreId storeId, Instant from, Instant until) {
            asked.add(storeId + " [" + from + ", " + until + ")");
            return used;
        }
    }

    private final Ledger ledger = new Ledger();
    private final StoreQuotas quotas = new StoreQuotas(ledger, storeId -> Optional.of(ZoneId.of("Asia/Shanghai")), Clock.systemUTC());

    @Test
    void one_more_is_allowed_below_the_limit_and_refused_at_it_naming_the_quota() {
        for (var quota : List.of(Quota.ROOMS, Quota.SCRIPTS, Quota.DMS, Quota.CLIENTS)) {
            ledger.used = quota.limit() - 1;
            assertEquals(Optional.empty(), quotas.refusesOneMore(STORE, quota));

            ledger.used = quota.limit();
            var refused = quotas.refusesOneMore(STORE, quota).orElseThrow();
            assertEquals("quota_exceeded", refused.code());
            assertEquals(Refusal.Kind.CONFLICT, refused.kind());
            assertEquals(Map.of("quota", quota.code(), "limit", (long) quota.limit()), refused.details());
        }
        assertEquals(Map.of("rooms", 200, "scripts", 1_000, "dms", 500, "clients", 200_000, "bookings_per_day", 2_000),
                Map.of(Quota.ROOMS.code(), Quota.ROOMS.limit(), Quota.SCRIPTS.code(), Quota.SCRIPTS.limit(), Quota.DMS.code(), Quota.DMS.limit(),
                        Quota.CLIENTS.code(), Quota.CLIENTS.limit(), Quota.BOOKINGS_PER_DAY.code(), Quota.BOOKINGS_PER_DAY.limit()));
    }

    @Test
    void bookings_are_counted_on_the_local_day_of_the_store() {
        assertEquals(Optional.empty(), quotas.refusesBookingAt(STORE, Instant.parse("2026-12-05T16:30:00Z")));

        assertEquals(List.of("7 [2026-12-05T16:00:00Z, 2026-12-06T16:00:00Z)"), ledger.asked);
        ledger.used = Quota.BOOKINGS_PER_DAY.limit();
        var refused = quotas.refusesBookingAt(STORE, Instant.parse("2026-12-05T10:00:00Z")).orElseThrow();
        assertEquals("bookings_per_day", refused.details().get("quota"));
    }

    @Test
    void a_local_day_of_a_time_zone_change_is_as_long_as_the_zone_makes_it() {
        var berlin = new StoreQuotas(ledger, storeId -> Optional.of(ZoneId.of("Europe/Berlin")), Clock.systemUTC());

        assertEquals(Optional.empty(), berlin.refusesBookingAt(STORE, Instant.parse("2026-03-29T12:00:00Z")));

        assertEquals(List.of("7 [2026-03-28T23:00:00Z, 2026-03-29T22:00:00Z)"), ledger.asked);
    }

    @Test
    void a_move_within_its_local_day_is_not_counted_and_one_into_another_day_is() {
        ledger.used = Quota.BOOKINGS_PER_DAY.limit();

        assertEquals(Optional.empty(), quotas.refusesMove(STORE, Instant.parse("2026-12-05T01:00:00Z"), Instant.parse("2026-12-05T15:59:00Z")));
        assertEquals(List.of(), ledger.asked);

        assertEquals("quota_exceeded",
                quotas.refusesMove(STORE, Instant.parse("2026-12-05T01:00:00Z"), Instant.parse("2026-12-05T16:00:00Z")).orElseThrow().code());
        assertEquals(List.of("7 [2026-12-05T16:00:00Z, 2026-12-06T16:00:00Z)"), ledger.asked);
    }
}
