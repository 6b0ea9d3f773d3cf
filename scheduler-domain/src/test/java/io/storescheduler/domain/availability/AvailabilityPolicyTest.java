package io.storescheduler.domain.availability;

import static io.storescheduler.domain.id.Ids.bookingId;
import static io.storescheduler.domain.id.Ids.dmId;
import static io.storescheduler.domain.id.Ids.dmIds;
import static io.storescheduler.domain.id.Ids.roomId;
import static io.storescheduler.domain.id.Ids.roomIds;
import static io.storescheduler.domain.id.Ids.scriptId;
import static io.storescheduler.domain.id.Ids.storeId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storescheduler.domain.booking.BookingStatus;
import io.storescheduler.domain.booking.ConflictRule;
import io.storescheduler.domain.booking.ScheduleEntry;
import io.storescheduler.domain.catalogue.Dm;
import io.storescheduler.domain.catalogue.Room;
import io.storescheduler.domain.id.DmId;
import io.storescheduler.domain.id.RoomId;
import io.storescheduler.domain.id.ScriptId;
import io.storescheduler.domain.id.StoreId;
import io.storescheduler.domain.store.OpeningHours;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The policy against a brute-force oracle on seeded random stores: rooms with turnarounds and
 * capacities, DMs who host some scripts or all, opening hours across midnight, and schedules of
 * every status. The oracle asks {@link ConflictRule} itself whether a booking placed at the start
 * would conflict, and reads opening hours minute by minute on the wall clock.
 */
class AvailabilityPolicyTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant FROM = Instant.parse("2026-12-04T16:00:00Z"); // Saturday 00:00 in Shanghai
    private static final ScriptId SCRIPT = scriptId(7);
    private static final StoreId STORE = storeId(1);
    private static final BookingStatus[] STATUSES = {BookingStatus.SCHEDULED, BookingStatus.SCHEDULED, BookingStatus.SCHEDULED,
            BookingStatus.INCOMPLETE, BookingStatus.CANCELLED, BookingStatus.COMPLETED};

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1L, 7L, 42L, 2026L, 20_261_205L, 987_654_321L})
    void offers_equal_a_brute_force_oracle_on_random_stores(long seed) {
        var random = new Random(seed);
        var offered = 0;
        var refused = 0;
        for (int round = 0; round < 25; round++) {
            var in = randomInput(random);
            var expected = oracle(in);
            var actual = AvailabilityPolicy.offers(in);
            assertEquals(expected, actual, "seed " + seed + ", round " + round + ": " + in);
            offered += actual.size();
            refused += in.starts().size() - actual.size();
        }
        assertTrue(offered > 100 && refused > 100, "seed " + seed + " tests too little: " + offered + " offered, " + refused + " not");
    }

    @Test
    void a_room_being_reset_is_not_free_and_a_dm_is_free_when_the_game_ends() {
        var room = new Room(roomId(1), STORE, "Den", 6, true, 30);
        var dm = new Dm(dmId(2), STORE, "Ada", true);
        var held = new ScheduleEntry(
                bookingId(10), BookingStatus.SCHEDULED, FROM, FROM.plus(Duration.ofHours(2)), room.id(), Set.of(dm.id()));
        var starts = List.of(FROM.plus(Duration.ofMinutes(120)), FROM.plus(Duration.ofMinutes(150)));
        var in = new AvailabilityInput(starts, SCRIPT, 60, 4, 1, SHANGHAI, OpeningHours.alwaysOpen(), List.of(room), List.of(dm),
                List.of(held), null, null);

        assertEquals(List.of(new Offer(starts.get(1), starts.get(1).plus(Duration.ofHours(1)), roomIds(1), dmIds(2))),
                AvailabilityPolicy.offers(in));
    }

    @Test
    void a_game_ending_a_microsecond_into_a_start_holds_its_room_and_dm_and_one_ending_at_it_does_not() {
        var room = new Room(roomId(1), STORE, "Den", 6, true, 0);
        var dm = new Dm(dmId(2), STORE, "Ada", true);
        var start = FROM.plus(Duration.ofHours(2));
        var starts = List.of(start);
        for (var overrun : List.of(Duration.ofNanos(1_000), Duration.ZERO)) {
            var held = new ScheduleEntry(
                    bookingId(10), BookingStatus.SCHEDULED, FROM, start.plus(overrun), room.id(), Set.of(dm.id()));
            var in = new AvailabilityInput(starts, SCRIPT, 60, 4, 1, SHANGHAI, OpeningHours.alwaysOpen(), List.of(room), List.of(dm),
                    List.of(held), null, null);

            var offer = new Offer(start, start.plus(Duration.ofHours(1)), roomIds(1), dmIds(2));
            assertEquals(overrun.isZero() ? List.of(offer) : List.of(),
                    AvailabilityPolicy.offers(in), "a game overrunning the start by " + overrun);
        }
    }

    // --- the random store ----------------------------------------------------------------

    private static AvailabilityInput randomInput(Random random) {
        var rooms = new ArrayList<Room>();
        for (long id = 1; id <= 1 + random.nextInt(4); id++) {
            rooms.add(new Room(roomId(id), STORE, "room " + random.nextInt(3), 2 + random.nextInt(6), random.nextInt(6) > 0,
                    15 * random.nextInt(5)));
        }
        var dms = new ArrayList<Dm>();
        for (long id = 11; id <= 11 + random.nextInt(4); id++) {
            Set<ScriptId> hosts = switch (random.nextInt(3)) {
                case 0 -> null;
                case 1 -> Set.of(SCRIPT);
                default -> Set.of(scriptId(SCRIPT.value() + 1));
            };
            dms.add(Dm.of(dmId(id), STORE, "dm " + id, random.nextInt(6) > 0, hosts));
        }
        var scheduled = new ArrayList<ScheduleEntry>();
        for (long id = 100; id < 100 + random.nextInt(16); id++) {
            var start = FROM.plus(Duration.ofMinutes(15L * (random.nextInt(4 * 48) - 16)));
            var roomId = random.nextInt(5) == 0 ? null : rooms.get(random.nextInt(rooms.size())).id();
            var dmIds = new HashSet<DmId>();
            dms.forEach(dm -> {
                if (random.nextInt(4) == 0) {
                    dmIds.add(dm.id());
                }
            });
            scheduled.add(new ScheduleEntry(bookingId(id), STATUSES[random.nextInt(STATUSES.length)], start,
                    start.plus(Duration.ofMinutes(30 + 15L * random.nextInt(16))), roomId, dmIds));
        }
        var step = List.of(15, 30, 45, 60).get(random.nextInt(4));
        var starts = CandidateStarts.grid(FROM, FROM.plus(Duration.ofDays(2)), SHANGHAI, step);
        var roomFilter = random.nextInt(6) == 0 ? rooms.get(0).id() : null;
        var dmFilter = random.nextInt(6) == 0 ? dms.get(0).id() : null;
        return new AvailabilityInput(starts, SCRIPT, 30 + 15 * random.nextInt(12), 1 + random.nextInt(5), random.nextInt(3),
                SHANGHAI, randomHours(random), rooms, dms, scheduled, roomFilter, dmFilter);
    }

    /** Always open, or some weekdays with one or two spans on quarter hours, some closing after midnight, some 24 hours. */
    private static OpeningHours randomHours(Random random) {
        if (random.nextInt(4) == 0) {
            return OpeningHours.alwaysOpen();
        }
        var days = new EnumMap<DayOfWeek, List<OpeningHours.Span>>(DayOfWeek.class);
        for (var day : DayOfWeek.values()) {
            if (random.nextInt(5) == 0) {
                continue;
            }
            var spans = new ArrayList<OpeningHours.Span>();
            for (int i = 0; i < 1 + random.nextInt(2); i++) {
                var open = LocalTime.MIDNIGHT.plusMinutes(15L * random.nextInt(96));
                var close = random.nextInt(8) == 0 ? open : LocalTime.MIDNIGHT.plusMinutes(15L * random.nextInt(96));
                spans.add(new OpeningHours.Span(open, close));
            }
            days.put(day, spans);
        }
        return new OpeningHours(days);
    }

    // --- the oracle --------------------------------------------------------------------------

    private static List<Offer> oracle(AvailabilityInput in) {
        Map<RoomId, Duration> turnarounds = in.rooms().stream().collect(Collectors.toMap(Room::id, Room::turnaround));
        Function<ScheduleEntry, ScheduleEntry> withTurnaround =
                entry -> entry.withRoomTurnaround(entry.roomId() == null ? Duration.ZERO : turnarounds.getOrDefault(entry.roomId(), Duration.ZERO));
        var schedule = in.scheduled().stream().map(withTurnaround).toList();
        var offers = new ArrayList<Offer>();
        for (var start : in.starts()) {
            var end = start.plus(Duration.ofMinutes(in.durationMinutes()));
            if (!openThroughout(in, start, end)) {
                continue;
            }
            var rooms = in.rooms().stream()
                    .filter(room -> room.active() && room.capacity() >= in.partySize())
                    .filter(room -> in.roomId() == null || in.roomId().equals(room.id()))
                    .filter(room -> schedule.stream().noneMatch(other -> ConflictRule.conflict(
                            new ScheduleEntry(bookingId(0), BookingStatus.SCHEDULED, start, end, room.id(), Set.of(),
                                    room.turnaround()), other)))
                    .sorted(Comparator.comparingInt(Room::capacity).thenComparing(Room::name, String.CASE_INSENSITIVE_ORDER)
                            .thenComparing(Room::id))
                    .map(Room::id).toList();
            var dms = in.dms().stream()
                    .filter(dm -> dm.active() && (dm.scriptIds() == null || dm.scriptIds().contains(in.scriptId())))
                    .filter(dm -> in.dmId() == null || in.dmId().equals(dm.id()))
                    .filter(dm -> schedule.stream().noneMatch(other -> ConflictRule.conflict(
                            new ScheduleEntry(bookingId(0), BookingStatus.SCHEDULED, start, end, null, Set.of(dm.id())), other)))
                    .map(Dm::id).sorted().toList();
            if (!rooms.isEmpty() && dms.size() >= in.dmCharacters()) {
                offers.add(new Offer(start, end, rooms, dms));
            }
        }
        return offers;
    }

    /** Every minute of the game falls in a span of its weekday, or in one of the day before that runs past midnight. */
    private static boolean openThroughout(AvailabilityInput in, Instant start, Instant end) {
        if (in.openingHours().isAlwaysOpen()) {
            return true;
        }
        for (var t = start; t.isBefore(end); t = t.plus(Duration.ofMinutes(1))) {
            if (!openAt(in.openingHours(), LocalDateTime.ofInstant(t, in.zone()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean openAt(OpeningHours hours, LocalDateTime at) {
        var time = at.toLocalTime();
        for (var span : hours.days().getOrDefault(at.getDayOfWeek(), List.of())) {
            var wraps = !span.close().isAfter(span.open());
            if (!time.isBefore(span.open()) && (wraps || time.isBefore(span.close()))) {
                return true;
            }
        }
        for (var span : hours.days().getOrDefault(at.getDayOfWeek().minus(1), List.of())) {
            var wraps = !span.close().isAfter(span.open());
            if (wraps && time.isBefore(span.close())) {
                return true;
            }
        }
        return false;
    }
}
