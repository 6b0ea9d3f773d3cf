package io.storescheduler.domain.id;

/** The id of a client, a customer of a store. */
public record ClientId(long value) implements EntityId, Comparable<ClientId> {

    @Override
    public int compareTo(ClientId other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
