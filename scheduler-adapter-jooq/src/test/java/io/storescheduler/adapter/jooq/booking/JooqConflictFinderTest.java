package io.storescheduler.adapter.jooq.booking;

import static io.storescheduler.domain.booking.BookingStatus.CANCELLED;
import static io.storescheduler.domain.booking.BookingStatus.COMPLETED;
import static io.storescheduler.domain.booking.BookingStatus.INCOMPLETE;
import static io.storescheduler.domain.booking.BookingStatus.SCHEDULED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storescheduler.adapter.jooq.PersistenceUnderTest;
import io.storescheduler.application.booking.BookingCopies;
import io.storescheduler.application.booking.BookingReader;
import io.storescheduler.application.booking.BookingRepository;
import io.storescheduler.application.booking.BookingRepository.NewBooking;
import io.storescheduler.application.booking.ConflictFinder;
import io.storescheduler.application.booking.ConflictingBooking;
import io.storescheduler.application.catalogue.CatalogueRepository.NewCharacter;
import io.storescheduler.application.shared.PageRequest;
import io.storescheduler.domain.booking.Booking;
import io.storescheduler.domain.booking.BookingLifecycle;
import io.storescheduler.domain.booking.BookingStatus;
import io.storescheduler.domain.booking.ConflictReport;
import io.storescheduler.domain.booking.ConflictRule;
import io.storescheduler.domain.booking.ScheduleEntry;
import io.storescheduler.domain.catalogue.Dm;
import io.storescheduler.domain.catalogue.Room;
import io.storescheduler.domain.catalogue.Script;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The overlap SQL must agree with {@link ConflictRule}: on seeded random schedules, every open
 * booking's conflicts as the database finds them equal what the domain rule computes in Java over
 * the whole store, and so do the per-room counts a confirm chooses its room by. Crowded schedules,
 * where bookings have more conflicts than a report lists, hold the exact counts, the smallest ids
 * and the paged list of all conflicts to the rule too.
 */
class JooqConflictFinderTest {

    private static final Instant FIRST_DAY = Instant.parse("2026-12-05T02:00:00Z");
    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    private static final int BOOKINGS = 60;
    private static final int ROOMS = 4;
    private static final List<Integer> TURNAROUNDS = List.of(0, 15, 45, 240);
    private static final int DMS = 5;
    private static final int QUARTER_HOURS_IN_36_HOURS = 36 * 4;
    /** Enough bookings in one room within a few hours that many have more conflicts than a report lists. */
    private static final int CROWD = 200;
    private static final List<BookingStatus> STATUS_WEIGHTS =
            List.of(SCHEDULED, SCHEDULED, SCHEDULED, SCHEDULED, INCOMPLETE, INCOMPLETE, INCOMPLETE, COMPLETED, COMPLETED, CANCELLED);

    private static final Map<Long, Crowd> CROWDS = new HashMap<>();

    private static PersistenceUnderTest db;
    private static BookingRepository bookings;
    private static ConflictFinder finder;
    private static BookingReader reader;

    /**
     * A store's catalogue: the script has one client character and two DM characters; the rooms
     * need 0, 15, 45 and 240 minutes of reset after a game.
     */
    record StoreSetup(long storeId, List<Long> roomIds, List<Long> dmIds, Script script, Map<Long, Duration> turnarounds) {

        /** The bookings as the rule sees them: each with its room's turnaround. */
        List<ScheduleEntry> entriesOf(List<Booking> bookings) {
            return bookings.stream().map(booking -> entryOf(booking.scheduleEntry())).toList();
        }

        ScheduleEntry entryOf(ScheduleEntry entry) {
            return entry.withRoomTurnaround(entry.roomId() == null ? Duration.ZERO : turnarounds.get(entry.roomId()));
        }

        Long dmCharacter(int index) {
            return script.dmCharacterIds().stream().sorted().toList().get(index);
        }
    }

