package io.storescheduler.application.slot;

import io.storescheduler.application.booking.SlotRepository.Slot;
import io.storescheduler.application.shared.FieldChange;
import io.storescheduler.application.shared.Outcome;
import io.storescheduler.application.shared.Page;
import io.storescheduler.application.shared.PageRequest;
import io.storescheduler.domain.id.SlotId;
import io.storescheduler.domain.id.StoreId;
import java.time.Instant;

/**
 * The desk manages the store's slots directly: one per start time. A slot holding bookings that
 * are not cancelled can be neither moved to another start nor deleted.
 */
public interface ManageSlotsUseCase {

    record CreateSlotCommand(StoreId storeId, Instant startAt, String note) {}

    record PatchSlotCommand(StoreId storeId, SlotId slotId, FieldChange<Instant> startAt, FieldChange<String> note) {}

    Slot createSlot(CreateSlotCommand command);

    Outcome<Slot> getSlot(StoreId storeId, SlotId slotId);

    Page<Slot> listSlots(StoreId storeId, Instant from, Instant to, PageRequest page);

    Outcome<Slot> patchSlot(PatchSlotCommand command);

    Outcome<Void> deleteSlot(StoreId storeId, SlotId slotId);
}
