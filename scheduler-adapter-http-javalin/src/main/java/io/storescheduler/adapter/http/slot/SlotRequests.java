package io.storescheduler.adapter.http.slot;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The bodies of the slot routes, with their bounds. */
final class SlotRequests {

    static final int MAX_NOTE_LENGTH = 2000;
    static final int MAX_DATETIME_LENGTH = 64;

    private SlotRequests() {}

    record CreateSlotRequest(@NotNull @Size(max = MAX_DATETIME_LENGTH) String startAt, @Size(max = MAX_NOTE_LENGTH) String note) {}

    /** Both optional; {@code note} null clears it, {@code start_at} may not be null. */
    record PatchSlotRequest(@Size(max = MAX_DATETIME_LENGTH) String startAt, @Size(max = MAX_NOTE_LENGTH) String note) {}
}
