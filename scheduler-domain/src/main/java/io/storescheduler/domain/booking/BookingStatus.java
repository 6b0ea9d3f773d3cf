package io.storescheduler.domain.booking;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a booking stands in its life: {@code incomplete} while the desk is still putting it
 * together, {@code scheduled} once confirmed into a room, and finally {@code completed} or
 * {@code cancelled}. Each status has a lower-case wire code, the form stored in the database and
 * shown in the API; {@link #fromCode(String)} is its exact inverse.
 */
public enum BookingStatus {
    INCOMPLETE("incomplete"),
    SCHEDULED("scheduled"),
    CANCELLED("cancelled"),
    COMPLETED("completed");

    private final String code;

    BookingStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Exact, case-sensitive: the wire format has one spelling per status. */
    public static Optional<BookingStatus> fromCode(String code) {
        Objects.requireNonNull(code, "code");
        return Arrays.stream(values()).filter(status -> status.code.equals(code)).findFirst();
    }
}