    @BeforeAll
    static void startDatabase() {
        db = PersistenceUnderTest.start();
        bookings = db.persistence().bookings();
        finder = db.persistence().conflicts();
        reader = db.persistence().bookingReader();
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1L, 42L, 20_261_205L, 987_654_321L})
    void conflicts_found_by_sql_equal_the_domain_rule_for_every_open_booking(long seed) {
        var random = new Random(seed);
        var store = newStoreSetup();
        var neighbour = newStoreSetup();
        var schedule = inTransaction(() -> randomSchedule(store, random));
        inTransaction(() -> randomSchedule(neighbour, random));
        var entries = store.entriesOf(schedule);

        var found = inTransaction(() -> entries.stream()
                .filter(entry -> entry.status() == INCOMPLETE || entry.status() == SCHEDULED)
                .collect(Collectors.toMap(ScheduleEntry::bookingId, entry -> finder.conflictsOf(store.storeId(), entry))));

        for (var entry : entries) {
            if (found.containsKey(entry.bookingId())) {
                assertEquals(ConflictRule.conflictsOf(entry, entries), found.get(entry.bookingId()),
                        "seed " + seed + ": conflicts of " + entry);
            }
        }
        assertScheduleHasBothKindsOfConflict(entries, seed);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1L, 42L, 20_261_205L, 987_654_321L})
    void conflicts_of_a_whole_page_found_in_one_query_equal_the_domain_rule(long seed) {
        var random = new Random(seed);
        var store = newStoreSetup();
        var neighbour = newStoreSetup();
        var schedule = inTransaction(() -> randomSchedule(store, random));
        inTransaction(() -> randomSchedule(neighbour, random));
        var entries = store.entriesOf(schedule);
        var open = entries.stream().filter(entry -> entry.status() == INCOMPLETE || entry.status() == SCHEDULED).toList();

        var found = inTransaction(() -> finder.conflictsOfEach(store.storeId(), open));

        for (var entry : open) {
            assertEquals(ConflictRule.conflictsOf(entry, entries), found.getOrDefault(entry.bookingId(), ConflictReport.none()),
                    "seed " + seed + ": conflicts of " + entry);
        }
        assertTrue(found.values().stream().anyMatch(ConflictReport::hasConflict), "seed " + seed + ": some booking has conflicts");
        assertEquals(Map.of(), finder.conflictsOfEach(store.storeId(), List.of()));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1L, 42L, 20_261_205L, 987_654_321L})
    void a_booking_read_with_its_conflicts_in_one_statement_equals_the_domain_rule(long seed) {
        var random = new Random(seed);
        var store = newStoreSetup();
        var neighbour = newStoreSetup();
        var schedule = inTransaction(() -> randomSchedule(store, random));
        inTransaction(() -> randomSchedule(neighbour, random));
        var entries = store.entriesOf(schedule);

        for (var booking : schedule) {
            var read = reader.findWithConflicts(store.storeId(), booking.id()).orElseThrow();
            assertEquals(booking, read.booking(), "seed " + seed);
            // the rule shows none for a finished booking, whatever it overlaps
            assertEquals(ConflictRule.conflictsOf(store.entryOf(booking.scheduleEntry()), entries), read.conflicts(),
                    "seed " + seed + ": conflicts of " + booking.scheduleEntry());
        }
        assertTrue(schedule.stream().anyMatch(booking -> reader.findWithConflicts(store.storeId(), booking.id())
                .orElseThrow().conflicts().hasConflict()), "seed " + seed + ": some booking has conflicts");
        assertTrue(schedule.stream().anyMatch(booking -> !BookingLifecycle.showsConflicts(booking.status())
                && !ConflictRule.conflictsOf(asScheduled(store.entryOf(booking.scheduleEntry())), entries).bookingIds().isEmpty()),
                "seed " + seed + ": some finished booking overlaps others, and shows no conflicts");
        assertEquals(Optional.empty(), reader.findWithConflicts(neighbour.storeId(), schedule.get(0).id()));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1L, 42L, 20_261_205L, 987_654_321L})
    void room_conflict_counts_equal_a_recount_in_java(long seed) {
        var random = new Random(seed);
        var store = newStoreSetup();
        var neighbour = newStoreSetup();
        var schedule = inTransaction(() -> randomSchedule(store, random));
        inTransaction(() -> randomSchedule(neighbour, random));
        var entries = store.entriesOf(schedule);

        var timed = entries.stream().filter(ScheduleEntry::hasTime).toList();
        var counted = inTransaction(() -> timed.stream().collect(Collectors.toMap(ScheduleEntry::bookingId,
                entry -> finder.roomConflictCounts(store.storeId(), entry.bookingId(), entry.startAt(), entry.endAt()))));

        for (var entry : timed) {
            assertEquals(roomCountsInJava(entry, entries, store), counted.get(entry.bookingId()),
                    "seed " + seed + ": room counts around " + entry);
        }
        assertTrue(counted.values().stream().anyMatch(counts -> !counts.isEmpty()),
                "seed " + seed + ": the schedule has rooms held at overlapping times");
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {3L, 20_261_205L})
    void in_a_crowded_room_counts_stay_exact_and_the_smallest_ids_are_listed_as_the_rule_says(long seed) {
        var crowd = crowd(seed);
        var store = crowd.store();
        var entries = crowd.entries();
        var open = crowd.open();

        var each = inTransaction(() -> finder.conflictsOfEach(store.storeId(), open));
        for (var entry : open) {
            var expected = ConflictRule.conflictsOf(entry, entries);
            var where = "seed " + seed + ": conflicts of " + entry;
            assertEquals(expected, finder.conflictsOf(store.storeId(), entry), where);
            assertEquals(expected, each.getOrDefault(entry.bookingId(), ConflictReport.none()), where + " in a page");
            assertEquals(expected, reader.findWithConflicts(store.storeId(), entry.bookingId()).orElseThrow().conflicts(),
                    where + " read with the booking");
        }
        assertTrue(open.stream().filter(entry -> ConflictRule.conflictsOf(entry, entries).truncated()).count() > 10,
                "seed " + seed + ": many bookings have more conflicts than a report lists");
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {3L, 20_261_205L})
    void pages_of_a_bookings_conflicts_hold_each_conflict_once_by_id_with_what_it_shares(long seed) {
        var random = new Random(seed + 1);
        var crowd = crowd(seed);
        var store = crowd.store();
        var entries = crowd.entries();
        var open = crowd.open();

        // a third of the bookings, picked by the seed: each is paged through in full, and that takes many queries
        var paged = open.stream().filter(entry -> random.nextInt(3) == 0).toList();
        assertTrue(paged.stream().anyMatch(entry -> conflictingInJava(entry, entries).size() > ConflictReport.LISTED_IDS),
                "seed " + seed + ": some booking paged has more conflicts than a report lists");
        for (var entry : paged) {
            var expected = conflictingInJava(entry, entries);
            // a small limit now and then; mostly larger ones, so the test stays quick
            var limit = random.nextInt(10) == 0 ? 1 + random.nextInt(20) : 20 + random.nextInt(PageRequest.MAX_LIMIT - 19);
            var pages = new ArrayList<ConflictingBooking>();
            for (var offset = 0; offset <= expected.size(); offset += limit) {
                var page = finder.conflictingBookings(store.storeId(), entry, new PageRequest(limit, offset));
                assertEquals(expected.size(), page.total(), "seed " + seed + ": the total of " + entry);
                pages.addAll(page.items());
            }
            assertEquals(expected, pages, "seed " + seed + ": every conflict of " + entry + " by pages of " + limit);
        }
        assertTrue(paged.stream().anyMatch(entry -> conflictingInJava(entry, entries).stream().anyMatch(c -> !c.sharesRoom())),
                "seed " + seed + ": some conflict is over a DM alone");
        assertTrue(paged.stream().anyMatch(entry -> conflictingInJava(entry, entries).stream().anyMatch(c -> !c.sharedDmIds().isEmpty())),
                "seed " + seed + ": some conflict shares a DM");
    }

    @Test
    void bookings_that_only_touch_do_not_conflict() {
        var store = newStoreSetup();
        var room = store.roomIds().get(0);
        var dm = store.dmIds().get(0);
        var held = book(store, SCHEDULED, FIRST_DAY, 120, room, Set.of(dm));

        assertEquals(ConflictReport.none(), finder.conflictsOf(store.storeId(), probe(FIRST_DAY.minus(hours(2)), FIRST_DAY, room, dm)));
        assertEquals(ConflictReport.none(), finder.conflictsOf(store.storeId(), probe(FIRST_DAY.plus(hours(2)), FIRST_DAY.plus(hours(4)), room, dm)));
        assertEquals(Map.of(), finder.roomConflictCounts(store.storeId(), 0, FIRST_DAY.plus(hours(2)), FIRST_DAY.plus(hours(4))));
        var oneMinuteInside = FIRST_DAY.plus(hours(2)).minus(minutes(1));
        assertEquals(List.of(held.id()),
                finder.conflictsOf(store.storeId(), probe(oneMinuteInside, oneMinuteInside.plus(hours(1)), room, dm)).bookingIds());
    }

    @Test
    void a_room_is_occupied_during_its_turnaround_as_it_is_now_but_a_dm_only_while_the_game_runs() {
        var store = newStoreSetup();
        var room = store.roomIds().get(2); // 45 minutes of reset
        var dm = store.dmIds().get(0);
        var held = book(store, SCHEDULED, FIRST_DAY, 120, room, Set.of(dm));
        var duringReset = FIRST_DAY.plus(minutes(120 + 44));
        var afterReset = FIRST_DAY.plus(minutes(120 + 45));

        assertEquals(List.of(held.id()), finder.conflictsOf(store.storeId(), probe(duringReset, duringReset.plus(hours(1)), room)).bookingIds());
        assertEquals(ConflictReport.none(), finder.conflictsOf(store.storeId(), probe(afterReset, afterReset.plus(hours(1)), room)));
        assertEquals(ConflictReport.none(),
                finder.conflictsOf(store.storeId(), probe(FIRST_DAY.plus(hours(2)), FIRST_DAY.plus(hours(3)), store.roomIds().get(1), dm)));
        assertEquals(Map.of(room, 1), finder.roomConflictCounts(store.storeId(), 0, duringReset, duringReset.plus(hours(1))));
        // a game ending 44 minutes before the held one starts still holds the room while it is reset
        var before = FIRST_DAY.minus(minutes(60 + 44));
        assertEquals(List.of(held.id()), finder.conflictsOf(store.storeId(), probe(before, before.plus(hours(1)), room)).bookingIds());

        var later = book(store, SCHEDULED, duringReset, 60, room, Set.of());
        assertEquals(List.of(later.id()), finder.conflictsOf(store.storeId(), held.scheduleEntry()).bookingIds());
        db.persistence().catalogue().updateRoom(store.storeId(), room, new io.storescheduler.application.catalogue.CatalogueRepository.RoomChanges(
                io.storescheduler.application.shared.FieldChange.keep(), io.storescheduler.application.shared.FieldChange.keep(),
                io.storescheduler.application.shared.FieldChange.keep(), io.storescheduler.application.shared.FieldChange.setTo(10)));
        assertEquals(ConflictReport.none(), finder.conflictsOf(store.storeId(), held.scheduleEntry()));
        assertEquals(ConflictReport.none(), reader.findWithConflicts(store.storeId(), later.id()).orElseThrow().conflicts());
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
                finder.conflictsOf(store.storeId(), probe(subjectStart, subjectEnd, room)).bookingIds());
        assertEquals(List.of(stillRunning.id()),
                finder.conflictsOf(store.storeId(), probe(subjectStart, subjectEnd, store.roomIds().get(1), dm)).bookingIds());
        assertEquals(Map.of(room, 1), finder.roomConflictCounts(store.storeId(), 0, subjectStart, subjectEnd));
    }

    @Test
    void a_dm_shared_across_rooms_is_a_conflict_and_a_free_dm_counts_like_a_playing_one() {
        var store = newStoreSetup();
        var dm = store.dmIds().get(0);
        var playing = book(store, SCHEDULED, FIRST_DAY, 240, store.roomIds().get(0), Set.of());
        bookings.addDmMatch(store.storeId(), playing.id(), store.dmCharacter(0), dm);
        var free = book(store, SCHEDULED, FIRST_DAY.plus(hours(1)), 240, null, Set.of(dm));

        var report = finder.conflictsOf(store.storeId(), probe(FIRST_DAY.plus(hours(2)), FIRST_DAY.plus(hours(3)), store.roomIds().get(1), dm));

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

        assertEquals(ConflictReport.none(), finder.conflictsOf(store.storeId(), subject.scheduleEntry()));
        assertEquals(Map.of(), finder.roomConflictCounts(store.storeId(), subject.id(), subject.startAt(), subject.endAt()));
        var other = book(store, SCHEDULED, FIRST_DAY.plus(hours(1)), 180, room, Set.of());
        assertEquals(List.of(other.id()), finder.conflictsOf(store.storeId(), subject.scheduleEntry()).bookingIds());
        assertEquals(List.of(subject.id()), finder.conflictsOf(store.storeId(), other.scheduleEntry()).bookingIds());
    }

    @Test
    void a_subject_without_an_end_or_without_room_and_dms_has_no_conflicts() {
        var store = newStoreSetup();
        var room = store.roomIds().get(0);
        book(store, SCHEDULED, FIRST_DAY, 180, room, Set.of(store.dmIds().get(0)));

        var noEnd = new ScheduleEntry(0, INCOMPLETE, FIRST_DAY, null, room, Set.of(store.dmIds().get(0)));
        assertEquals(ConflictReport.none(), finder.conflictsOf(store.storeId(), noEnd));
        assertEquals(ConflictReport.none(), finder.conflictsOf(store.storeId(), probe(FIRST_DAY, FIRST_DAY.plus(hours(1)), null)));
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
        assertEquals(ConflictReport.none(), finder.conflictsOf(store.storeId(), namingTheirRoomAndDm));
        assertEquals(List.of(theirs.id()), finder.conflictsOf(other.storeId(), namingTheirRoomAndDm).bookingIds());
        assertEquals(Map.of(ours.roomId(), 1), finder.roomConflictCounts(store.storeId(), 0, start, end));
        assertEquals(Map.of(theirs.roomId(), 1), finder.roomConflictCounts(other.storeId(), 0, start, end));
    }

    // --- the random schedule ---------------------------------------------------------------

    private static List<Booking> randomSchedule(StoreSetup store, Random random) {
        return IntStream.range(0, BOOKINGS).mapToObj(i -> randomBooking(store, random)).toList();
    }

    /** Starts on quarter hours within 36 hours and lasts 30..600 minutes, so many bookings touch exactly. */
    private static Booking randomBooking(StoreSetup store, Random random) {
        var status = STATUS_WEIGHTS.get(random.nextInt(STATUS_WEIGHTS.size()));
        var start = FIRST_DAY.plus(minutes(15L * random.nextInt(QUARTER_HOURS_IN_36_HOURS)));
        var duration = 30 + 15 * random.nextInt(39);
        var room = random.nextInt(5) == 0 ? null : store.roomIds().get(random.nextInt(ROOMS));
        var withoutScript = status == INCOMPLETE && random.nextInt(6) == 0;
        var id = bookings.insert(new NewBooking(store.storeId(), start, withoutScript ? null : start.plus(minutes(duration)),
                withoutScript ? null : store.script().id(), room, null, NOW)).id();
        var dms = new ArrayList<>(store.dmIds());
        Collections.shuffle(dms, random);
        var dmCount = random.nextInt(3);
        for (var i = 0; i < dmCount; i++) {
            var character = withoutScript || random.nextBoolean() ? null : store.dmCharacter(i);
            bookings.addDmMatch(store.storeId(), id, character, dms.get(i));
        }
        return withStatus(store, id, status);
    }

    /** A store with a crowded room, its schedule, and the bookings of it that show conflicts. */
    record Crowd(StoreSetup store, List<ScheduleEntry> entries, List<ScheduleEntry> open) {}

    /** The crowd of a seed, made once for the tests that read it: it takes hundreds of inserts. */
    private static Crowd crowd(long seed) {
        return CROWDS.computeIfAbsent(seed, s -> {
            var store = newStoreSetup();
            var entries = store.entriesOf(inTransaction(() -> crowdedSchedule(store, new Random(s))));
            var open = entries.stream().filter(entry -> entry.status() == INCOMPLETE || entry.status() == SCHEDULED).toList();
            return new Crowd(store, entries, open);
        });
    }

    /**
     * The random schedule, and a crowd in the first room: bookings starting within three hours and
     * lasting two to eight, most of them scheduled, some with one of two DMs.
     */
    private static List<Booking> crowdedSchedule(StoreSetup store, Random random) {
        var schedule = new ArrayList<>(randomSchedule(store, random));
        for (var i = 0; i < CROWD; i++) {
            var start = FIRST_DAY.plus(minutes(15L * random.nextInt(12)));
            var status = random.nextInt(6) == 0 ? INCOMPLETE : random.nextInt(12) == 0 ? CANCELLED : SCHEDULED;
            var room = random.nextInt(10) == 0 ? store.roomIds().get(1) : store.roomIds().get(0);
            var dms = random.nextInt(3) == 0 ? Set.of(store.dmIds().get(random.nextInt(2))) : Set.<Long>of();
            schedule.add(book(store, status, start, 120 + 15 * random.nextInt(25), room, dms));
        }
        return schedule;
    }

    /** What {@code conflictingBookings} promises, found the slow way: every conflict by the rule, by id. */
    private static List<ConflictingBooking> conflictingInJava(ScheduleEntry subject, Collection<ScheduleEntry> entries) {
        return entries.stream()
                .filter(other -> ConflictRule.conflict(asScheduled(subject), other))
                .sorted(Comparator.comparingLong(ScheduleEntry::bookingId))
                .map(other -> new ConflictingBooking(other.bookingId(), other.startAt(), other.endAt(), other.roomId(),
                        sameRoom(subject, other), other.dmIds().stream().filter(subject.dmIds()::contains).sorted().toList()))
                .toList();
    }

    private static void assertScheduleHasBothKindsOfConflict(List<ScheduleEntry> entries, long seed) {
        var pairs = entries.stream()
                .flatMap(a -> entries.stream().filter(b -> a.bookingId() < b.bookingId() && ConflictRule.conflict(a, b))
                        .map(b -> List.of(a, b)))
                .toList();
        assertTrue(pairs.stream().anyMatch(pair -> sameRoom(pair.get(0), pair.get(1))),
                "seed " + seed + ": the schedule has a conflict over a room");
        assertTrue(pairs.stream().anyMatch(pair -> !sameRoom(pair.get(0), pair.get(1))),
                "seed " + seed + ": the schedule has a conflict over a DM alone");
    }

    /** The entry as it would be were it still open: what a finished booking would conflict with. */
    private static ScheduleEntry asScheduled(ScheduleEntry entry) {
        return new ScheduleEntry(entry.bookingId(), SCHEDULED, entry.startAt(), entry.endAt(), entry.roomId(), entry.dmIds());
    }

    private static boolean sameRoom(ScheduleEntry a, ScheduleEntry b) {
        return a.roomId() != null && a.roomId().equals(b.roomId());
    }

    /** What {@code roomConflictCounts} promises, counted the slow way: each room with its own turnaround. */
    private static Map<Long, Integer> roomCountsInJava(ScheduleEntry subject, Collection<ScheduleEntry> entries, StoreSetup store) {
        return entries.stream()
                .filter(other -> other.bookingId() != subject.bookingId())
                .filter(other -> other.status() == SCHEDULED && other.hasTime() && other.roomId() != null)
                .filter(other -> ConflictRule.roomOverlaps(subject.startAt(), subject.endAt(), other.startAt(), other.endAt(),
                        store.turnarounds().get(other.roomId())))
                .collect(Collectors.groupingBy(ScheduleEntry::roomId, Collectors.summingInt(other -> 1)));
    }

    // --- fixtures --------------------------------------------------------------------------

    private static StoreSetup newStoreSetup() {
        var storeId = db.newStore().id();
        var catalogue = db.persistence().catalogue();
        var rooms = IntStream.range(0, ROOMS).mapToObj(i -> catalogue.insertRoom(storeId, "room " + i, 6, true, TURNAROUNDS.get(i))).toList();
        var dms = IntStream.range(0, DMS).mapToObj(i -> catalogue.insertDm(storeId, "dm " + i, true)).map(Dm::id).toList();
        var script = catalogue.insertScript(storeId, "script", 240, List.of(
                new NewCharacter("detective", false), new NewCharacter("narrator", true), new NewCharacter("ghost", true)));
        return new StoreSetup(storeId, rooms.stream().map(Room::id).toList(), dms, script,
                rooms.stream().collect(Collectors.toMap(Room::id, Room::turnaround)));
    }

    private static Booking book(StoreSetup store, BookingStatus status, Instant start, int minutes, Long roomId, Set<Long> dmIds) {
        var id = bookings.insert(new NewBooking(store.storeId(), start, start.plus(minutes(minutes)), store.script().id(), roomId, null, NOW)).id();
        dmIds.forEach(dm -> bookings.addDmMatch(store.storeId(), id, null, dm));
        return withStatus(store, id, status);
    }

    private static Booking withStatus(StoreSetup store, long bookingId, BookingStatus status) {
        var inserted = bookings.find(store.storeId(), bookingId).orElseThrow();
        if (status == INCOMPLETE) {
            return inserted;
        }
        var slotId = status == SCHEDULED ? db.persistence().slots().upsert(store.storeId(), inserted.startAt()) : null;
        bookings.update(BookingCopies.withStatus(inserted, status, slotId), NOW);
        return bookings.find(store.storeId(), bookingId).orElseThrow();
    }

    /** A booking that is not stored (id 0 is never given out), as an incomplete booking asks about its conflicts. */
    private static ScheduleEntry probe(Instant start, Instant end, Long roomId, Long... dmIds) {
        return new ScheduleEntry(0, INCOMPLETE, start, end, roomId, Set.of(dmIds));
    }

    private static <T> T inTransaction(Supplier<T> work) {
        return db.persistence().transactions().inTransaction(work);
    }

    private static Duration hours(long hours) {
        return Duration.ofHours(hours);
    }

    private static Duration minutes(long minutes) {
        return Duration.ofMinutes(minutes);
    }
}
