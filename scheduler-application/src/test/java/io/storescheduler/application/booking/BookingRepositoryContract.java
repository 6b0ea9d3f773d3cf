package io.storescheduler.application.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storescheduler.application.booking.BookingRepository.NewBooking;
import io.storescheduler.application.catalogue.CatalogueRepository.NewCharacter;
import io.storescheduler.application.shared.PageRequest;
import io.storescheduler.application.shared.PortContract;
import io.storescheduler.domain.booking.Booking;
import io.storescheduler.domain.booking.BookingStatus;
import io.storescheduler.domain.booking.CharacterClientMatch;
import io.storescheduler.domain.booking.CharacterDmMatch;
import io.storescheduler.domain.catalogue.Script;
import io.storescheduler.domain.id.BookingId;
import io.storescheduler.domain.id.CharacterId;
import io.storescheduler.domain.id.ClientId;
import io.storescheduler.domain.id.DmId;
import io.storescheduler.domain.id.RoomId;
import io.storescheduler.domain.id.SlotId;
import io.storescheduler.domain.id.StoreId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What every {@link BookingRepository} does, run on the in-memory fake the service tests trust and
 * on the jOOQ adapter over PostgreSQL, so the two cannot drift apart. Left out, as only the
 * database holds them: a booking refused for a room of another store (a composite foreign key the
 * fake does not know, as it keeps no catalogue), the precision of the stored times, and the row lock
 * {@link BookingRepository#findForUpdate} takes; the jOOQ test states those itself.
 */
public abstract class BookingRepositoryContract extends PortContract<BookingPortsUnderTest> {

    /** Microsecond precision on purpose: timestamptz keeps exactly that much. */
    protected static final Instant CREATED = Instant.parse("2026-11-20T08:15:30.123456Z");
    protected static final Instant UPDATED = Instant.parse("2026-11-21T09:00:00.654321Z");
    protected static final Instant START = Instant.parse("2026-12-05T06:00:00Z");
    protected static final Instant END = Instant.parse("2026-12-05T10:00:00Z");

    /** A store with one room, two DMs, two clients and a script with two client characters and a DM character. */
    protected record StoreSetup(StoreId storeId, RoomId roomId, DmId dmId, DmId otherDmId, List<ClientId> clientIds, Script script) {

        public CharacterId clientCharacter(int index) {
            return script.nonDmCharacterIds().stream().sorted().toList().get(index);
        }

        public CharacterId dmCharacter() {
            return script.dmCharacterIds().iterator().next();
        }
    }

    protected BookingRepositoryContract(BookingPortsUnderTest ports) {
        super(ports);
    }

    protected final BookingRepository bookings() {
        return ports().bookings();
    }

    @Test
    void an_inserted_booking_reads_back_with_every_field() {
        var store = newStoreSetup();

        var id = bookings().insert(new NewBooking(store.storeId(), START, END, store.script().id(), store.roomId(), "birthday", CREATED)).id();

        var expected = new Booking(id, store.storeId(), BookingStatus.INCOMPLETE, START, END, store.script().id(),
                store.roomId(), null, "birthday", List.of(), List.of(), List.of(), 0, CREATED, CREATED);
        assertEquals(Optional.of(expected), bookings().find(store.storeId(), id));
    }

    /** A create answers without reading the booking back, so what the insert returns must be what a read finds. */
    @Test
    void the_booking_an_insert_answers_is_the_one_a_read_finds_even_when_the_clock_is_finer_than_the_store() {
        var store = newStoreSetup();
        var row = new NewBooking(store.storeId(), START, END, store.script().id(), store.roomId(), "birthday",
                CREATED.plusNanos(123_456_789));

        var inserted = bookings().insert(row);

        assertEquals(Optional.of(row.as(inserted)), bookings().find(store.storeId(), inserted.id()));
    }

    @Test
    void a_booking_without_script_room_or_note_reads_back_with_nulls() {
        var store = newStoreSetup();

        var id = bookings().insert(new NewBooking(store.storeId(), START, null, null, null, null, CREATED)).id();

        var booking = bookings().find(store.storeId(), id).orElseThrow();
        assertNull(booking.endAt());
        assertNull(booking.scriptId());
        assertNull(booking.roomId());
        assertNull(booking.note());
        assertFalse(booking.scheduleEntry().hasTime());
    }

    @Test
    void adding_a_client_twice_answers_false_the_second_time_and_keeps_one_party_member() {
        var store = newStoreSetup();
        var id = newBooking(store);
        var client = store.clientIds().get(0);

        assertTrue(bookings().addClient(store.storeId(), id, client));
        assertFalse(bookings().addClient(store.storeId(), id, client));

        assertEquals(List.of(client), bookings().find(store.storeId(), id).orElseThrow().clientIds());
    }

    /** The party comes back by client id, whatever order it joined in; matches come back by their own id. */
    @Test
    void party_and_matches_come_back_in_the_booking() {
        var store = newStoreSetup();
        var id = newBooking(store);
        var first = store.clientIds().get(0);
        var second = store.clientIds().get(1);
        bookings().addClient(store.storeId(), id, second);
        bookings().addClient(store.storeId(), id, first);

        var firstMatch = bookings().addClientMatch(store.storeId(), id, store.clientCharacter(0), second);
        var secondMatch = bookings().addClientMatch(store.storeId(), id, store.clientCharacter(1), first);
        var playingDm = bookings().addDmMatch(store.storeId(), id, store.dmCharacter(), store.dmId());
        var freeDm = bookings().addDmMatch(store.storeId(), id, null, store.otherDmId());

        var booking = bookings().find(store.storeId(), id).orElseThrow();
        assertEquals(List.of(first, second), booking.clientIds());
        assertEquals(List.of(new CharacterClientMatch(firstMatch, store.clientCharacter(0), second),
                new CharacterClientMatch(secondMatch, store.clientCharacter(1), first)), booking.clientMatches());
        assertEquals(List.of(new CharacterDmMatch(playingDm, store.dmCharacter(), store.dmId()),
                new CharacterDmMatch(freeDm, null, store.otherDmId())), booking.dmMatches());
        assertEquals(Set.of(store.dmId(), store.otherDmId()), booking.dmIds());
    }

    @Test
    void removing_a_client_takes_its_match_with_it_and_answers_false_when_it_was_not_in_the_party() {
        var store = newStoreSetup();
        var id = newBooking(store);
        var leaving = store.clientIds().get(0);
        var staying = store.clientIds().get(1);
        bookings().addClient(store.storeId(), id, leaving);
        bookings().addClient(store.storeId(), id, staying);
        bookings().addClientMatch(store.storeId(), id, store.clientCharacter(0), leaving);
        var kept = bookings().addClientMatch(store.storeId(), id, store.clientCharacter(1), staying);

        assertTrue(bookings().removeClient(store.storeId(), id, leaving));
        assertFalse(bookings().removeClient(store.storeId(), id, leaving));

        var booking = bookings().find(store.storeId(), id).orElseThrow();
        assertEquals(List.of(staying), booking.clientIds());
        assertEquals(List.of(new CharacterClientMatch(kept, store.clientCharacter(1), staying)), booking.clientMatches());
    }

    @Test
    void a_match_is_changed_or_removed_by_its_id_alone() {
        var store = newStoreSetup();
        var id = newBooking(store);
        var first = store.clientIds().get(0);
        var second = store.clientIds().get(1);
        bookings().addClient(store.storeId(), id, first);
        bookings().addClient(store.storeId(), id, second);
        var changed = bookings().addClientMatch(store.storeId(), id, store.clientCharacter(0), first);
        var removed = bookings().addClientMatch(store.storeId(), id, store.clientCharacter(1), second);
        var dm = bookings().addDmMatch(store.storeId(), id, store.dmCharacter(), store.dmId());
        var freeDm = bookings().addDmMatch(store.storeId(), id, null, store.otherDmId());

        bookings().removeClientMatch(store.storeId(), id, removed);
        bookings().updateClientMatch(store.storeId(), id, changed, store.clientCharacter(1), second);
        bookings().removeDmMatch(store.storeId(), id, freeDm);
        bookings().updateDmMatch(store.storeId(), id, dm, null, store.dmId());

        var booking = bookings().find(store.storeId(), id).orElseThrow();
        assertEquals(List.of(new CharacterClientMatch(changed, store.clientCharacter(1), second)), booking.clientMatches());
        assertEquals(List.of(new CharacterDmMatch(dm, null, store.dmId())), booking.dmMatches());
    }

    @Test
    void a_match_for_a_client_outside_the_party_is_refused() {
        var store = newStoreSetup();
        var id = newBooking(store);

        assertThrows(ports().integrityViolation(),
                () -> bookings().addClientMatch(store.storeId(), id, store.clientCharacter(0), store.clientIds().get(0)));
    }

    @Test
    void a_booking_matches_each_character_and_each_client_once_and_frees_a_dm_once() {
        var store = newStoreSetup();
        var id = newBooking(store);
        var first = store.clientIds().get(0);
        var second = store.clientIds().get(1);
        bookings().addClient(store.storeId(), id, first);
        bookings().addClient(store.storeId(), id, second);
        var match = bookings().addClientMatch(store.storeId(), id, store.clientCharacter(0), first);
        var other = bookings().addClientMatch(store.storeId(), id, store.clientCharacter(1), second);
        bookings().addDmMatch(store.storeId(), id, store.dmCharacter(), store.dmId());
        bookings().addDmMatch(store.storeId(), id, null, store.otherDmId());
        var booking = bookings().find(store.storeId(), id).orElseThrow();

        assertThrows(ports().integrityViolation(), () -> bookings().addClientMatch(store.storeId(), id, store.clientCharacter(0), second));
        assertThrows(ports().integrityViolation(), () -> bookings().updateClientMatch(store.storeId(), id, other, store.clientCharacter(1), first));
        assertThrows(ports().integrityViolation(), () -> bookings().addDmMatch(store.storeId(), id, store.dmCharacter(), store.otherDmId()));
        assertThrows(ports().integrityViolation(), () -> bookings().addDmMatch(store.storeId(), id, null, store.otherDmId()));
        bookings().updateClientMatch(store.storeId(), id, match, store.clientCharacter(0), first);

        assertEquals(Optional.of(booking), bookings().find(store.storeId(), id));
    }

    @Test
    void dropping_character_matches_keeps_the_party_and_the_free_dms() {
        var store = newStoreSetup();
        var id = newBooking(store);
        var client = store.clientIds().get(0);
        bookings().addClient(store.storeId(), id, client);
        bookings().addClientMatch(store.storeId(), id, store.clientCharacter(0), client);
        bookings().addDmMatch(store.storeId(), id, store.dmCharacter(), store.dmId());
        var freeDm = bookings().addDmMatch(store.storeId(), id, null, store.otherDmId());

        bookings().dropCharacterMatches(store.storeId(), id);

        var booking = bookings().find(store.storeId(), id).orElseThrow();
        assertEquals(List.of(client), booking.clientIds());
        assertEquals(List.of(), booking.clientMatches());
        assertEquals(List.of(new CharacterDmMatch(freeDm, null, store.otherDmId())), booking.dmMatches());
    }

    @Test
    void dropping_character_matches_leaves_other_bookings_alone() {
        var store = newStoreSetup();
        var dropped = newBooking(store);
        var kept = newBooking(store);
        var match = bookings().addDmMatch(store.storeId(), kept, store.dmCharacter(), store.dmId());
        bookings().addDmMatch(store.storeId(), dropped, store.dmCharacter(), store.dmId());

        bookings().dropCharacterMatches(store.storeId(), dropped);

        assertEquals(List.of(new CharacterDmMatch(match, store.dmCharacter(), store.dmId())),
                bookings().find(store.storeId(), kept).orElseThrow().dmMatches());
    }

    @Test
    void update_writes_the_booking_columns_and_bumps_the_version() {
        var store = newStoreSetup();
        var id = newBooking(store);
        var slotId = ports().slots().upsert(store.storeId(), START.plusSeconds(3600));
        var inserted = bookings().find(store.storeId(), id).orElseThrow();
        var changed = new Booking(id, store.storeId(), BookingStatus.SCHEDULED, START.plusSeconds(3600), END.plusSeconds(3600),
                store.script().id(), store.roomId(), slotId, "moved", List.of(), List.of(), List.of(),
                inserted.version(), inserted.createdAt(), inserted.updatedAt());

        bookings().update(changed, UPDATED);

        var expected = new Booking(id, store.storeId(), BookingStatus.SCHEDULED, START.plusSeconds(3600), END.plusSeconds(3600),
                store.script().id(), store.roomId(), slotId, "moved", List.of(), List.of(), List.of(), 1, CREATED, UPDATED);
        assertEquals(Optional.of(expected), bookings().find(store.storeId(), id));
        bookings().update(expected, UPDATED);
        assertEquals(2, bookings().find(store.storeId(), id).orElseThrow().version());
    }

    @Test
    void update_leaves_the_party_and_matches_as_they_are_stored() {
        var store = newStoreSetup();
        var id = newBooking(store);
        var client = store.clientIds().get(0);
        var before = bookings().find(store.storeId(), id).orElseThrow();
        bookings().addClient(store.storeId(), id, client);
        var match = bookings().addDmMatch(store.storeId(), id, null, store.dmId());

        bookings().update(BookingCopies.withStatus(before, BookingStatus.CANCELLED, null), UPDATED);

        var booking = bookings().find(store.storeId(), id).orElseThrow();
        assertEquals(BookingStatus.CANCELLED, booking.status());
        assertEquals(List.of(client), booking.clientIds());
        assertEquals(List.of(new CharacterDmMatch(match, null, store.dmId())), booking.dmMatches());
    }

    @Test
    void a_booking_is_not_found_under_another_stores_id() {
        var store = newStoreSetup();
        var otherId = ports().newStoreId();
        var id = newBooking(store);

        assertEquals(Optional.empty(), bookings().find(otherId, id));
        assertEquals(Optional.empty(), ports().transactions().inTransaction(() -> bookings().findForUpdate(otherId, id)));
        assertEquals(Optional.empty(), bookings().find(store.storeId(), new BookingId(id.value() + 1_000_000)));
    }

    @Test
    void find_for_update_reads_the_booking_as_find_does() {
        var store = newStoreSetup();
        var id = newBooking(store);
        bookings().addClient(store.storeId(), id, store.clientIds().get(1));

        var locked = ports().transactions().inTransaction(() -> bookings().findForUpdate(store.storeId(), id));

        assertEquals(bookings().find(store.storeId(), id), locked);
    }

    @Test
    void an_update_naming_another_store_changes_nothing() {
        var store = newStoreSetup();
        var otherId = ports().newStoreId();
        var id = newBooking(store);
        var booking = bookings().find(store.storeId(), id).orElseThrow();
        var elsewhere = new Booking(id, otherId, BookingStatus.CANCELLED, START, END, store.script().id(), null, null,
                "hijacked", List.of(), List.of(), List.of(), 0, CREATED, CREATED);

        bookings().update(elsewhere, UPDATED);

        assertEquals(Optional.of(booking), bookings().find(store.storeId(), id));
    }

    @Test
    void party_and_match_edits_naming_another_store_change_nothing() {
        var store = newStoreSetup();
        var otherId = ports().newStoreId();
        var id = newBooking(store);
        var client = store.clientIds().get(0);
        bookings().addClient(store.storeId(), id, client);
        var clientMatch = bookings().addClientMatch(store.storeId(), id, store.clientCharacter(0), client);
        var dmMatch = bookings().addDmMatch(store.storeId(), id, store.dmCharacter(), store.dmId());
        var booking = bookings().find(store.storeId(), id).orElseThrow();

        assertFalse(bookings().removeClient(otherId, id, client));
        bookings().updateClientMatch(otherId, id, clientMatch, store.clientCharacter(1), client);
        bookings().removeClientMatch(otherId, id, clientMatch);
        bookings().updateDmMatch(otherId, id, dmMatch, null, store.dmId());
        bookings().removeDmMatch(otherId, id, dmMatch);
        bookings().dropCharacterMatches(otherId, id);

        assertEquals(Optional.of(booking), bookings().find(store.storeId(), id));
        assertThrows(ports().integrityViolation(), () -> bookings().addClient(otherId, id, client));
    }

    @Test
    void a_list_is_in_start_order_then_id_order_and_pages_with_the_total() {
        var store = newStoreSetup();
        var later = newBookingAt(store, START.plusSeconds(7200));
        var first = newBookingAt(store, START);
        var sameStart = newBookingAt(store, START);
        newBookingAt(ports().newStoreId(), START);

        assertEquals(List.of(first, sameStart, later), listedIds(store.storeId(), BookingFilter.all(), PageRequest.first()));
        var page = bookings().list(store.storeId(), BookingFilter.all(), new PageRequest(1, 1));
        assertEquals(List.of(sameStart), page.items().stream().map(Booking::id).toList());
        assertEquals(3, page.total());
    }

    @Test
    void a_list_shows_only_the_bookings_the_filter_matches() {
        var store = newStoreSetup();
        var slotId = ports().slots().upsert(store.storeId(), START.plusSeconds(3600));
        var early = newBookingAt(store, START);
        var scheduled = newBookingAt(store, START.plusSeconds(3600));
        var withoutRoom = bookings().insert(new NewBooking(store.storeId(), START.plusSeconds(7200), null, null, null, null, CREATED)).id();
        var before = bookings().find(store.storeId(), scheduled).orElseThrow();
        bookings().update(BookingCopies.withStatus(before, BookingStatus.SCHEDULED, slotId), UPDATED);
        bookings().addClient(store.storeId(), withoutRoom, store.clientIds().get(1));

        assertEquals(List.of(scheduled), listedIds(store.storeId(), filter(Set.of(BookingStatus.SCHEDULED), null, null, null, null, null)));
        assertEquals(List.of(early, withoutRoom),
                listedIds(store.storeId(), filter(Set.of(BookingStatus.INCOMPLETE, BookingStatus.CANCELLED), null, null, null, null, null)));
        assertEquals(List.of(scheduled), listedIds(store.storeId(), filter(Set.of(), START.plusSeconds(1), START.plusSeconds(7200), null, null, null)));
        assertEquals(List.of(early, scheduled), listedIds(store.storeId(), filter(Set.of(), null, null, store.roomId(), null, null)));
        assertEquals(List.of(scheduled), listedIds(store.storeId(), filter(Set.of(), null, null, null, slotId, null)));
        assertEquals(List.of(withoutRoom), listedIds(store.storeId(), filter(Set.of(), null, null, null, null, store.clientIds().get(1))));
        assertEquals(List.of(), listedIds(store.storeId(), filter(Set.of(), null, null, null, null, store.clientIds().get(0))));
    }

    private List<BookingId> listedIds(StoreId storeId, BookingFilter filter) {
        return listedIds(storeId, filter, PageRequest.first());
    }

    private List<BookingId> listedIds(StoreId storeId, BookingFilter filter, PageRequest page) {
        return bookings().list(storeId, filter, page).items().stream().map(Booking::id).toList();
    }

    private static BookingFilter filter(Set<BookingStatus> statuses, Instant from, Instant to, RoomId roomId, SlotId slotId, ClientId clientId) {
        return new BookingFilter(statuses, from, to, roomId, slotId, clientId);
    }

    protected final BookingId newBooking(StoreSetup store) {
        return newBookingAt(store, START);
    }

    private BookingId newBookingAt(StoreSetup store, Instant start) {
        return bookings().insert(new NewBooking(store.storeId(), start, start.plusSeconds(14_400), store.script().id(),
                store.roomId(), null, CREATED)).id();
    }

    private BookingId newBookingAt(StoreId storeId, Instant start) {
        return bookings().insert(new NewBooking(storeId, start, null, null, null, null, CREATED)).id();
    }

    protected final StoreSetup newStoreSetup() {
        var storeId = ports().newStoreId();
        var catalogue = ports().catalogue();
        var room = catalogue.insertRoom(storeId, "room", 6, true);
        var dm = catalogue.insertDm(storeId, "dm", true);
        var otherDm = catalogue.insertDm(storeId, "other dm", true);
        var clients = List.of(catalogue.insertClient(storeId, "Lin", "13800000001").id(),
                catalogue.insertClient(storeId, "Wu", null).id());
        var script = catalogue.insertScript(storeId, "script", 240, List.of(
                new NewCharacter("detective", false), new NewCharacter("butler", false), new NewCharacter("narrator", true)));
        return new StoreSetup(storeId, room.id(), dm.id(), otherDm.id(), clients, script);
    }
}
