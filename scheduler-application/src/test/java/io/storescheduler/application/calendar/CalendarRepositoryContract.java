package io.storescheduler.application.calendar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.storescheduler.application.booking.StoredBookings;
import io.storescheduler.application.catalogue.CatalogueRepository.NewCharacter;
import io.storescheduler.application.shared.PortContract;
import io.storescheduler.domain.booking.BookingStatus;
import io.storescheduler.domain.catalogue.Script;
import io.storescheduler.domain.id.BookingId;
import io.storescheduler.domain.id.ClientId;
import io.storescheduler.domain.id.StoreId;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What every {@link CalendarRepository} does, run on the jOOQ adapter over PostgreSQL alone: the
 * calendar service's test stands in for it with a map of keys and a canned feed that records what
 * it was asked, not a fake of the feed's query, so nothing in memory could drift from it. Left
 * out, as only the database holds it: a key refused for an owner of another store (a composite
 * foreign key); the jOOQ test states it itself.
 */
public abstract class CalendarRepositoryContract extends PortContract<CalendarPortsUnderTest> {

    protected static final Instant FROM = Instant.parse("2026-12-01T00:00:00Z");
    protected static final Instant TO = FROM.plus(Duration.ofDays(10));
    protected static final Instant KEYED = Instant.parse("2026-11-30T12:00:00Z");

    protected CalendarRepositoryContract(CalendarPortsUnderTest ports) {
        super(ports);
    }

    private CalendarRepository calendars() {
        return ports().calendars();
    }

    @Test
    void a_feed_shows_the_owners_scheduled_and_completed_bookings_in_the_window_by_start_up_to_its_limit() {
        var storeId = ports().newStoreId();
        var script = nightTrain(storeId);
        var room = ports().catalogue().insertRoom(storeId, "Room A", 6, true).id();
        var otherRoom = ports().catalogue().insertRoom(storeId, "Room B", 6, true).id();
        var dm = ports().catalogue().insertDm(storeId, "Alice", true).id();
        var stored = new StoredBookings(ports());

        var later = stored.add(storeId, script, room, BookingStatus.SCHEDULED, FROM.plus(Duration.ofDays(2)), party(storeId, 2), dm);
        var first = stored.add(storeId, script, room, BookingStatus.COMPLETED, FROM.plus(Duration.ofHours(1)), party(storeId, 1), null);
        stored.add(storeId, script, room, BookingStatus.CANCELLED, FROM.plus(Duration.ofDays(1)), List.of(), dm);
        stored.add(storeId, script, room, BookingStatus.INCOMPLETE, FROM.plus(Duration.ofDays(1)), List.of(), dm);
        stored.add(storeId, script, room, BookingStatus.SCHEDULED, FROM.minusSeconds(1), List.of(), dm);
        stored.add(storeId, script, room, BookingStatus.SCHEDULED, TO, List.of(), dm);
        var elsewhere = stored.add(storeId, script, otherRoom, BookingStatus.SCHEDULED, FROM.plus(Duration.ofDays(3)), List.of(), dm);

        assertEquals(List.of(first, later), ids(calendars().entries(storeId, CalendarOwner.room(room), FROM, TO, 1000)));
        assertEquals(List.of(later, elsewhere), ids(calendars().entries(storeId, CalendarOwner.dm(dm), FROM, TO, 1000)));
        assertEquals(List.of(first), ids(calendars().entries(storeId, CalendarOwner.room(room), FROM, TO, 1)));
        assertEquals(List.of(), calendars().entries(ports().newStoreId(), CalendarOwner.room(room), FROM, TO, 1000), "another store's path");
    }

