package io.storescheduler.domain.booking;

import io.storescheduler.domain.id.RoomId;
import java.util.List;

/**
 * The answer of {@link ConfirmationPolicy#decide}: either {@link Confirmed} into a room (with the
 * conflicts that room brings, zero unless overlap was the only way), or {@link Rejected} with
 * every precondition that failed, so the desk can fix them all in one go.
 */
public sealed interface ConfirmationDecision permits ConfirmationDecision.Confirmed, ConfirmationDecision.Rejected {

    /** Schedule the booking into {@code roomId}; {@code roomConflictCount} is the overlap accepted. */
    record Confirmed(RoomId roomId, int roomConflictCount) implements ConfirmationDecision {
    }

    /** Every failed precondition, in the order of the specification; never empty. */
    record Rejected(List<ConfirmViolation> violations) implements ConfirmationDecision {
        public Rejected {
            violations = List.copyOf(violations);
            // A rejection that names no reason would leave the desk with nothing to fix.
            if (violations.isEmpty()) {
                throw new IllegalArgumentException("a rejection needs at least one violation");
            }
        }
    }
}
