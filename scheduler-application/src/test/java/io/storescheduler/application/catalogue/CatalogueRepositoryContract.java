package io.storescheduler.application.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storescheduler.application.catalogue.CatalogueRepository.ClientChanges;
import io.storescheduler.application.catalogue.CatalogueRepository.DmChanges;
import io.storescheduler.application.catalogue.CatalogueRepository.NewCharacter;
import io.storescheduler.application.catalogue.CatalogueRepository.RoomChanges;
import io.storescheduler.application.catalogue.CatalogueRepository.ScriptChanges;
import io.storescheduler.application.shared.FieldChange;
import io.storescheduler.application.shared.Page;
import io.storescheduler.application.shared.PageRequest;
import io.storescheduler.application.shared.PortContract;
import io.storescheduler.application.shared.UseCaseFailure;
import io.storescheduler.domain.catalogue.Client;
import io.storescheduler.domain.catalogue.Dm;
import io.storescheduler.domain.catalogue.Room;
import io.storescheduler.domain.catalogue.ScriptCharacter;
import io.storescheduler.domain.id.ClientId;
import io.storescheduler.domain.id.ScriptId;
import io.storescheduler.domain.id.StoreId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What every {@link CatalogueRepository} does, run on the in-memory fake the service tests trust and
 * on the jOOQ adapter over PostgreSQL, so the two cannot drift apart.
 */
public abstract class CatalogueRepositoryContract extends PortContract<CataloguePortsUnderTest> {

    protected CatalogueRepositoryContract(CataloguePortsUnderTest ports) {
        super(ports);
    }

    protected final CatalogueRepository catalogue() {
        return ports().catalogue();
    }

    @Test
    void a_room_reads_back_as_inserted() {
        var storeId = ports().newStoreId();

        var room = catalogue().insertRoom(storeId, "Library", 8, false);

        assertEquals(new Room(room.id(), storeId, "Library", 8, false), room);
        assertEquals(Optional.of(room), catalogue().findRoom(storeId, room.id()));
    }

    @Test
    void room_names_are_unique_per_store_whatever_their_case() {
        var storeId = ports().newStoreId();
        catalogue().insertRoom(storeId, "Room A", 6, true);

        var failure = assertThrows(UseCaseFailure.class, () -> catalogue().insertRoom(storeId, "room a", 4, true));

        assertEquals(UseCaseFailure.Kind.CONFLICT, failure.kind());
        assertEquals("room_name_taken", failure.code());
        assertEquals(1, catalogue().listRooms(storeId, PageRequest.first()).total());
    }

    @Test
    void the_room_named_like_a_name_is_found_by_its_name_key_in_its_own_store_only() {
        var storeId = ports().newStoreId();
        var room = catalogue().insertRoom(storeId, "Room A", 6, true);

        assertEquals(Optional.of(room.id()), catalogue().roomNamedLike(storeId, "room a"));
        assertEquals(Optional.of(room.id()), catalogue().roomNamedLike(storeId, "Room A"));
        assertEquals(Optional.empty(), catalogue().roomNamedLike(storeId, "Room B"));
        assertEquals(Optional.empty(), catalogue().roomNamedLike(ports().newStoreId(), "Room A"));
    }

    @Test
    void an_update_writes_only_the_fields_it_sets() {
        var storeId = ports().newStoreId();
        var room = catalogue().insertRoom(storeId, "Library", 8, true);
        var changeCapacity = new RoomChanges(FieldChange.keep(), FieldChange.setTo(4), FieldChange.keep());
        var deactivate = new RoomChanges(FieldChange.keep(), FieldChange.keep(), FieldChange.setTo(false));

        catalogue().updateRoom(storeId, room.id(), changeCapacity);
        var updated = catalogue().updateRoom(storeId, room.id(), deactivate);

        assertEquals(Optional.of(new Room(room.id(), storeId, "Library", 4, false)), updated);
    }

    @Test
    void renaming_a_room_to_a_taken_name_is_a_conflict_and_an_unknown_room_is_empty() {
        var storeId = ports().newStoreId();
        catalogue().insertRoom(storeId, "Room A", 6, true);
        var roomB = catalogue().insertRoom(storeId, "Room B", 6, true);
        var rename = new RoomChanges(FieldChange.setTo("ROOM A"), FieldChange.keep(), FieldChange.keep());

        var failure = assertThrows(UseCaseFailure.class,
                () -> ports().transactions().inTransaction(() -> catalogue().updateRoom(storeId, roomB.id(), rename)));

        assertEquals("room_name_taken", failure.code());
        assertEquals(Optional.of(roomB), catalogue().findRoom(storeId, roomB.id()));
        assertEquals(Optional.empty(), catalogue().updateRoom(ports().newStoreId(), roomB.id(), rename));
    }