    @Test
    void an_entry_tells_the_booking_as_a_calendar_shows_it_with_the_party_size() {
        var storeId = ports().newStoreId();
        var script = nightTrain(storeId);
        var room = ports().catalogue().insertRoom(storeId, "Room B", 6, true).id();
        var start = FROM.plus(Duration.ofDays(3));
        var id = new StoredBookings(ports()).add(storeId, script, room, BookingStatus.SCHEDULED, start, party(storeId, 3), null);
        var booking = ports().bookings().find(storeId, id).orElseThrow();

        var entry = calendars().entries(storeId, CalendarOwner.room(room), FROM, TO, 1000).getFirst();

        assertEquals(new CalendarEntry(id, booking.version(), BookingStatus.SCHEDULED, start, start.plus(Duration.ofMinutes(120)),
                "Night Train", 3, "Room B", booking.createdAt(), booking.updatedAt()), entry);
    }

    @Test
    void bookings_starting_together_are_shown_by_id() {
        var storeId = ports().newStoreId();
        var script = nightTrain(storeId);
        var room = ports().catalogue().insertRoom(storeId, "Room A", 6, true).id();
        var stored = new StoredBookings(ports());
        var start = FROM.plus(Duration.ofDays(1));
        var ids = IntStream.range(0, 3).mapToObj(i -> stored.add(storeId, script, room, BookingStatus.SCHEDULED, start)).toList();

        assertEquals(ids.stream().sorted().toList(), ids(calendars().entries(storeId, CalendarOwner.room(room), FROM, TO, 1000)));
    }

    @Test
    void a_key_replaces_the_one_before_and_each_owner_has_its_own() {
        var storeId = ports().newStoreId();
        var room = CalendarOwner.room(ports().catalogue().insertRoom(storeId, "Keyed", 4, true).id());
        var dm = CalendarOwner.dm(ports().catalogue().insertDm(storeId, "Keyed DM", true).id());
        var keyless = CalendarOwner.dm(ports().catalogue().insertDm(storeId, "Keyless DM", true).id());

        calendars().replaceKey(storeId, room, hash(1), KEYED);
        calendars().replaceKey(storeId, room, hash(2), KEYED.plusSeconds(1));
        calendars().replaceKey(storeId, dm, hash(3), KEYED);

        assertArrayEquals(hash(2), calendars().keyHash(storeId, room).orElseThrow());
        assertArrayEquals(hash(3), calendars().keyHash(storeId, dm).orElseThrow());
        assertEquals(Optional.empty(), calendars().keyHash(storeId, keyless));
    }

    @Test
    void an_owner_its_name_and_its_key_are_found_only_in_its_own_store() {
        var storeId = ports().newStoreId();
        var room = CalendarOwner.room(ports().catalogue().insertRoom(storeId, "Keyed", 4, true).id());
        var dm = CalendarOwner.dm(ports().catalogue().insertDm(storeId, "Alice", true).id());
        calendars().replaceKey(storeId, room, hash(1), KEYED);
        var otherStore = ports().newStoreId();

        assertEquals(Optional.of("Keyed"), calendars().ownerName(storeId, room));
        assertEquals(Optional.of("Alice"), calendars().ownerName(storeId, dm));
        assertEquals(Optional.empty(), calendars().ownerName(otherStore, room));
        assertEquals(Optional.empty(), calendars().ownerName(otherStore, dm));
        assertEquals(Optional.empty(), calendars().keyHash(otherStore, room));
    }

    protected static byte[] hash(int seed) {
        var bytes = new byte[32];
        Arrays.fill(bytes, (byte) seed);
        return bytes;
    }

    private Script nightTrain(StoreId storeId) {
        return ports().catalogue().insertScript(storeId, "Night Train", 120, List.of(new NewCharacter("Maid", false), new NewCharacter("Host", true)));
    }

    private List<ClientId> party(StoreId storeId, int size) {
        return IntStream.range(0, size).mapToObj(i -> ports().catalogue().insertClient(storeId, "Guest " + i, null).id()).toList();
    }

    private static List<BookingId> ids(List<CalendarEntry> entries) {
        return entries.stream().map(CalendarEntry::bookingId).toList();
    }
}
