package io.storescheduler.application.booking;

import static io.storescheduler.domain.booking.BookingStatus.CANCELLED;
import static io.storescheduler.domain.booking.BookingStatus.COMPLETED;
import static io.storescheduler.domain.booking.BookingStatus.INCOMPLETE;
import static io.storescheduler.domain.booking.BookingStatus.SCHEDULED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.storescheduler.application.booking.BookingRepository.NewBooking;
import io.storescheduler.application.catalogue.CatalogueRepository.NewCharacter;
import io.storescheduler.application.catalogue.CatalogueRepository.RoomChanges;
import io.storescheduler.application.shared.FieldChange;
import io.storescheduler.application.shared.PortContract;
import io.storescheduler.domain.booking.Booking;
import io.storescheduler.domain.booking.BookingStatus;
import io.storescheduler.domain.booking.ConflictReport;
import io.storescheduler.domain.booking.ScheduleEntry;
import io.storescheduler.domain.catalogue.Dm;
import io.storescheduler.domain.catalogue.Room;
import io.storescheduler.domain.catalogue.Script;
import io.storescheduler.domain.id.BookingId;
import io.storescheduler.domain.id.CharacterId;
import io.storescheduler.domain.id.DmId;
import io.storescheduler.domain.id.RoomId;
import io.storescheduler.domain.id.StoreId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ConflictFinder} does, case by case, run on the fake that applies the domain's
 * {@code ConflictRule} and on the jOOQ adapter's overlap SQL: touching bookings, turnarounds as the
 * room has them now, DMs across rooms, statuses, and store scoping. The jOOQ test also holds its
 * SQL to the rule on seeded random schedules, which the fake agrees with by construction.
 * {@link ConflictFinder#scheduledAround} is left out: it promises a superset, which the
 * availability service tests judge.
 */
public abstract class ConflictFinderContract extends PortContract<BookingPortsUnderTest> {

    protected static final Instant FIRST_DAY = Instant.parse("2026-12-05T02:00:00Z");
    protected static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    protected static final int ROOMS = 4;
    protected static final List<Integer> TURNAROUNDS = List.of(0, 15, 45, 240);
    protected static final int DMS = 5;
    /** The id of no booking: id 0 is never given out. */
    protected static final BookingId UNSTORED = new BookingId(0);

    /**
     * A store's catalogue: the script has one client character and two DM characters; the rooms
     * need 0, 15, 45 and 240 minutes of reset after a game.
     */
    protected record StoreSetup(StoreId storeId, List<RoomId> roomIds, List<DmId> dmIds, Script script, Map<RoomId, Duration> turnarounds) {

        /** The bookings as the rule sees them: each with its room's turnaround. */
        public List<ScheduleEntry> entriesOf(List<Booking> bookings) {
            return bookings.stream().map(booking -> entryOf(booking.scheduleEntry())).toList();
        }

        public ScheduleEntry entryOf(ScheduleEntry entry) {
            return entry.withRoomTurnaround(entry.roomId() == null ? Duration.ZERO : turnarounds.get(entry.roomId()));
        }

        public CharacterId dmCharacter(int index) {
            return script.dmCharacterIds().stream().sorted().toList().get(index);
        }
    }

    protected ConflictFinderContract(BookingPortsUnderTest ports) {
        super(ports);
    }

    @Test
    void bookings_that_only_touch_do_not_conflict() {
        var store = newStoreSetup();
        var room = store.roomIds().get(0);
        var dm = store.dmIds().get(0);
        var held = book(store, SCHEDULED, FIRST_DAY, 120, room, Set.of(dm));

        assertEquals(ConflictReport.none(), ports().conflicts().conflictsOf(store.storeId(), probe(FIRST_DAY.minus(hours(2)), FIRST_DAY, room, dm)));
        assertEquals(ConflictReport.none(), ports().conflicts().conflictsOf(store.storeId(), probe(FIRST_DAY.plus(hours(2)), FIRST_DAY.plus(hours(4)), room, dm)));
        assertEquals(Map.of(), ports().conflicts().roomConflictCounts(store.storeId(), UNSTORED, FIRST_DAY.plus(hours(2)), FIRST_DAY.plus(hours(4))));
        var oneMinuteInside = FIRST_DAY.plus(hours(2)).minus(minutes(1));
        assertEquals(List.of(held.id()),
                ports().conflicts().conflictsOf(store.storeId(), probe(oneMinuteInside, oneMinuteInside.plus(hours(1)), room, dm)).bookingIds());
    }

    @Test
    void a_room_is_occupied_during_its_turnaround_as_it_is_now_but_a_dm_only_while_the_game_runs() {
        var store = newStoreSetup();
        var room = store.roomIds().get(2); // 45 minutes of reset
        var dm = store.dmIds().get(0);
        var held = book(store, SCHEDULED, FIRST_DAY, 120, room, Set.of(dm));
        var duringReset = FIRST_DAY.plus(minutes(120 + 44));
        var afterReset = FIRST_DAY.plus(minutes(120 + 45));

        assertEquals(List.of(held.id()), ports().conflicts().conflictsOf(store.storeId(), probe(duringReset, duringReset.plus(hours(1)), room)).bookingIds());
        assertEquals(ConflictReport.none(), ports().conflicts().conflictsOf(store.storeId(), probe(afterReset, afterReset.plus(hours(1)), room)));
        assertEquals(ConflictReport.none(),
                ports().conflicts().conflictsOf(store.storeId(), probe(FIRST_DAY.plus(hours(2)), FIRST_DAY.plus(hours(3)), store.roomIds().get(1), dm)));
        assertEquals(Map.of(room, 1), ports().conflicts().roomConflictCounts(store.storeId(), UNSTORED, duringReset, duringReset.plus(hours(1))));
        // a game ending 44 minutes before the held one starts still holds the room while it is reset
        var before = FIRST_DAY.minus(minutes(60 + 44));
        assertEquals(List.of(held.id()), ports().conflicts().conflictsOf(store.storeId(), probe(before, before.plus(hours(1)), room)).bookingIds());

        var later = book(store, SCHEDULED, duringReset, 60, room, Set.of());
        assertEquals(List.of(later.id()), ports().conflicts().conflictsOf(store.storeId(), held.scheduleEntry()).bookingIds());
        ports().catalogue().updateRoom(store.storeId(), room, new RoomChanges(
                FieldChange.keep(), FieldChange.keep(), FieldChange.keep(), FieldChange.setTo(10)));
        assertEquals(ConflictReport.none(), ports().conflicts().conflictsOf(store.storeId(), held.scheduleEntry()));
        assertEquals(ConflictReport.none(), ports().reader().findWithConflicts(store.storeId(), later.id()).orElseThrow().conflicts());
    }

    @Test
    void a_day_long_booking_that_started_23_hours_59_minutes_earlier_is_found() {
        var store = newStoreSetup();
        var room = store.roomIds().get(0);
        var dm = store.dmIds().get(0);
        var subjectStart = FIRST_DAY.plus(hours(30));
        var stillRunning = book(store, SCHEDULED, subjectStart.minus(hours(24)).plus(minutes(1)), 1440, room, Set.of(dm));
        book(store, SCHEDULED, subjectStart.minus(hours(24)), 1440, room, Set.of(dm)); // ends as the subject starts

        var subjectEnd = subjectStart.plus(hours(1));
        assertEquals(List.of(stillRunning.id()),
                ports().conflicts().conflictsOf(store.storeId(), probe(subjectStart, subjectEnd, room)).bookingIds());
        assertEquals(List.of(stillRunning.id()),
                ports().conflicts().conflictsOf(store.storeId(), probe(subjectStart, subjectEnd, store.roomIds().get(1), dm)).bookingIds());
        assertEquals(Map.of(room, 1), ports().conflicts().roomConflictCounts(store.storeId(), UNSTORED, subjectStart, subjectEnd));
    }

    @Test
    void a_dm_shared_across_rooms_is_a_conflict_and_a_free_dm_counts_like_a_playing_one() {
        var store = newStoreSetup();
        var dm = store.dmIds().get(0);
        var playing = book(store, SCHEDULED, FIRST_DAY, 240, store.roomIds().get(0), Set.of());
        ports().bookings().addDmMatch(store.storeId(), playing.id(), store.dmCharacter(0), dm);
        var free = book(store, SCHEDULED, FIRST_DAY.plus(hours(1)), 240, null, Set.of(dm));

        var report = ports().conflicts().conflictsOf(store.storeId(), probe(FIRST_DAY.plus(hours(2)), FIRST_DAY.plus(hours(3)), store.roomIds().get(1), dm));

        assertEquals(List.of(playing.id(), free.id()), report.bookingIds());
    }

    @Test
    void only_scheduled_bookings_other_than_the_subject_are_conflicts() {
        var store = newStoreSetup();
        var room = store.roomIds().get(0);
        var dm = store.dmIds().get(0);
        for (var status : List.of(INCOMPLETE, CANCELLED, COMPLETED)) {
            book(store, status, FIRST_DAY, 180, room, Set.of(dm));
        }
        var subject = book(store, SCHEDULED, FIRST_DAY, 180, room, Set.of(dm));

        assertEquals(ConflictReport.none(), ports().conflicts().conflictsOf(store.storeId(), subject.scheduleEntry()));
        assertEquals(Map.of(), ports().conflicts().roomConflictCounts(store.storeId(), subject.id(), subject.startAt(), subject.endAt()));
        var other = book(store, SCHEDULED, FIRST_DAY.plus(hours(1)), 180, room, Set.of());
        assertEquals(List.of(other.id()), ports().conflicts().conflictsOf(store.storeId(), subject.scheduleEntry()).bookingIds());
        assertEquals(List.of(subject.id()), ports().conflicts().conflictsOf(store.storeId(), other.scheduleEntry()).bookingIds());
    }

    @Test
    void a_subject_without_an_end_or_without_room_and_dms_has_no_conflicts() {
        var store = newStoreSetup();
        var room = store.roomIds().get(0);
        book(store, SCHEDULED, FIRST_DAY, 180, room, Set.of(store.dmIds().get(0)));

        var noEnd = new ScheduleEntry(UNSTORED, INCOMPLETE, FIRST_DAY, null, room, Set.of(store.dmIds().get(0)));
        assertEquals(ConflictReport.none(), ports().conflicts().conflictsOf(store.storeId(), noEnd));
        assertEquals(ConflictReport.none(), ports().conflicts().conflictsOf(store.storeId(), probe(FIRST_DAY, FIRST_DAY.plus(hours(1)), null)));
    }

    @Test
    void a_store_never_sees_the_bookings_of_another_store() {
        var store = newStoreSetup();
        var other = newStoreSetup();
        var ours = book(store, SCHEDULED, FIRST_DAY, 240, store.roomIds().get(0), Set.of(store.dmIds().get(0)));
        var theirs = book(other, SCHEDULED, FIRST_DAY, 240, other.roomIds().get(0), Set.of(other.dmIds().get(0)));
        var start = FIRST_DAY.plus(hours(1));
        var end = FIRST_DAY.plus(hours(2));

        var namingTheirRoomAndDm = probe(start, end, other.roomIds().get(0), other.dmIds().get(0));
        assertEquals(ConflictReport.none(), ports().conflicts().conflictsOf(store.storeId(), namingTheirRoomAndDm));
        assertEquals(List.of(theirs.id()), ports().conflicts().conflictsOf(other.storeId(), namingTheirRoomAndDm).bookingIds());
        assertEquals(Map.of(ours.roomId(), 1), ports().conflicts().roomConflictCounts(store.storeId(), UNSTORED, start, end));
        assertEquals(Map.of(theirs.roomId(), 1), ports().conflicts().roomConflictCounts(other.storeId(), UNSTORED, start, end));
    }

    protected final StoreSetup newStoreSetup() {
        var storeId = ports().newStoreId();
        var catalogue = ports().catalogue();
        var rooms = IntStream.range(0, ROOMS).mapToObj(i -> catalogue.insertRoom(storeId, "room " + i, 6, true, TURNAROUNDS.get(i))).toList();
        var dms = IntStream.range(0, DMS).mapToObj(i -> catalogue.insertDm(storeId, "dm " + i, true)).map(Dm::id).toList();
        var script = catalogue.insertScript(storeId, "script", 240, List.of(
                new NewCharacter("detective", false), new NewCharacter("narrator", true), new NewCharacter("ghost", true)));
        return new StoreSetup(storeId, rooms.stream().map(Room::id).toList(), dms, script,
                rooms.stream().collect(Collectors.toMap(Room::id, Room::turnaround)));
    }

    protected final Booking book(StoreSetup store, BookingStatus status, Instant start, int minutes, RoomId roomId, Set<DmId> dmIds) {
        var id = ports().bookings().insert(new NewBooking(store.storeId(), start, start.plus(minutes(minutes)), store.script().id(), roomId, null, NOW)).id();
        dmIds.forEach(dm -> ports().bookings().addDmMatch(store.storeId(), id, null, dm));
        return withStatus(store, id, status);
    }

    protected final Booking withStatus(StoreSetup store, BookingId bookingId, BookingStatus status) {
        var inserted = ports().bookings().find(store.storeId(), bookingId).orElseThrow();
        if (status == INCOMPLETE) {
            return inserted;
        }
        var slotId = status == SCHEDULED ? ports().slots().upsert(store.storeId(), inserted.startAt()) : null;
        ports().bookings().update(BookingCopies.withStatus(inserted, status, slotId), NOW);
        return ports().bookings().find(store.storeId(), bookingId).orElseThrow();
    }

    /** A booking that is not stored, as an incomplete booking asks about its conflicts. */
    protected static ScheduleEntry probe(Instant start, Instant end, RoomId roomId, DmId... dmIds) {
        return new ScheduleEntry(UNSTORED, INCOMPLETE, start, end, roomId, Set.of(dmIds));
    }

    protected static Duration hours(long hours) {
        return Duration.ofHours(hours);
    }

    protected static Duration minutes(long minutes) {
        return Duration.ofMinutes(minutes);
    }
}
