package io.storescheduler.domain.availability;

import io.storescheduler.domain.booking.BookingStatus;
import io.storescheduler.domain.booking.ConflictRule;
import io.storescheduler.domain.booking.RoomCandidate;
import io.storescheduler.domain.booking.RoomChoicePolicy;
import io.storescheduler.domain.booking.ScheduleEntry;
import io.storescheduler.domain.catalogue.Dm;
import io.storescheduler.domain.catalogue.Room;
import io.storescheduler.domain.id.RoomId;
import io.storescheduler.domain.store.OpeningHours;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Which starts a party can play at, by the rule of {@link ConflictRule}: a start is offered when its
 * whole game lies inside the opening hours, at least one active room seating the party is free
 * during {@code [start, end + the room's turnaround)}, and at least as many active DMs able to host
 * the script as it has DM characters are free during {@code [start, end)}. Only scheduled bookings
 * occupy anything. The promise: a booking created at an offered start in an offered room with
 * offered DMs, and confirmed at once, has no conflict.
 *
 * <p>Each room's and DM's bookings are sorted once, with the latest end so far, so each check is a
 * binary search: a week of 5-minute starts over hundreds of rooms and DMs stays quick. The checks
 * compare epoch microseconds, PostgreSQL's precision, not {@link Instant}s: tens of thousands of
 * them a search, none allocates.
 */
public final class AvailabilityPolicy {

    private AvailabilityPolicy() {
    }

    public static List<Offer> offers(AvailabilityInput in) {
        var rooms = Lanes.of(candidateRooms(in), Room::id, Room::turnaround,
                Timeline.byKey(in.scheduled(), entry -> entry.roomId() == null ? List.of() : List.of(entry.roomId())));
        var dms = Lanes.of(candidateDms(in), Dm::id, dm -> Duration.ZERO, Timeline.byKey(in.scheduled(), ScheduleEntry::dmIds));
        var duration = Duration.ofMinutes(in.durationMinutes());
        var openings = in.starts().isEmpty() || in.openingHours().isAlwaysOpen() ? null
                : in.openingHours().openings(in.starts().getFirst(), in.starts().getLast().plus(duration), in.zone());
        var offers = new ArrayList<Offer>();
        for (var start : in.starts()) {
            var end = start.plus(duration);
            if (openings != null && !inside(openings, start, end)) {
                continue;
            }
            long from = Timeline.micros(start);
            long to = Timeline.micros(end);
            var freeDms = dms.freeDuring(from, to);
            // too few DMs: no need to look at the rooms
            var freeRooms = freeDms.size() < in.dmCharacters() ? List.<RoomId>of() : rooms.freeDuring(from, to);
            if (!freeRooms.isEmpty()) {
                offers.add(new Offer(start, end, freeRooms, freeDms));
            }
        }
        return offers;
    }

    /** The active rooms seating the party (or only the one asked for), in room-choice order. */
    static List<Room> candidateRooms(AvailabilityInput in) {
        Map<RoomId, Room> byId = new HashMap<>();
        in.rooms().forEach(room -> byId.put(room.id(), room));
        return in.rooms().stream()
                .filter(room -> room.seats(in.partySize()))
                .filter(room -> in.roomId() == null || in.roomId().equals(room.id()))
                .map(room -> new RoomCandidate(room.id(), room.name(), room.capacity(), room.active(), 0))
                .sorted(RoomChoicePolicy.SMALLEST_FIRST)
                .map(candidate -> byId.get(candidate.roomId()))
                .toList();
    }

    /** The active DMs able to host the script (or only the one asked for), by id. */
    static List<Dm> candidateDms(AvailabilityInput in) {
        return in.dms().stream()
                .filter(dm -> dm.active() && dm.canHost(in.scriptId()))
                .filter(dm -> in.dmId() == null || in.dmId().equals(dm.id()))
                .sorted(Comparator.comparing(Dm::id))
                .toList();
    }

    private static boolean inside(List<OpeningHours.Interval> openings, Instant start, Instant end) {
        for (var opening : openings) {
            if (!start.isBefore(opening.from()) && !end.isAfter(opening.to())) {
                return true;
            }
        }
        return false;
    }

    /** The candidate rooms (or DMs) in order, each with its timeline and the reset that follows each of its games. */
    private record Lanes<I>(List<I> ids, Timeline[] timelines, long[] resets) {

        static <T, I> Lanes<I> of(List<T> candidates, Function<T, I> id, Function<T, Duration> reset, Map<I, Timeline> busy) {
            var ids = candidates.stream().map(id).toList();
            var timelines = new Timeline[candidates.size()];
            var resets = new long[candidates.size()];
            for (int i = 0; i < timelines.length; i++) {
                timelines[i] = busy.getOrDefault(ids.get(i), Timeline.EMPTY);
                resets[i] = Timeline.micros(reset.apply(candidates.get(i)));
            }
            return new Lanes<>(ids, timelines, resets);
        }

        /** The ids of the lanes free during {@code [from, to)}, in their order. */
        List<I> freeDuring(long from, long to) {
            var free = new ArrayList<I>();
            for (int i = 0; i < timelines.length; i++) {
                if (timelines[i].isFree(from, to, resets[i])) {
                    free.add(ids.get(i));
                }
            }
            return free;
        }
    }

    /** One room's or DM's scheduled games, by start, with the latest end among each prefix, in epoch microseconds. */
    private record Timeline(long[] starts, long[] latestEnds) {

        static final Timeline EMPTY = new Timeline(new long[0], new long[0]);

        static <K> Map<K, Timeline> byKey(List<ScheduleEntry> entries, Function<ScheduleEntry, Collection<K>> keys) {
            Map<K, List<ScheduleEntry>> grouped = new HashMap<>();
            for (var entry : entries) {
                if (entry.status() == BookingStatus.SCHEDULED && entry.hasTime() && entry.startAt().isBefore(entry.endAt())) {
                    keys.apply(entry).forEach(key -> grouped.computeIfAbsent(key, k -> new ArrayList<>()).add(entry));
                }
            }
            Map<K, Timeline> timelines = new HashMap<>();
            grouped.forEach((key, games) -> timelines.put(key, of(games)));
            return timelines;
        }

        private static Timeline of(List<ScheduleEntry> games) {
            var sorted = games.stream().sorted(Comparator.comparing(ScheduleEntry::startAt)).toList();
            var starts = new long[sorted.size()];
            var latestEnds = new long[sorted.size()];
            for (int i = 0; i < sorted.size(); i++) {
                starts[i] = micros(sorted.get(i).startAt());
                var end = micros(sorted.get(i).endAt());
                latestEnds[i] = i > 0 ? Math.max(latestEnds[i - 1], end) : end;
            }
            return new Timeline(starts, latestEnds);
        }

        /**
         * No game here needs the room (or DM) while {@code [start, end)} would, both followed by
         * {@code turnaround}: the games starting before {@code end + turnaround} all end, with
         * their reset, by {@code start}. {@link ConflictRule#roomOverlaps} for every game at once.
         */
        boolean isFree(long start, long end, long turnaround) {
            int before = firstNotBefore(end + turnaround);
            return before == 0 || latestEnds[before - 1] + turnaround <= start;
        }

        static long micros(Instant instant) {
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
        }

        static long micros(Duration duration) {
            return duration.toNanos() / 1_000;
        }

        /** How many games start before {@code instant}. */
        private int firstNotBefore(long instant) {
            int index = Arrays.binarySearch(starts, instant);
            if (index < 0) {
                return -index - 1;
            }
            while (index > 0 && starts[index - 1] == instant) {
                index--;
            }
            return index;
        }
    }
}
