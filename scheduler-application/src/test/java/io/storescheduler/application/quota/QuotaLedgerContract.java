package io.storescheduler.application.quota;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.storescheduler.application.booking.StoredBookings;
import io.storescheduler.application.catalogue.CatalogueRepository.NewCharacter;
import io.storescheduler.application.shared.PortContract;
import io.storescheduler.domain.booking.BookingStatus;
import io.storescheduler.domain.id.StoreId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What every {@link QuotaLedger} counts, run on the jOOQ adapter over PostgreSQL alone: the
 * quota checks' tests stub the ledger with the counts they need ({@code StoreQuotasTest},
 * {@code UnlimitedQuotas}), so no fake counts anything that could drift. Left out, as only the
 * database can show it: the lock that makes racing counts of one quota of a store take turns;
 * the jOOQ test states it itself.
 */
public abstract class QuotaLedgerContract extends PortContract<QuotaPortsUnderTest> {

    private static final Instant DAY = Instant.parse("2026-12-04T16:00:00Z");
    private static final Instant NEXT_DAY = DAY.plus(Duration.ofDays(1));

    protected QuotaLedgerContract(QuotaPortsUnderTest ports) {
        super(ports);
    }

    protected final QuotaLedger ledger() {
        return ports().quotas();
    }

    @Test
    void each_quota_counts_what_the_store_holds_of_it_active_or_not_and_nothing_of_other_stores() {
        var storeId = ports().newStoreId();
        var otherId = ports().newStoreId();
        for (var store : List.of(storeId, otherId)) {
            fillCatalogue(store);
        }
        var catalogue = ports().catalogue();
        catalogue.insertRoom(storeId, "closed", 4, false);
        catalogue.insertDm(storeId, "away", false);
        catalogue.insertClient(storeId, "Wu", null);

        var counted = Map.of(Quota.ROOMS, ledger().lockAndCount(storeId, Quota.ROOMS), Quota.SCRIPTS, ledger().lockAndCount(storeId, Quota.SCRIPTS),
                Quota.DMS, ledger().lockAndCount(storeId, Quota.DMS), Quota.CLIENTS, ledger().lockAndCount(storeId, Quota.CLIENTS));

        assertEquals(Map.of(Quota.ROOMS, 2L, Quota.SCRIPTS, 1L, Quota.DMS, 2L, Quota.CLIENTS, 2L), counted);
        assertEquals(0, ledger().lockAndCount(ports().newStoreId(), Quota.ROOMS), "a new store holds nothing");
    }

    @Test
    void a_count_stops_at_the_quotas_limit() {
        var storeId = ports().newStoreId();
        for (int i = 0; i <= Quota.ROOMS.limit(); i++) {
            ports().catalogue().insertRoom(storeId, "room " + i, 4, true);
        }

        assertEquals(Quota.ROOMS.limit(), ledger().lockAndCount(storeId, Quota.ROOMS));
    }

    @Test
    void bookings_of_every_status_starting_within_the_day_are_counted_and_no_others() {
        var storeId = ports().newStoreId();
        var otherId = ports().newStoreId();
        var stored = new StoredBookings(ports());
        var script = ports().catalogue().insertScript(storeId, "Night Train", 120, List.of(new NewCharacter("Maid", false)));
        var room = ports().catalogue().insertRoom(storeId, "Room A", 6, true).id();
        stored.add(storeId, script, room, BookingStatus.SCHEDULED, DAY.minusSeconds(1));
        stored.add(storeId, script, room, BookingStatus.CANCELLED, DAY);
        stored.add(storeId, script, room, BookingStatus.INCOMPLETE, DAY.plus(Duration.ofHours(6)));
        stored.add(storeId, script, room, BookingStatus.COMPLETED, NEXT_DAY.minusSeconds(1));
        stored.add(storeId, script, room, BookingStatus.SCHEDULED, NEXT_DAY);

        assertEquals(3, ledger().lockAndCountBookingsOn(storeId, DAY, NEXT_DAY));
        assertEquals(0, ledger().lockAndCountBookingsOn(otherId, DAY, NEXT_DAY), "another store's day");
    }

    @Test
    void bookings_are_not_a_quota_of_the_whole_store() {
        var storeId = ports().newStoreId();

        assertThrows(IllegalArgumentException.class, () -> ledger().lockAndCount(storeId, Quota.BOOKINGS_PER_DAY));
    }

    /** One active room, script, DM and client. */
    private void fillCatalogue(StoreId storeId) {
        var catalogue = ports().catalogue();
        catalogue.insertRoom(storeId, "Room A", 6, true);
        catalogue.insertScript(storeId, "Night Train", 120, List.of(new NewCharacter("Maid", false)));
        catalogue.insertDm(storeId, "Alice", true);
        catalogue.insertClient(storeId, "Lin", "13800000001");
    }
}
