package io.storescheduler.domain.id;

/** The id of a character match of a booking, a client's or a DM's. */
public record MatchId(long value) implements EntityId, Comparable<MatchId> {

    @Override
    public int compareTo(MatchId other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
