package io.storescheduler.application.slot;

import io.storescheduler.application.booking.SlotRepository.Slot;
import io.storescheduler.application.shared.FieldChange;
import io.storescheduler.application.shared.Outcome;
import io.storescheduler.application.shared.Page;
import io.storescheduler.application.shared.PageRequest;
import java.time.Instant;

/**
 * The desk manages the store's slots directly: one per start time. A slot holding bookings that
 * are not cancelled can be neither moved to another start nor deleted.
 */
public interface ManageSlotsUseCase {

    record CreateSlotCommand(long storeId, Instant startAt, String note) {}

    record PatchSlotCommand(long storeId, long slotId, FieldChange<Instant> startAt, FieldChange<String> note) {}

    Slot createSlot(CreateSlotCommand command);

    Outcome<Slot> getSlot(long storeId, long slotId);

    Page<Slot> listSlots(long storeId, Instant from, Instant to, PageRequest page);

    Outcome<Slot> patchSlot(PatchSlotCommand command);

    Outcome<Void> deleteSlot(long storeId, long slotId);
}