    @Test
    void a_client_update_clears_the_phone_and_a_script_update_keeps_the_characters() {
        var storeId = ports().newStoreId();
        var client = catalogue().insertClient(storeId, "Li Wei", "138");
        var script = catalogue().insertScript(storeId, "Night Train", 240, List.of(new NewCharacter("Detective", false)));

        var cleared = catalogue().updateClient(storeId, client.id(), new ClientChanges(FieldChange.keep(), FieldChange.setTo(null)));
        var retimed = catalogue().updateScript(storeId, script.id(), new ScriptChanges(FieldChange.keep(), FieldChange.setTo(90)));

        assertEquals(Optional.of(new Client(client.id(), storeId, "Li Wei", null)), cleared);
        assertEquals(90, retimed.orElseThrow().durationMinutes());
        assertEquals(script.characters(), retimed.orElseThrow().characters());
    }

    @Test
    void another_store_may_have_a_room_of_the_same_name() {
        var storeId = ports().newStoreId();
        var otherId = ports().newStoreId();
        catalogue().insertRoom(storeId, "Room A", 6, true);

        var theirs = catalogue().insertRoom(otherId, "ROOM A", 6, true);

        assertEquals(Optional.of(theirs), catalogue().findRoom(otherId, theirs.id()));
    }

    @Test
    void active_rooms_seating_leaves_out_inactive_and_small_rooms() {
        var storeId = ports().newStoreId();
        var big = catalogue().insertRoom(storeId, "big", 8, true);
        catalogue().insertRoom(storeId, "closed", 8, false);
        catalogue().insertRoom(storeId, "small", 3, true);
        var exact = catalogue().insertRoom(storeId, "exact", 4, true);

        assertEquals(List.of(big, exact), catalogue().activeRoomsSeating(storeId, 4));
    }

    @Test
    void a_script_reads_back_with_its_characters_in_the_order_they_were_made() {
        var storeId = ports().newStoreId();

        var script = catalogue().insertScript(storeId, "Manor at Midnight", 300, List.of(
                new NewCharacter("butler", false), new NewCharacter("host", true), new NewCharacter("maid", false)));

        assertEquals("Manor at Midnight", script.name());
        assertEquals(300, script.durationMinutes());
        assertEquals(storeId, script.storeId());
        assertEquals(List.of("butler", "host", "maid"), script.characters().stream().map(ScriptCharacter::name).toList());
        assertEquals(List.of(false, true, false), script.characters().stream().map(ScriptCharacter::dm).toList());
        var ids = script.characters().stream().map(ScriptCharacter::id).toList();
        assertEquals(ids.stream().sorted().toList(), ids);
        assertEquals(Optional.of(script), catalogue().findScript(storeId, script.id()));
        assertEquals(List.of(script), catalogue().listScripts(storeId, PageRequest.first()).items());
    }

    @Test
    void characters_of_one_script_never_show_up_under_another() {
        var storeId = ports().newStoreId();
        var first = catalogue().insertScript(storeId, "first", 120, List.of(new NewCharacter("a", false)));
        var second = catalogue().insertScript(storeId, "second", 180, List.of(new NewCharacter("b", false), new NewCharacter("c", true)));

        assertEquals(List.of("a"), names(catalogue().findScript(storeId, first.id()).orElseThrow().characters()));
        assertEquals(List.of("b", "c"), names(catalogue().findScript(storeId, second.id()).orElseThrow().characters()));
    }

    @Test
    void a_dm_reads_back_as_inserted() {
        var storeId = ports().newStoreId();

        var dm = catalogue().insertDm(storeId, "Zhou", false);

        assertEquals(new Dm(dm.id(), storeId, "Zhou", false), dm);
        assertEquals(Optional.of(dm), catalogue().findDm(storeId, dm.id()));
    }

    @Test
    void nothing_of_a_store_is_found_under_another_stores_id() {
        var storeId = ports().newStoreId();
        var otherId = ports().newStoreId();
        var room = catalogue().insertRoom(storeId, "room", 4, true);
        var script = catalogue().insertScript(storeId, "script", 120, List.of(new NewCharacter("a", false)));
        var dm = catalogue().insertDm(storeId, "dm", true);
        var client = catalogue().insertClient(storeId, "client", null);

        assertEquals(Optional.empty(), catalogue().findRoom(otherId, room.id()));
        assertEquals(Optional.empty(), catalogue().findScript(otherId, script.id()));
        assertEquals(Optional.empty(), catalogue().findDm(otherId, dm.id()));
        assertEquals(Optional.empty(), catalogue().findClient(otherId, client.id()));
        assertEquals(List.of(), catalogue().existingClients(otherId, List.of(client.id())));
        assertEquals(0, catalogue().listRooms(otherId, PageRequest.first()).total());
        assertEquals(0, catalogue().listClients(otherId, null, PageRequest.first()).total());
    }

