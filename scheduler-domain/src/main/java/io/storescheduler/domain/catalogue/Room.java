package io.storescheduler.domain.catalogue;

import io.storescheduler.domain.id.RoomId;
import io.storescheduler.domain.id.StoreId;
import java.time.Duration;

/**
 * A table or room of a store: {@code capacity} is the most players it seats; inactive rooms are
 * never chosen; {@code turnaroundMinutes} ({@value #MIN_TURNAROUND_MINUTES}..{@value
 * #MAX_TURNAROUND_MINUTES}) is the time it takes to reset after a game, during which it stays occupied.
 */
public record Room(RoomId id, StoreId storeId, String name, int capacity, boolean active, int turnaroundMinutes) {

    public static final int MIN_TURNAROUND_MINUTES = 0;
    public static final int MAX_TURNAROUND_MINUTES = 240;

    public Room {
        if (!isValidTurnaround(turnaroundMinutes)) {
            throw new IllegalArgumentException("turnaround out of range: " + turnaroundMinutes + " minutes");
        }
    }

    /** A room that needs no reset after a game. */
    public Room(RoomId id, StoreId storeId, String name, int capacity, boolean active) {
        this(id, storeId, name, capacity, active, 0);
    }

    public static boolean isValidTurnaround(int minutes) {
        return minutes >= MIN_TURNAROUND_MINUTES && minutes <= MAX_TURNAROUND_MINUTES;
    }

    public Duration turnaround() {
        return Duration.ofMinutes(turnaroundMinutes);
    }

    /** Whether a party of {@code partySize} can play here now: the room is in use and big enough. */
    public boolean seats(int partySize) {
        return active && capacity >= partySize;
    }
}
