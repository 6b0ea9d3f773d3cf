package io.storescheduler.application.booking;

import io.storescheduler.domain.booking.Transition;

/**
 * What asking for a booking's status change (cancel, complete) came to: the booking in its new
 * status, or the lifecycle's refusal naming the status it is in, so nothing changed.
 */
public sealed interface StatusChange {

    record Changed(BookingView booking) implements StatusChange {}

    record Refused(Transition.Refused refusal) implements StatusChange {}
}
