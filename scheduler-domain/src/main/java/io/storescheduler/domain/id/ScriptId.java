package io.storescheduler.domain.id;

/** The id of a script of a store's catalogue. */
public record ScriptId(long value) implements EntityId, Comparable<ScriptId> {

    @Override
    public int compareTo(ScriptId other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
