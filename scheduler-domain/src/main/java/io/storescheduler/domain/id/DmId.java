package io.storescheduler.domain.id;

/** The id of a DM, a store's game master. */
public record DmId(long value) implements EntityId, Comparable<DmId> {

    @Override
    public int compareTo(DmId other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
