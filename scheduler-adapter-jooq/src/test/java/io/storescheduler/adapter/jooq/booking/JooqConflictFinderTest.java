package io.storescheduler.adapter.jooq.booking;

import static io.storescheduler.domain.booking.BookingStatus.CANCELLED;
import static io.storescheduler.domain.booking.BookingStatus.COMPLETED;
import static io.storescheduler.domain.booking.BookingStatus.INCOMPLETE;
import static io.storescheduler.domain.booking.BookingStatus.SCHEDULED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storescheduler.adapter.jooq.PersistenceUnderTest;
import io.storescheduler.application.booking.BookingReader;
import io.storescheduler.application.booking.BookingRepository;
import io.storescheduler.application.booking.BookingRepository.NewBooking;
import io.storescheduler.application.booking.ConflictFinder;
import io.storescheduler.application.booking.ConflictFinderContract;
import io.storescheduler.application.booking.ConflictingBooking;
import io.storescheduler.application.shared.PageRequest;
import io.storescheduler.domain.booking.Booking;
import io.storescheduler.domain.booking.BookingLifecycle;
import io.storescheduler.domain.booking.BookingStatus;
import io.storescheduler.domain.booking.ConflictReport;
import io.storescheduler.domain.booking.ConflictRule;
import io.storescheduler.domain.booking.ScheduleEntry;
import io.storescheduler.domain.id.DmId;
import io.storescheduler.domain.id.RoomId;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The overlap SQL must agree with {@link ConflictRule}: on seeded random schedules, every open
 * booking's conflicts as the database finds them equal what the domain rule computes in Java over
 * the whole store, and so do the per-room counts a confirm chooses its room by. Crowded schedules,
 * where bookings have more conflicts than a report lists, hold the exact counts, the smallest ids
 * and the paged list of all conflicts to the rule too.
 */
class JooqConflictFinderTest extends ConflictFinderContract {

    private static final int BOOKINGS = 60;
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

    JooqConflictFinderTest() {
        super(db);
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

    // --- the random schedule ---------------------------------------------------------------

    private List<Booking> randomSchedule(StoreSetup store, Random random) {
        return IntStream.range(0, BOOKINGS).mapToObj(i -> randomBooking(store, random)).toList();
    }

    /** Starts on quarter hours within 36 hours and lasts 30..600 minutes, so many bookings touch exactly. */
    private Booking randomBooking(StoreSetup store, Random random) {
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
    private Crowd crowd(long seed) {
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
    private List<Booking> crowdedSchedule(StoreSetup store, Random random) {
        var schedule = new ArrayList<>(randomSchedule(store, random));
        for (var i = 0; i < CROWD; i++) {
            var start = FIRST_DAY.plus(minutes(15L * random.nextInt(12)));
            var status = random.nextInt(6) == 0 ? INCOMPLETE : random.nextInt(12) == 0 ? CANCELLED : SCHEDULED;
            var room = random.nextInt(10) == 0 ? store.roomIds().get(1) : store.roomIds().get(0);
            var dms = random.nextInt(3) == 0 ? Set.of(store.dmIds().get(random.nextInt(2))) : Set.<DmId>of();
            schedule.add(book(store, status, start, 120 + 15 * random.nextInt(25), room, dms));
        }
        return schedule;
    }

    /** What {@code conflictingBookings} promises, found the slow way: every conflict by the rule, by id. */
    private static List<ConflictingBooking> conflictingInJava(ScheduleEntry subject, Collection<ScheduleEntry> entries) {
        return entries.stream()
                .filter(other -> ConflictRule.conflict(asScheduled(subject), other))
                .sorted(Comparator.comparing(ScheduleEntry::bookingId))
                .map(other -> new ConflictingBooking(other.bookingId(), other.startAt(), other.endAt(), other.roomId(),
                        sameRoom(subject, other), other.dmIds().stream().filter(subject.dmIds()::contains).sorted().toList()))
                .toList();
    }

    private static void assertScheduleHasBothKindsOfConflict(List<ScheduleEntry> entries, long seed) {
        var pairs = entries.stream()
                .flatMap(a -> entries.stream().filter(b -> a.bookingId().compareTo(b.bookingId()) < 0 && ConflictRule.conflict(a, b))
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
    private static Map<RoomId, Integer> roomCountsInJava(ScheduleEntry subject, Collection<ScheduleEntry> entries, StoreSetup store) {
        return entries.stream()
                .filter(other -> !other.bookingId().equals(subject.bookingId()))
                .filter(other -> other.status() == SCHEDULED && other.hasTime() && other.roomId() != null)
                .filter(other -> ConflictRule.roomOverlaps(subject.startAt(), subject.endAt(), other.startAt(), other.endAt(),
                        store.turnarounds().get(other.roomId())))
                .collect(Collectors.groupingBy(ScheduleEntry::roomId, Collectors.summingInt(other -> 1)));
    }

    // --- fixtures --------------------------------------------------------------------------

    private static <T> T inTransaction(Supplier<T> work) {
        return db.persistence().transactions().inTransaction(work);
    }

}