    @Test
    void existing_clients_answers_only_the_stores_own_clients() {
        var storeId = ports().newStoreId();
        var ours = catalogue().insertClient(storeId, "Lin", null);
        var theirs = catalogue().insertClient(ports().newStoreId(), "Wu", null);

        assertEquals(List.of(ours.id()), catalogue().existingClients(storeId, List.of(ours.id(), theirs.id(), new ClientId(0))));
    }

    @Test
    void clients_query_filters_by_name_or_phone_ignoring_case() {
        var storeId = ports().newStoreId();
        var lin = catalogue().insertClient(storeId, "Lin Mei", "13800001111");
        var linda = catalogue().insertClient(storeId, "LINDA", null);
        var wu = catalogue().insertClient(storeId, "Wu Lei", "13900002222");
        var team = catalogue().insertClient(storeId, "Team 139", null);

        assertEquals(List.of(lin, linda), clients(storeId, "lin"));
        assertEquals(List.of(wu), clients(storeId, "0002"));
        assertEquals(List.of(wu, team), clients(storeId, "139"));
        assertEquals(List.of(lin, linda, wu, team), clients(storeId, null));
        assertEquals(List.of(lin, linda, wu, team), clients(storeId, "  "));
        assertEquals(List.of(), clients(storeId, "nobody"));
    }

    @Test
    void clients_query_takes_wildcards_literally() {
        var storeId = ports().newStoreId();
        var percent = catalogue().insertClient(storeId, "100% fun", null);
        var underscore = catalogue().insertClient(storeId, "snake_case", null);
        catalogue().insertClient(storeId, "plain", "12345");

        assertEquals(List.of(percent), clients(storeId, "%"));
        assertEquals(List.of(underscore), clients(storeId, "_"));
    }

    @Test
    void a_page_has_at_most_limit_items_after_offset_and_the_total_of_all() {
        var storeId = ports().newStoreId();
        var rooms = IntStream.range(0, 7).mapToObj(i -> catalogue().insertRoom(storeId, "room " + i, 4, true)).toList();

        assertPage(rooms.subList(0, 3), 7, catalogue().listRooms(storeId, new PageRequest(3, 0)));
        assertPage(rooms.subList(3, 6), 7, catalogue().listRooms(storeId, new PageRequest(3, 3)));
        assertPage(rooms.subList(6, 7), 7, catalogue().listRooms(storeId, new PageRequest(3, 6)));
        assertPage(List.of(), 7, catalogue().listRooms(storeId, new PageRequest(3, 10)));
    }

    @Test
    void a_filtered_page_counts_only_the_matching_clients() {
        var storeId = ports().newStoreId();
        var matching = IntStream.range(0, 5).mapToObj(i -> catalogue().insertClient(storeId, "match " + i, null)).toList();
        IntStream.range(0, 4).forEach(i -> catalogue().insertClient(storeId, "other " + i, null));

        assertPage(matching.subList(2, 4), 5, catalogue().listClients(storeId, "MATCH", new PageRequest(2, 2)));
        assertPage(matching.subList(4, 5), 5, catalogue().listClients(storeId, "match", new PageRequest(2, 4)));
        assertEquals(9, catalogue().listClients(storeId, null, new PageRequest(1, 0)).total());
    }

    @Test
    void scripts_and_dms_page_the_same_way() {
        var storeId = ports().newStoreId();
        var scripts = IntStream.range(0, 3).mapToObj(i ->
                catalogue().insertScript(storeId, "script " + i, 60, List.of(new NewCharacter("role", false)))).toList();
        var dms = IntStream.range(0, 3).mapToObj(i -> catalogue().insertDm(storeId, "dm " + i, true)).toList();

        assertPage(scripts.subList(1, 3), 3, catalogue().listScripts(storeId, new PageRequest(2, 1)));
        assertPage(dms.subList(0, 2), 3, catalogue().listDms(storeId, new PageRequest(2, 0)));
    }

