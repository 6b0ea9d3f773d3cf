package io.storescheduler.domain.booking;

import io.storescheduler.domain.id.RoomId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Which room a booking gets when it is confirmed. Candidates are the active rooms that seat the
 * party. The preferred room wins if it is conflict-free; otherwise the smallest conflict-free
 * candidate (by capacity, then name ignoring case, then id); otherwise, overlap allowed, the
 * candidate with the fewest conflicts, ties going to the preferred room and then the same order.
 */
public final class RoomChoicePolicy {

    /** Room-choice order among rooms equally free: capacity, then name ignoring case, then id. */
    public static final Comparator<RoomCandidate> SMALLEST_FIRST = Comparator
            .comparingInt(RoomCandidate::capacity)
            .thenComparing(RoomCandidate::name, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(RoomCandidate::roomId);

    private RoomChoicePolicy() {
    }

    public static RoomChoice choose(RoomId preferredRoomId, int partySize, List<RoomCandidate> rooms) {
        if (partySize < 0) {
            throw new IllegalArgumentException("partySize must not be negative: " + partySize);
        }
        return List.copyOf(rooms).stream()
                .filter(room -> room.seats(partySize))
                .min(preference(preferredRoomId))
                .<RoomChoice>map(room -> new RoomChoice.Chosen(room.roomId(), room.roomConflictCount()))
                .orElseGet(RoomChoice.NoRoomAvailable::new);
    }

    // The three steps of the rule collapse into one order: when a conflict-free candidate exists
    // the fewest conflicts is zero, and "preferred first, then smallest" settles each step's ties.
    private static Comparator<RoomCandidate> preference(RoomId preferredRoomId) {
        Comparator<RoomCandidate> preferredFirst =
                Comparator.comparing(room -> !Objects.equals(preferredRoomId, room.roomId()));
        return Comparator.comparingInt(RoomCandidate::roomConflictCount)
                .thenComparing(preferredFirst)
                .thenComparing(SMALLEST_FIRST);
    }
}
