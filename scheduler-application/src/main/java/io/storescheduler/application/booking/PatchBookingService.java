package io.storescheduler.application.booking;

import io.storescheduler.application.quota.StoreQuotas;
import io.storescheduler.application.shared.Outcome;
import io.storescheduler.application.shared.Refusal;
import io.storescheduler.application.shared.StoreScheduleLock;
import io.storescheduler.application.shared.TransactionRunner;
import io.storescheduler.domain.booking.Booking;
import io.storescheduler.domain.booking.BookingLifecycle;
import io.storescheduler.domain.booking.BookingStatus;
import io.storescheduler.domain.catalogue.Room;
import io.storescheduler.domain.event.BookingEventType;
import io.storescheduler.domain.id.RoomId;
import io.storescheduler.domain.id.ScriptId;
import java.time.Clock;
import java.time.Instant;

/**
 * Applies a partial change to a booking under the store's schedule lock, then the booking's row
 * lock. Only what the request names changes: a note or a room keeps the times, a move keeps the
 * game's length, a new script sets the end from its duration. A scheduled booking that moves or
 * changes room must end up where confirm could have put it: an active room that seats its party.
 */
public record PatchBookingService(
        BookingRepository bookings, SlotRepository slots, BookingReferences references, BookingViews views,
        StoreScheduleLock scheduleLock, TransactionRunner transactions, Clock clock, StoreQuotas quotas,
        BookingEvents events) implements PatchBookingUseCase {

    @Override
    public Outcome<BookingView> patch(PatchBookingCommand command) {
        return transactions.attempt(() -> {
            scheduleLock.lock(command.storeId());
            return views.lockForChange(command.storeId(), command.bookingId(), command.expectedVersion())
                    .flatMap(current -> allowed(current, command))
                    .flatMap(current -> Outcome.unless(quotas.refusesMove(current.storeId(), current.startAt(),
                            command.startAt().orElse(current.startAt())), current))
                    .flatMap(current -> applyChanges(current, command).map(changed -> save(current, changed)))
                    .flatMap(view -> events.record(BookingEventType.CHANGED, view));
        });
    }

    private BookingView save(Booking current, Booking changed) {
        if (changed.droppedCharacterMatchesOf(current)) {
            bookings.dropCharacterMatches(current.storeId(), current.id());
        }
        bookings.update(changed, clock.instant());
        return views.view(current.storeId(), current.id());
    }

    private static Outcome<Booking> allowed(Booking booking, PatchBookingCommand command) {
        var status = booking.status();
        if (command.scriptId().isSet() && !BookingLifecycle.canChangeScript(status)) {
            return Outcome.refused(BookingViews.notEditable(booking, "the script"));
        }
        if ((command.startAt().isSet() || command.roomId().isSet()) && !BookingLifecycle.canChangeSchedule(status)) {
            return Outcome.refused(BookingViews.notEditable(booking, "the start or room"));
        }
        if (command.note().isSet() && !BookingLifecycle.canChangeNote(status)) {
            return Outcome.refused(BookingViews.notEditable(booking, "the note"));
        }
        return Outcome.done(booking);
    }

    private Outcome<Booking> applyChanges(Booking booking, PatchBookingCommand command) {
        var changed = Outcome.done(booking);
        if (command.scriptId().isSet()) {
            changed = changed.flatMap(next -> withScript(next, command.scriptId().orElse(null)));
        }
        if (command.startAt().isSet() && !command.startAt().orElse(null).equals(booking.startAt())) {
            changed = changed.map(next -> moved(next, command.startAt().orElse(null)));
        }
        if (command.roomId().isSet()) {
            changed = changed.flatMap(next -> namedRoom(booking, command.roomId().orElse(null)).map(next::inRoom));
        }
        if (command.note().isSet()) {
            changed = changed.map(next -> next.withNote(command.note().orElse(null)));
        }
        boolean reseated = command.startAt().isSet() || command.roomId().isSet();
        return changed.flatMap(next -> reseated && next.status() == BookingStatus.SCHEDULED ? seated(next) : Outcome.done(next));
    }

    private Outcome<Booking> withScript(Booking booking, ScriptId scriptId) {
        if (scriptId == null) {
            return Outcome.done(booking.withScript(null, null));
        }
        return references.script(booking.storeId(), scriptId).flatMap(references::checkDuration)
                .map(script -> booking.withScript(scriptId, script.durationMinutes()));
    }

    /** A scheduled booking moves into the slot of its new start; an incomplete one has no slot yet. */
    private Booking moved(Booking booking, Instant startAt) {
        var slotId = booking.status() == BookingStatus.SCHEDULED ? slots.upsert(booking.storeId(), startAt) : booking.slotId();
        return booking.movedTo(startAt, slotId);
    }

    private Outcome<RoomId> namedRoom(Booking booking, RoomId roomId) {
        if (roomId == null && booking.keepsARoom()) {
            return Outcome.refused(Refusal.invalid("room_required", "room_id", "a scheduled booking keeps a room"));
        }
        return roomId == null ? Outcome.done(null) : references.room(booking.storeId(), roomId).map(Room::id);
    }

    /** Where a scheduled booking goes, confirm could have put it: an active room that seats the party. */
    private Outcome<Booking> seated(Booking booking) {
        return references.room(booking.storeId(), booking.roomId()).flatMap(room -> room.seats(booking.partySize())
                ? Outcome.done(booking)
                : Outcome.refused(Refusal.conflict("room_unsuitable", "room " + room.id() + (room.active()
                        ? " seats " + room.capacity() + ", fewer than the party of " + booking.partySize()
                        : " is not active"))));
    }
}