    @Test
    void a_dm_reads_back_with_the_scripts_it_hosts_and_an_update_sets_them_or_every_script_again() {
        var storeId = ports().newStoreId();
        var first = catalogue().insertScript(storeId, "first", 60, List.of(new NewCharacter("a", false)));
        var second = catalogue().insertScript(storeId, "second", 60, List.of(new NewCharacter("b", false)));

        var dm = catalogue().insertDm(storeId, "Zhou", true, Set.of(second.id(), first.id()));
        var narrowed = catalogue().updateDm(storeId, dm.id(), new DmChanges(FieldChange.keep(), FieldChange.keep(),
                FieldChange.setTo(Set.of(second.id()))));
        var opened = catalogue().updateDm(storeId, dm.id(), new DmChanges(FieldChange.setTo("Zhou Li"), FieldChange.setTo(false),
                FieldChange.setTo(null)));

        assertEquals(Dm.of(dm.id(), storeId, "Zhou", true, Set.of(first.id(), second.id())), dm);
        assertEquals(List.of(first.id(), second.id()), List.copyOf(dm.scriptIds()));
        assertEquals(Optional.of(Dm.of(dm.id(), storeId, "Zhou", true, Set.of(second.id()))), narrowed);
        assertEquals(Optional.of(new Dm(dm.id(), storeId, "Zhou Li", false)), opened);
        assertTrue(opened.orElseThrow().hostsEveryScript());
        assertEquals(opened, catalogue().findDm(storeId, dm.id()));
    }

    @Test
    void a_room_update_sets_its_turnaround_and_every_update_of_another_stores_row_is_empty_and_changes_nothing() {
        var storeId = ports().newStoreId();
        var otherId = ports().newStoreId();
        var room = catalogue().insertRoom(storeId, "Library", 8, true, 15);
        var script = catalogue().insertScript(storeId, "script", 120, List.of(new NewCharacter("a", false)));
        var dm = catalogue().insertDm(storeId, "dm", true);
        var client = catalogue().insertClient(storeId, "Lin", "138");

        var retimed = catalogue().updateRoom(storeId, room.id(),
                new RoomChanges(FieldChange.keep(), FieldChange.keep(), FieldChange.keep(), FieldChange.setTo(30)));

        assertEquals(Optional.of(new Room(room.id(), storeId, "Library", 8, true, 30)), retimed);
        assertEquals(Optional.empty(), catalogue().updateScript(otherId, script.id(), new ScriptChanges(FieldChange.setTo("x"), FieldChange.keep())));
        assertEquals(Optional.empty(), catalogue().updateDm(otherId, dm.id(), new DmChanges(FieldChange.setTo("x"), FieldChange.keep())));
        assertEquals(Optional.empty(), catalogue().updateClient(otherId, client.id(), new ClientChanges(FieldChange.setTo("x"), FieldChange.keep())));
        assertEquals(Optional.of(script), catalogue().findScript(storeId, script.id()));
        assertEquals(Optional.of(dm), catalogue().findDm(storeId, dm.id()));
        assertEquals(Optional.of(client), catalogue().findClient(storeId, client.id()));
    }

    @Test
    void all_rooms_and_all_dms_are_every_one_of_the_store_active_or_not_by_id() {
        var storeId = ports().newStoreId();
        var open = catalogue().insertRoom(storeId, "open", 4, true);
        var closed = catalogue().insertRoom(storeId, "closed", 4, false);
        var working = catalogue().insertDm(storeId, "working", true);
        var away = catalogue().insertDm(storeId, "away", false);
        catalogue().insertRoom(ports().newStoreId(), "elsewhere", 4, true);

        assertEquals(List.of(open, closed), catalogue().allRooms(storeId));
        assertEquals(List.of(working, away), catalogue().allDms(storeId));
        assertEquals(List.of(), catalogue().allDms(ports().newStoreId()));
    }

    @Test
    void existing_scripts_answers_only_the_stores_own_scripts() {
        var storeId = ports().newStoreId();
        var ours = catalogue().insertScript(storeId, "ours", 60, List.of(new NewCharacter("a", false)));
        var theirs = catalogue().insertScript(ports().newStoreId(), "theirs", 60, List.of(new NewCharacter("a", false)));

        assertEquals(List.of(ours.id()), catalogue().existingScripts(storeId, List.of(ours.id(), theirs.id(), new ScriptId(0))));
        assertEquals(List.of(), catalogue().existingScripts(storeId, List.of()));
    }

    private static <T> void assertPage(List<T> items, long total, Page<T> page) {
        assertEquals(items, page.items());
        assertEquals(total, page.total());
    }

    private List<Client> clients(StoreId storeId, String query) {
        return catalogue().listClients(storeId, query, PageRequest.first()).items();
    }

    private static List<String> names(List<ScriptCharacter> characters) {
        return characters.stream().map(ScriptCharacter::name).toList();
    }
}
