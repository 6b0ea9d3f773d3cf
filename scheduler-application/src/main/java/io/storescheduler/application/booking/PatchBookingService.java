package io.storescheduler.application.booking;

import io.storescheduler.application.quota.StoreQuotas;
import io.storescheduler.application.shared.StoreScheduleLock;
import io.storescheduler.application.shared.TransactionRunner;
import io.storescheduler.application.shared.UseCaseFailure;
import io.storescheduler.domain.booking.Booking;
import io.storescheduler.domain.booking.BookingLifecycle;
import io.storescheduler.domain.booking.BookingStatus;
import io.storescheduler.domain.event.BookingEventType;
import java.time.Clock;
import java.time.Instant;

/**
 * Applies a partial change to a booking under the store's schedule lock, then the booking's row
 * lock. Only what the request names changes: a note or a room keeps the times, a move keeps the
 * game's length, a new script sets the end from its duration. A scheduled booking that moves or
 * changes room must end up where confirm could have put it: an active room that seats its party.
 */
public final class PatchBookingService implements PatchBookingUseCase {

    private final BookingRepository bookings;
    private final SlotRepository slots;
    private final BookingReferences references;
    private final BookingViews views;
    private final StoreScheduleLock scheduleLock;
    private final TransactionRunner transactions;
    private final Clock clock;
    private final StoreQuotas quotas;
    private final BookingEvents events;

    public PatchBookingService(BookingRepository bookings, SlotRepository slots, BookingReferences references,
            BookingViews views, StoreScheduleLock scheduleLock, TransactionRunner transactions, Clock clock,
            StoreQuotas quotas, BookingEvents events) {
        this.bookings = bookings;
        this.slots = slots;
        this.references = references;
        this.views = views;
        this.scheduleLock = scheduleLock;
        this.transactions = transactions;
        this.clock = clock;
        this.quotas = quotas;
        this.events = events;
    }

    @Override
    public BookingView patch(PatchBookingCommand command) {
        return transactions.inTransaction(() -> {
            scheduleLock.lock(command.storeId());
            var current = views.lockForChange(command.storeId(), command.bookingId(), command.expectedVersion());
            checkAllowed(current, command);
            quotas.ensureRoomForMove(current.storeId(), current.startAt(), command.startAt().orElse(current.startAt()));
            var changed = applyChanges(current, command);
            if (changed.droppedCharacterMatchesOf(current)) {
                bookings.dropCharacterMatches(current.storeId(), current.id());
            }
            bookings.update(changed, clock.instant());
            return events.record(BookingEventType.CHANGED, views.view(command.storeId(), command.bookingId()));
        });
    }

    private void checkAllowed(Booking booking, PatchBookingCommand command) {
        var status = booking.status();
        if (command.scriptId().isSet() && !BookingLifecycle.canChangeScript(status)) {
            throw BookingViews.notEditable(booking, "the script");
        }
        if ((command.startAt().isSet() || command.roomId().isSet()) && !BookingLifecycle.canChangeSchedule(status)) {
            throw BookingViews.notEditable(booking, "the start or room");
        }
        if (command.note().isSet() && !BookingLifecycle.canChangeNote(status)) {
            throw BookingViews.notEditable(booking, "the note");
        }
    }

    private Booking applyChanges(Booking booking, PatchBookingCommand command) {
        var changed = booking;
        if (command.scriptId().isSet()) {
            changed = withScript(changed, command.scriptId().orElse(null));
        }
        if (command.startAt().isSet() && !command.startAt().orElse(null).equals(booking.startAt())) {
            changed = moved(changed, command.startAt().orElse(null));
        }
        if (command.roomId().isSet()) {
            changed = changed.inRoom(namedRoom(booking, command.roomId().orElse(null)));
        }
        if (command.note().isSet()) {
            changed = changed.withNote(command.note().orElse(null));
        }
        if (changed.status() == BookingStatus.SCHEDULED && (command.startAt().isSet() || command.roomId().isSet())) {
            checkSeated(changed);
        }
        return changed;
    }

    private Booking withScript(Booking booking, Long scriptId) {
        if (scriptId == null) {
            return booking.withScript(null, null);
        }
        var script = references.script(booking.storeId(), scriptId);
        references.checkDuration(script);
        return booking.withScript(scriptId, script.durationMinutes());
    }

    /** A scheduled booking moves into the slot of its new start; an incomplete one has no slot yet. */
    private Booking moved(Booking booking, Instant startAt) {
        var slotId = booking.status() == BookingStatus.SCHEDULED ? Long.valueOf(slots.upsert(booking.storeId(), startAt)) : booking.slotId();
        return booking.movedTo(startAt, slotId);
    }

    private Long namedRoom(Booking booking, Long roomId) {
        if (roomId == null && booking.keepsARoom()) {
            throw UseCaseFailure.invalid("room_required", "room_id", "a scheduled booking keeps a room");
        }
        if (roomId != null) {
            references.room(booking.storeId(), roomId);
        }
        return roomId;
    }

    /** Where a scheduled booking goes, confirm could have put it: an active room that seats the party. */
    private void checkSeated(Booking booking) {
        var room = references.room(booking.storeId(), booking.roomId());
        if (!room.seats(booking.partySize())) {
            throw UseCaseFailure.conflict("room_unsuitable", "room " + room.id() + (room.active()
                    ? " seats " + room.capacity() + ", fewer than the party of " + booking.partySize()
                    : " is not active"));
        }
    }
}
