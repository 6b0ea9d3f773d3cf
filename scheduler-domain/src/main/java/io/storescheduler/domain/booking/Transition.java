package io.storescheduler.domain.booking;

import java.util.Objects;

/**
 * The outcome of asking the {@link BookingLifecycle} for a status change: either the change is
 * {@link Allowed} (from one status to the next) or it is {@link Refused}, naming the current
 * status and the action, so the HTTP layer can answer "cannot cancel a completed booking" without
 * the domain throwing.
 */
public sealed interface Transition permits Transition.Allowed, Transition.Refused {

    /** The action may happen: the booking moves from {@code from} to {@code to}. */
    record Allowed(BookingStatus from, BookingStatus to) implements Transition {
        public Allowed {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }

    /** The action (a verb such as {@code "cancel"}) is not possible from {@code current}. */
    record Refused(BookingStatus current, String action) implements Transition {
        public Refused {
            Objects.requireNonNull(current, "current");
            Objects.requireNonNull(action, "action");
        }

        /** A sentence for a problem detail, e.g. "cannot complete an incomplete booking". */
        public String message() {
            String status = current.code();
            String article = "aeiou".indexOf(status.charAt(0)) >= 0 ? "an" : "a";
            return "cannot " + action + " " + article + " " + status + " booking";
        }
    }

    default boolean isAllowed() {
        return this instanceof Allowed;
    }
}
