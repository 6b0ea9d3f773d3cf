package io.storescheduler.domain.event;

import io.storescheduler.domain.booking.BookingStatus;
import java.util.Arrays;
import java.util.Optional;

/**
 * What a booking change was, as its event names it: {@code booking.created}, {@code booking.changed}
 * (time, script, room or note), {@code booking.party_changed}, {@code booking.matches_changed},
 * {@code booking.confirmed}, {@code booking.cancelled}, {@code booking.completed}. The code is the
 * wire and stored form; {@link #fromCode(String)} is its exact inverse.
 */
public enum BookingEventType {
    CREATED("booking.created"),
    CHANGED("booking.changed"),
    PARTY_CHANGED("booking.party_changed"),
    MATCHES_CHANGED("booking.matches_changed"),
    CONFIRMED("booking.confirmed"),
    CANCELLED("booking.cancelled"),
    COMPLETED("booking.completed");

    private final String code;

    BookingEventType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The event of a status change that reached {@code status}; {@code incomplete} is never reached by one. */
    public static BookingEventType ofStatusReached(BookingStatus status) {
        return switch (status) {
            case SCHEDULED -> CONFIRMED;
            case CANCELLED -> CANCELLED;
            case COMPLETED -> COMPLETED;
            case INCOMPLETE -> throw new IllegalArgumentException("no status change reaches incomplete");
        };
    }

    public static Optional<BookingEventType> fromCode(String code) {
        return Arrays.stream(values()).filter(type -> type.code.equals(code)).findFirst();
    }
}
