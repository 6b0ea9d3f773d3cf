package io.storescheduler.domain.booking;

import static io.storescheduler.domain.id.Ids.roomId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storescheduler.domain.id.RoomId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RoomChoicePolicyTest {

    @Test
    void takes_the_preferred_room_when_it_has_no_conflict_even_if_a_smaller_one_is_free() {
        List<RoomCandidate> rooms = List.of(room(1, "Small", 4, 0), room(2, "Big", 10, 0));

        assertEquals(new RoomChoice.Chosen(roomId(2), 0), RoomChoicePolicy.choose(roomId(2), 3, rooms));
    }

    @Test
    void passes_over_a_preferred_room_with_conflicts_for_a_conflict_free_one() {
        List<RoomCandidate> rooms = List.of(room(1, "Small", 4, 1), room(2, "Big", 10, 0));

        assertEquals(new RoomChoice.Chosen(roomId(2), 0), RoomChoicePolicy.choose(roomId(1), 3, rooms));
    }

    @Test
    void without_a_preference_takes_the_smallest_conflict_free_room() {
        List<RoomCandidate> rooms = List.of(room(1, "Hall", 12, 0), room(2, "Den", 6, 0), room(3, "Attic", 4, 2));

        assertEquals(new RoomChoice.Chosen(roomId(2), 0), RoomChoicePolicy.choose(null, 3, rooms));
    }

    @Test
    void orders_conflict_free_rooms_of_equal_capacity_by_name_ignoring_case_then_by_id() {
        List<RoomCandidate> byName = List.of(room(1, "beta", 6, 0), room(2, "Alpha", 6, 0));
        List<RoomCandidate> byId = List.of(room(9, "Alpha", 6, 0), room(4, "ALPHA", 6, 0));

        assertEquals(new RoomChoice.Chosen(roomId(2), 0), RoomChoicePolicy.choose(null, 3, byName));
        assertEquals(new RoomChoice.Chosen(roomId(4), 0), RoomChoicePolicy.choose(null, 3, byId));
    }

    @Test
    void never_chooses_an_inactive_room_or_one_too_small_for_the_party_even_if_preferred() {
        List<RoomCandidate> rooms = List.of(
                inactive(1, "Closed", 10), room(2, "Tiny", 2, 0), room(3, "Busy", 6, 5));

        assertEquals(new RoomChoice.Chosen(roomId(3), 5), RoomChoicePolicy.choose(roomId(1), 3, rooms));
        assertEquals(new RoomChoice.Chosen(roomId(3), 5), RoomChoicePolicy.choose(roomId(2), 3, rooms));
    }

    @Test
    void a_room_seating_exactly_the_party_fits() {
        assertEquals(new RoomChoice.Chosen(roomId(1), 0), RoomChoicePolicy.choose(null, 4, List.of(room(1, "Den", 4, 0))));
    }

    @Test
    void when_every_room_is_taken_allows_overlap_in_the_room_with_fewest_conflicts() {
        List<RoomCandidate> rooms = List.of(room(1, "A", 4, 3), room(2, "B", 8, 1), room(3, "C", 6, 2));

        assertEquals(new RoomChoice.Chosen(roomId(2), 1), RoomChoicePolicy.choose(roomId(3), 3, rooms));
    }

    @Test
    void breaks_a_tie_of_fewest_conflicts_in_favour_of_the_preferred_room_then_the_smallest() {
        List<RoomCandidate> rooms = List.of(room(1, "A", 4, 1), room(2, "B", 8, 1), room(3, "C", 6, 2));

        assertEquals(new RoomChoice.Chosen(roomId(2), 1), RoomChoicePolicy.choose(roomId(2), 3, rooms));
        assertEquals(new RoomChoice.Chosen(roomId(1), 1), RoomChoicePolicy.choose(roomId(3), 3, rooms));
    }

    @Test
    void a_preferred_room_the_store_does_not_have_is_ignored() {
        assertEquals(new RoomChoice.Chosen(roomId(1), 0), RoomChoicePolicy.choose(roomId(99), 1, List.of(room(1, "A", 4, 0))));
    }

    @Test
    void answers_no_room_available_when_no_active_room_seats_the_party() {
        List<RoomCandidate> rooms = List.of(room(1, "A", 4, 0), inactive(2, "B", 10));

        assertEquals(new RoomChoice.NoRoomAvailable(), RoomChoicePolicy.choose(roomId(2), 5, rooms));
        assertEquals(new RoomChoice.NoRoomAvailable(), RoomChoicePolicy.choose(null, 1, List.of()));
    }

    @Test
    void a_negative_party_size_is_a_programming_error() {
        assertThrows(IllegalArgumentException.class, () -> RoomChoicePolicy.choose(null, -1, List.of()));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {3L, 2026L, 86_400L})
    void agrees_with_the_three_steps_of_the_specification_taken_literally(long seed) {
        Random random = new Random(seed);
        int[] stepsTaken = new int[4];
        for (int i = 0; i < 2_000; i++) {
            List<RoomCandidate> rooms = randomRooms(random);
            RoomId preferred = random.nextInt(4) == 0 ? null : roomId(1 + random.nextInt(8));
            int partySize = random.nextInt(9);
            Reference reference = reference(preferred, partySize, rooms);
            String where = "seed " + seed + ", case " + i + ": preferred " + preferred + ", party " + partySize
                    + ", rooms " + rooms;

            assertEquals(reference.choice, RoomChoicePolicy.choose(preferred, partySize, rooms), () -> where);
            stepsTaken[reference.step]++;
        }
        for (int step = 0; step < stepsTaken.length; step++) {
            int taken = stepsTaken[step];
            int s = step;
            assertTrue(taken > 50, () -> "seed " + seed + " reached step " + s + " only " + taken + " times");
        }
    }

    private static List<RoomCandidate> randomRooms(Random random) {
        String[] names = {"Attic", "attic", "Den", "HALL", "hall", "Cellar", "Library"};
        List<RoomCandidate> rooms = new ArrayList<>();
        int size = random.nextInt(7);
        for (long id = 1; id <= size; id++) {
            String name = names[random.nextInt(names.length)];
            int capacity = 2 + 2 * random.nextInt(4);
            int conflicts = random.nextInt(3) == 0 ? 0 : random.nextInt(3);
            rooms.add(new RoomCandidate(roomId(id), name, capacity, random.nextInt(5) > 0, conflicts));
        }
        // The policy must not care in which order the caller lists the rooms.
        Collections.shuffle(rooms, random);
        return rooms;
    }

    /** Step 0: no candidate; 1: preferred room; 2: first conflict-free; 3: fewest conflicts. */
    private record Reference(RoomChoice choice, int step) {
    }

    private static Reference reference(RoomId preferred, int partySize, List<RoomCandidate> rooms) {
        Comparator<RoomCandidate> order = Comparator.comparingInt(RoomCandidate::capacity)
                .thenComparing(r -> r.name().toLowerCase(Locale.ROOT))
                .thenComparing(RoomCandidate::roomId);
        List<RoomCandidate> candidates = new ArrayList<>();
        for (RoomCandidate r : rooms) {
            if (r.active() && r.capacity() >= partySize) {
                candidates.add(r);
            }
        }
        candidates.sort(order);
        if (candidates.isEmpty()) {
            return new Reference(new RoomChoice.NoRoomAvailable(), 0);
        }
        Optional<RoomCandidate> preferredRoom =
                candidates.stream().filter(r -> r.roomId().equals(preferred)).findFirst();
        if (preferredRoom.isPresent() && preferredRoom.get().roomConflictCount() == 0) {
            return new Reference(chosen(preferredRoom.get()), 1);
        }
        for (RoomCandidate r : candidates) {
            if (r.roomConflictCount() == 0) {
                return new Reference(chosen(r), 2);
            }
        }
        int fewest = candidates.stream().mapToInt(RoomCandidate::roomConflictCount).min().orElseThrow();
        if (preferredRoom.isPresent() && preferredRoom.get().roomConflictCount() == fewest) {
            return new Reference(chosen(preferredRoom.get()), 3);
        }
        RoomCandidate first = candidates.stream().filter(r -> r.roomConflictCount() == fewest).findFirst().orElseThrow();
        return new Reference(chosen(first), 3);
    }

    private static RoomChoice chosen(RoomCandidate room) {
        return new RoomChoice.Chosen(room.roomId(), room.roomConflictCount());
    }

    private static RoomCandidate room(long id, String name, int capacity, int conflicts) {
        return new RoomCandidate(roomId(id), name, capacity, true, conflicts);
    }

    private static RoomCandidate inactive(long id, String name, int capacity) {
        return new RoomCandidate(roomId(id), name, capacity, false, 0);
    }
}
