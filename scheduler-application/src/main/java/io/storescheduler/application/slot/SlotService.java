package io.storescheduler.application.slot;

import io.storescheduler.application.booking.SlotRepository.Slot;
import io.storescheduler.application.booking.SlotRepository;
import io.storescheduler.application.shared.Outcome;
import io.storescheduler.application.shared.Page;
import io.storescheduler.application.shared.PageRequest;
import io.storescheduler.application.shared.Refusal;
import io.storescheduler.application.shared.StoreScheduleLock;
import io.storescheduler.application.shared.TransactionRunner;
import io.storescheduler.domain.id.SlotId;
import io.storescheduler.domain.id.StoreId;
import java.time.Clock;
import java.time.Instant;

/**
 * Slots, changed under the store's schedule lock: a confirm or a booking's move takes a slot under
 * the same lock, so a slot is never moved or deleted while a booking is being put into it.
 */
public record SlotService(
        SlotRepository slots, StoreScheduleLock scheduleLock, TransactionRunner transactions, Clock clock)
        implements ManageSlotsUseCase {

    @Override
    public Slot createSlot(CreateSlotCommand command) {
        return transactions.inTransaction(() -> {
            scheduleLock.lock(command.storeId());
            return slots.insert(command.storeId(), command.startAt(), command.note());
        });
    }

    @Override
    public Outcome<Slot> getSlot(StoreId storeId, SlotId slotId) {
        return Outcome.of(slots.find(storeId, slotId), () -> Refusal.notFound("slot", slotId));
    }

    @Override
    public Page<Slot> listSlots(StoreId storeId, Instant from, Instant to, PageRequest page) {
        return slots.list(storeId, from, to, page);
    }

    /** Moving a slot lets its cancelled bookings go first: their start stays, so it would no longer be the slot's. */
    @Override
    public Outcome<Slot> patchSlot(PatchSlotCommand command) {
        return transactions.attempt(() -> {
            scheduleLock.lock(command.storeId());
            return getSlot(command.storeId(), command.slotId()).flatMap(slot -> {
                var startAt = command.startAt().orElse(slot.startAt());
                var movable = startAt.equals(slot.startAt()) ? Outcome.done(slot) : releaseUnlessHeld(slot, "moved");
                return movable.flatMap(moved -> {
                    slots.update(slot.storeId(), slot.id(), startAt, command.note().orElse(slot.note()));
                    return getSlot(slot.storeId(), slot.id());
                });
            });
        });
    }

    @Override
    public Outcome<Void> deleteSlot(StoreId storeId, SlotId slotId) {
        return transactions.attempt(() -> {
            scheduleLock.lock(storeId);
            return getSlot(storeId, slotId).flatMap(slot -> releaseUnlessHeld(slot, "deleted")).map(slot -> {
                slots.delete(storeId, slotId);
                return null;
            });
        });
    }

    private Outcome<Slot> releaseUnlessHeld(Slot slot, String what) {
        if (slots.holdsBookingsNotCancelled(slot.storeId(), slot.id())) {
            return Outcome.refused(Refusal.conflict("slot_has_bookings",
                    "slot " + slot.id() + " holds bookings that are not cancelled, so it cannot be " + what));
        }
        slots.releaseCancelledBookings(slot.storeId(), slot.id(), clock.instant());
        return Outcome.done(slot);
    }
}
