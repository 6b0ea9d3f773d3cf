package io.storescheduler.domain.id;

/** The id of a character of a script, DM or not. */
public record CharacterId(long value) implements EntityId, Comparable<CharacterId> {

    @Override
    public int compareTo(CharacterId other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
