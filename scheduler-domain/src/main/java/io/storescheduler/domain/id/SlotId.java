package io.storescheduler.domain.id;

/** The id of a slot, a store's start time that bookings share. */
public record SlotId(long value) implements EntityId, Comparable<SlotId> {

    @Override
    public int compareTo(SlotId other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
