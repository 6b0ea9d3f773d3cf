package io.storescheduler.application.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.storescheduler.application.access.StoreRepository.StoreChanges;
import io.storescheduler.application.shared.FieldChange;
import io.storescheduler.application.shared.PageRequest;
import io.storescheduler.application.shared.PortContract;
import io.storescheduler.domain.id.StoreId;
import io.storescheduler.domain.store.OpeningHours;
import io.storescheduler.domain.store.Store;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What every {@link StoreRepository} does, run on the in-memory fake the access service tests
 * trust and on the jOOQ adapter over PostgreSQL. A test sees the stores of the tests before it,
 * so it judges {@link StoreRepository#listAll} by the stores it made, which are the newest.
 */
public abstract class StoreRepositoryContract extends PortContract<AccessPortsUnderTest> {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    protected StoreRepositoryContract(AccessPortsUnderTest ports) {
        super(ports);
    }

    private StoreRepository stores() {
        return ports().stores();
    }

    @Test
    void an_inserted_store_reads_back_always_open_and_an_unknown_one_is_empty() {
        var store = stores().insert("Mystery House", SHANGHAI);

        assertEquals(new Store(store.id(), "Mystery House", SHANGHAI, OpeningHours.alwaysOpen()), store);
        assertEquals(Optional.of(store), stores().find(store.id()));
        assertEquals(Optional.empty(), stores().find(new StoreId(store.id().value() + 1_000_000)));
    }

    @Test
    void an_update_writes_only_the_fields_it_sets_and_one_of_an_unknown_store_is_empty() {
        var store = stores().insert("Mystery House", SHANGHAI);
        var hours = OpeningHours.ofLines(List.of("mon 10:00-23:30", "sat 09:00-02:00"));

        var renamed = stores().update(store.id(), new StoreChanges(FieldChange.setTo("Manor"), FieldChange.keep()));
        var moved = stores().update(store.id(), new StoreChanges(FieldChange.keep(), FieldChange.setTo(BERLIN), FieldChange.setTo(hours)));

        assertEquals(Optional.of(new Store(store.id(), "Manor", SHANGHAI)), renamed);
        assertEquals(Optional.of(new Store(store.id(), "Manor", BERLIN, hours)), moved);
        assertEquals(moved, stores().find(store.id()));
        var unknown = new StoreId(store.id().value() + 1_000_000);
        assertEquals(Optional.empty(), stores().update(unknown, new StoreChanges(FieldChange.setTo("x"), FieldChange.keep())));
    }

    @Test
    void opening_hours_set_to_always_open_read_back_always_open() {
        var store = stores().insert("Mystery House", SHANGHAI);
        var hours = OpeningHours.ofLines(List.of("mon 10:00-23:30"));
        stores().update(store.id(), new StoreChanges(FieldChange.keep(), FieldChange.keep(), FieldChange.setTo(hours)));

        var reopened = stores().update(store.id(), new StoreChanges(FieldChange.keep(), FieldChange.keep(),
                FieldChange.setTo(OpeningHours.alwaysOpen())));

        assertEquals(Optional.of(new Store(store.id(), "Mystery House", SHANGHAI)), reopened);
    }

    @Test
    void every_store_is_listed_by_id_in_pages_with_the_total() {
        var made = List.of(stores().insert("a", SHANGHAI), stores().insert("b", SHANGHAI), stores().insert("c", SHANGHAI));

        var total = stores().listAll(new PageRequest(1, 0)).total();
        var last = stores().listAll(new PageRequest(2, (int) total - 2));

        assertEquals(made.subList(1, 3), last.items());
        assertEquals(total, last.total());
        var all = stores().listAll(new PageRequest(PageRequest.MAX_LIMIT, 0)).items().stream().map(Store::id).toList();
        assertEquals(all.stream().sorted().toList(), all);
    }

    @Test
    void a_list_of_only_some_stores_shows_those_that_exist_by_id_in_pages() {
        var first = stores().insert("first", SHANGHAI);
        stores().insert("skipped", SHANGHAI);
        var third = stores().insert("third", SHANGHAI);
        var missing = new StoreId(third.id().value() + 1_000_000);

        var only = stores().listOnly(Set.of(third.id(), first.id(), missing), PageRequest.first());
        var secondPage = stores().listOnly(Set.of(third.id(), first.id(), missing), new PageRequest(1, 1));

        assertEquals(List.of(first, third), only.items());
        assertEquals(2, only.total());
        assertEquals(List.of(third), secondPage.items());
        assertEquals(2, secondPage.total());
        assertEquals(Set.of(first.id(), third.id()), stores().existing(Set.of(first.id(), third.id(), missing)));
        assertEquals(Set.of(), stores().existing(Set.of(missing)));
    }
}
