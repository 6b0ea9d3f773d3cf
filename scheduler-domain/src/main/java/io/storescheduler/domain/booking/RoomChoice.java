package io.storescheduler.domain.booking;

import io.storescheduler.domain.id.RoomId;

/**
 * The result of {@link RoomChoicePolicy#choose}: the room {@link Chosen} for a booking together
 * with the conflicts it brings (zero unless every fitting room was taken), or
 * {@link NoRoomAvailable} when no active room seats the party at all.
 */
public sealed interface RoomChoice permits RoomChoice.Chosen, RoomChoice.NoRoomAvailable {

    /** The room to use, and how many scheduled bookings it overlaps there (zero when one was free). */
    record Chosen(RoomId roomId, int roomConflictCount) implements RoomChoice {
    }

    /** No active room seats the party. */
    record NoRoomAvailable() implements RoomChoice {
    }
}
