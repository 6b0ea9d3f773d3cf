package io.storescheduler.application.calendar;

import io.storescheduler.application.shared.Outcome;
import io.storescheduler.domain.id.StoreId;

/**
 * Staff make a room's or a DM's calendar key: a new key is answered this once and the previous
 * one stops working at once.
 */
public interface RotateCalendarKeyUseCase {

    /** The new key; refused {@code room_not_found} / {@code dm_not_found} when the owner is not in the store. */
    Outcome<String> rotateKey(StoreId storeId, CalendarOwner owner);
}
