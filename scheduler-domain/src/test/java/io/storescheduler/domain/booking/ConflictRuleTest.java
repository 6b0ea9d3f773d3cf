package io.storescheduler.domain.booking;

import static io.storescheduler.domain.booking.BookingStatus.CANCELLED;
import static io.storescheduler.domain.booking.BookingStatus.COMPLETED;
import static io.storescheduler.domain.booking.BookingStatus.INCOMPLETE;
import static io.storescheduler.domain.booking.BookingStatus.SCHEDULED;
import static io.storescheduler.domain.id.Ids.bookingId;
import static io.storescheduler.domain.id.Ids.bookingIds;
import static io.storescheduler.domain.id.Ids.dmId;
import static io.storescheduler.domain.id.Ids.dmIds;
import static io.storescheduler.domain.id.Ids.roomId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storescheduler.domain.id.BookingId;
import io.storescheduler.domain.id.DmId;
import io.storescheduler.domain.id.RoomId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConflictRuleTest {

    private static final Instant T0 = Instant.parse("2026-12-05T06:00:00Z");

    @ParameterizedTest(name = "[{0}, {1}) and [{2}, {3}): {4}, {5}")
    @CsvSource({
        "0,   60,  60, 120, false, intervals that only touch do not overlap",
        "60,  120, 0,  60,  false, intervals that only touch do not overlap",
        "0,   61,  60, 120, true,  intervals sharing a single minute overlap",
        "60,  120, 0,  61,  true,  intervals sharing a single minute overlap",
        "0,   240, 60, 120, true,  an interval inside another overlaps",
        "60,  120, 0,  240, true,  an interval inside another overlaps",
        "0,   60,  0,  60,  true,  an interval equal to another overlaps",
        "0,   60,  90, 120, false, disjoint intervals do not overlap",
        "30,  30,  0,  60,  false, an empty interval overlaps nothing",
        "0,   60,  50, 10,  false, an inverted interval overlaps nothing",
    })
    void overlaps_when_the_half_open_intervals_share_a_minute(
            int start, int end, int otherStart, int otherEnd, boolean overlaps, String description) {
        assertEquals(overlaps, ConflictRule.overlaps(at(start), at(end), at(otherStart), at(otherEnd)), description);
    }

    @Test
    void overlapping_bookings_in_the_same_room_conflict() {
        assertTrue(ConflictRule.conflict(entry(1, SCHEDULED, 0, 120, 7L), entry(2, SCHEDULED, 60, 180, 7L)));
    }

    @Test
    void overlapping_bookings_sharing_a_dm_conflict_even_in_different_rooms() {
        assertTrue(ConflictRule.conflict(
                entry(1, SCHEDULED, 0, 120, 7L, 30L, 31L), entry(2, SCHEDULED, 60, 180, 8L, 31L)));
    }

    @Test
    void overlapping_bookings_sharing_neither_room_nor_dm_do_not_conflict() {
        assertFalse(ConflictRule.conflict(
                entry(1, SCHEDULED, 0, 120, 7L, 30L), entry(2, SCHEDULED, 60, 180, 8L, 31L)));
    }

    @Test
    void two_bookings_without_a_room_do_not_share_one() {
        assertFalse(ConflictRule.conflict(entry(1, SCHEDULED, 0, 120, null), entry(2, SCHEDULED, 60, 180, null)));
    }

    @Test
    void back_to_back_bookings_in_the_same_room_do_not_conflict() {
        assertFalse(ConflictRule.conflict(entry(1, SCHEDULED, 0, 120, 7L), entry(2, SCHEDULED, 120, 240, 7L)));
    }

    @Test
    void a_booking_does_not_conflict_with_itself() {
        assertFalse(ConflictRule.conflict(entry(1, SCHEDULED, 0, 120, 7L), entry(1, SCHEDULED, 0, 120, 7L)));
    }

    @ParameterizedTest
    @EnumSource(value = BookingStatus.class, names = "SCHEDULED", mode = EnumSource.Mode.EXCLUDE)
    void only_two_scheduled_bookings_can_conflict(BookingStatus other) {
        ScheduleEntry scheduled = entry(1, SCHEDULED, 0, 120, 7L);
        ScheduleEntry notScheduled = entry(2, other, 0, 120, 7L);

        assertFalse(ConflictRule.conflict(scheduled, notScheduled), () -> "scheduled vs " + other);
        assertFalse(ConflictRule.conflict(notScheduled, scheduled), () -> other + " vs scheduled");
    }

    @Test
    void a_booking_without_an_end_conflicts_with_nothing() {
        ScheduleEntry noEnd = new ScheduleEntry(bookingId(1), SCHEDULED, at(0), null, roomId(7), Set.of());

        assertFalse(ConflictRule.conflict(noEnd, entry(2, SCHEDULED, 0, 120, 7L)));
        assertEquals(ConflictReport.none(), ConflictRule.conflictsOf(noEnd, List.of(entry(2, SCHEDULED, 0, 120, 7L))));
    }

    @Test
    void an_incomplete_booking_shows_the_conflicts_confirming_it_would_create() {
        ScheduleEntry draft = entry(1, INCOMPLETE, 0, 120, 7L, 30L);
        List<ScheduleEntry> others = List.of(
                entry(4, SCHEDULED, 60, 180, 7L),
                entry(2, SCHEDULED, 0, 60, 9L, 30L),
                entry(3, SCHEDULED, 120, 240, 7L, 30L),
                entry(5, INCOMPLETE, 0, 120, 7L, 30L));

        ConflictReport report = ConflictRule.conflictsOf(draft, others);

        assertEquals(bookingIds(2, 4), report.bookingIds());
        assertEquals(2, report.count());
        assertTrue(report.hasConflict());
    }

    @ParameterizedTest
    @EnumSource(value = BookingStatus.class, names = {"CANCELLED", "COMPLETED"})
    void a_cancelled_or_completed_booking_shows_no_conflicts(BookingStatus status) {
        ScheduleEntry finished = entry(1, status, 0, 120, 7L, 30L);

        ConflictReport report = ConflictRule.conflictsOf(finished, List.of(entry(2, SCHEDULED, 0, 120, 7L, 30L)));

        assertEquals(ConflictReport.none(), report);
        assertFalse(report.hasConflict());
        assertEquals(0, report.count());
    }

    @Test
    void conflicts_are_listed_once_each_and_in_ascending_order_without_the_booking_itself() {
        ScheduleEntry subject = entry(5, SCHEDULED, 0, 120, 7L);
        ScheduleEntry nine = entry(9, SCHEDULED, 0, 120, 7L);
        ScheduleEntry three = entry(3, SCHEDULED, 0, 120, 7L);

        ConflictReport report = ConflictRule.conflictsOf(subject, List.of(nine, subject, three, nine));

        assertEquals(bookingIds(3, 9), report.bookingIds());
    }

    @Test
    void a_crowded_room_counts_every_conflict_and_lists_the_smallest_hundred() {
        ScheduleEntry subject = entry(500, SCHEDULED, 0, 240, 7L);
        List<ScheduleEntry> crowd = new ArrayList<>();
        for (long id = 1; id <= 999; id++) {
            crowd.add(entry(id < 500 ? id : id + 1, SCHEDULED, 0, 240, 7L));
        }
        Collections.shuffle(crowd, new Random(3));

        ConflictReport report = ConflictRule.conflictsOf(subject, crowd);

        assertEquals(999, report.count());
        assertEquals(LongStream.rangeClosed(1, 100).mapToObj(BookingId::new).toList(), report.bookingIds());
        assertTrue(report.truncated());
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1L, 99L, 123_456_789L})
    void conflicts_are_symmetric_and_agree_with_a_brute_force_check(long seed) {
        Random random = new Random(seed);
        int conflicts = 0;
        for (int round = 0; round < 300; round++) {
            List<ScheduleEntry> schedule = randomSchedule(random);
            String where = "seed " + seed + ", round " + round + ": " + schedule;
            for (ScheduleEntry a : schedule) {
                for (ScheduleEntry b : schedule) {
                    boolean ab = ConflictRule.conflict(a, b);
                    assertEquals(ab, ConflictRule.conflict(b, a), () -> where + "\n a=" + a + "\n b=" + b);
                    conflicts += ab ? 1 : 0;
                }
                List<BookingId> actual = ConflictRule.conflictsOf(a, schedule).bookingIds();
                assertEquals(bruteForceConflicts(a, schedule), actual, () -> where + "\n subject=" + a);
                for (BookingId other : actual) {
                    ScheduleEntry b = byId(schedule, other);
                    if (a.status() == SCHEDULED) {
                        assertTrue(ConflictRule.conflictsOf(b, schedule).bookingIds().contains(a.bookingId()),
                                () -> where + "\n " + a.bookingId() + " lists " + other + " but not back");
                    }
                }
            }
        }
        assertTrue(conflicts > 100, "seed " + seed + " produced too few conflicts to test anything: " + conflicts);
    }

    private static List<ScheduleEntry> randomSchedule(Random random) {
        BookingStatus[] statuses = {INCOMPLETE, SCHEDULED, SCHEDULED, SCHEDULED, CANCELLED, COMPLETED};
        List<ScheduleEntry> schedule = new ArrayList<>();
        int size = 2 + random.nextInt(7);
        for (long id = 1; id <= size; id++) {
            BookingStatus status = statuses[random.nextInt(statuses.length)];
            int start = 30 * random.nextInt(12);
            Instant startAt = random.nextInt(10) == 0 ? null : at(start);
            Instant endAt = random.nextInt(10) == 0 ? null : at(start + 30 * (1 + random.nextInt(6)));
            RoomId room = random.nextInt(4) == 0 ? null : roomId(1 + random.nextInt(3));
            Set<DmId> dms = new HashSet<>();
            for (long dm = 1; dm <= 4; dm++) {
                if (random.nextInt(4) == 0) {
                    dms.add(dmId(dm));
                }
            }
            schedule.add(new ScheduleEntry(bookingId(id), status, startAt, endAt, room, dms, turnaroundOf(room)));
        }
        return schedule;
    }

    /** Rooms 1..3 need 0, 30 and 60 minutes of reset: a room's turnaround is the room's, whoever books it. */
    private static Duration turnaroundOf(RoomId room) {
        return room == null ? Duration.ZERO : Duration.ofMinutes(30 * (room.value() - 1));
    }

    /** The specification's rule written out longhand, on epoch seconds. */
    private static List<BookingId> bruteForceConflicts(ScheduleEntry subject, List<ScheduleEntry> schedule) {
        Set<BookingId> ids = new TreeSet<>();
        if (subject.status() == CANCELLED || subject.status() == COMPLETED) {
            return List.of();
        }
        for (ScheduleEntry other : schedule) {
            if (other.bookingId().equals(subject.bookingId()) || other.status() != SCHEDULED) {
                continue;
            }
            if (subject.startAt() == null || subject.endAt() == null || other.startAt() == null || other.endAt() == null) {
                continue;
            }
            long latestStart = Math.max(subject.startAt().getEpochSecond(), other.startAt().getEpochSecond());
            long earliestEnd = Math.min(subject.endAt().getEpochSecond(), other.endAt().getEpochSecond());
            long reset = subject.roomTurnaround().getSeconds();
            boolean gamesOverlap = subject.startAt().isBefore(subject.endAt()) && other.startAt().isBefore(other.endAt());
            Set<DmId> sharedDms = new HashSet<>(subject.dmIds());
            sharedDms.retainAll(other.dmIds());
            boolean sharedRoom = subject.roomId() != null && subject.roomId().equals(other.roomId());
            boolean roomClash = sharedRoom && latestStart < earliestEnd + reset;
            boolean dmClash = !sharedDms.isEmpty() && latestStart < earliestEnd;
            if (gamesOverlap && (roomClash || dmClash)) {
                ids.add(other.bookingId());
            }
        }
        return List.copyOf(ids);
    }

    private static ScheduleEntry byId(List<ScheduleEntry> schedule, BookingId id) {
        return schedule.stream().filter(e -> e.bookingId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void a_room_stays_occupied_during_its_turnaround_but_a_dm_is_free_when_the_game_ends() {
        var reset = Duration.ofMinutes(30);
        var first = entry(1, SCHEDULED, 0, 120, 7L).withRoomTurnaround(reset);
        var duringReset = entry(2, SCHEDULED, 149, 200, 7L).withRoomTurnaround(reset);
        var afterReset = entry(3, SCHEDULED, 150, 200, 7L).withRoomTurnaround(reset);
        var sameDmOtherRoom = new ScheduleEntry(bookingId(4), SCHEDULED, at(120), at(200), roomId(8), Set.of(dmId(30)));
        var firstWithDm = new ScheduleEntry(bookingId(1), SCHEDULED, at(0), at(120), roomId(7), Set.of(dmId(30)), reset);

        assertTrue(ConflictRule.conflict(first, duringReset));
        assertTrue(ConflictRule.conflict(duringReset, first));
        assertFalse(ConflictRule.conflict(first, afterReset));
        assertFalse(ConflictRule.conflict(firstWithDm, sameDmOtherRoom));
        assertTrue(ConflictRule.roomOverlaps(at(0), at(120), at(149), at(150), reset));
    }

    /** A booking in {@code room} (none when null) with the DMs {@code dms}. */
    private static ScheduleEntry entry(long id, BookingStatus status, int startMinute, int endMinute, Long room, long... dms) {
        return new ScheduleEntry(bookingId(id), status, at(startMinute), at(endMinute), room == null ? null : roomId(room),
                Set.copyOf(dmIds(dms)));
    }

    private static Instant at(int minute) {
        return T0.plusSeconds(60L * minute);
    }
}
