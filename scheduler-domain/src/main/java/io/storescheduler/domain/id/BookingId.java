package io.storescheduler.domain.id;

/** The id of a booking. */
public record BookingId(long value) implements EntityId, Comparable<BookingId> {

    @Override
    public int compareTo(BookingId other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
