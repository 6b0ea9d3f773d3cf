package io.storescheduler.application.booking;

import io.storescheduler.application.shared.Outcome;
import io.storescheduler.application.shared.Refusal;
import io.storescheduler.domain.booking.BookingStatus;
import io.storescheduler.domain.booking.Transition;
import io.storescheduler.domain.event.BookingEventType;
import io.storescheduler.domain.id.BookingId;
import io.storescheduler.domain.id.StoreId;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * The one way a booking's status changes outside confirm: under the store's schedule lock (the
 * change frees a room and DMs, so it must not interleave with a confirm choosing rooms), at the
 * version the caller expects, along a transition the lifecycle allows. A transition it refuses
 * answers a conflict naming the booking's current status. It is a {@link BookingEdits} edit whose
 * event is the status reached.
 */
public record BookingStatusChanges(BookingEdits edits) {

    Outcome<BookingView> apply(StoreId storeId, BookingId bookingId, OptionalLong expectedVersion,
            Function<BookingStatus, Transition> transition) {
        return edits.editUnderScheduleLock(storeId, bookingId, expectedVersion,
                changed -> BookingEventType.ofStatusReached(changed.status()),
                booking -> switch (transition.apply(booking.status())) {
                    case Transition.Allowed allowed -> Outcome.done(booking.after(allowed));
                    case Transition.Refused refused -> Outcome.refused(refusal(refused));
                });
    }

    /** The refusal as the API has always answered it: a conflict naming the status the booking is in. */
    static Refusal refusal(Transition.Refused refused) {
        return Refusal.conflict("invalid_transition", refused.message(), Map.of("current_status", refused.current().code()));
    }
}
