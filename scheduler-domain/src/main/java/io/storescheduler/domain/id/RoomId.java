package io.storescheduler.domain.id;

/** The id of a room or table of a store. */
public record RoomId(long value) implements EntityId, Comparable<RoomId> {

    @Override
    public int compareTo(RoomId other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
