package io.storescheduler.domain.id;

/** The id of a store, the tenant every other entity belongs to. */
public record StoreId(long value) implements EntityId, Comparable<StoreId> {

    @Override
    public int compareTo(StoreId other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
