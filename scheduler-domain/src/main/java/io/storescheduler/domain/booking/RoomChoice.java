package io.storescheduler.domain.booking;

/**
 * The result of {@link RoomChoicePolicy#choose}: the room {@link Chosen} for a booking together
 * with the conflicts it brings (zero unless every fitting room was taken), or
 * {@link NoRoomAvailable} when no active room seats the party at all.
 */
public sealed interface RoomChoice permits RoomChoice.Chosen, RoomChoice.NoRoomAvailable {

    record Chosen(long roomId, int roomConflictCount) implements RoomChoice {
    }

    record NoRoomAvailable() implements RoomChoice {
    }
}
