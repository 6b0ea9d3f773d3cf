package io.storescheduler.application.booking;

import io.storescheduler.application.catalogue.CatalogueRepository;
import io.storescheduler.application.shared.FieldChange;
import io.storescheduler.application.quota.StoreQuotas;
import io.storescheduler.application.shared.TransactionRunner;
import io.storescheduler.application.shared.UseCaseFailure;
import io.storescheduler.domain.booking.Booking;
import io.storescheduler.domain.booking.BookingLifecycle;
import io.storescheduler.domain.booking.BookingStatus;
import io.storescheduler.domain.catalogue.Script;
import java.time.Clock;
import java.util.Objects;

/** Applies a partial change to a booking under the store's schedule lock. */
public final class PatchBookingService implements PatchBookingUseCase {

    private final BookingRepository bookings;
    private final SlotRepository slots;
    private final CatalogueRepository catalogue;
    private final BookingReferences references;
    private final BookingViews views;
    private final StoreScheduleLock scheduleLock;
    private final TransactionRunner transactions;
    private final Clock clock;
    private final StoreQuotas quotas;

    public PatchBookingService(BookingPorts ports) {
        this.bookings = ports.bookings();
        this.slots = ports.slots();
        this.catalogue = ports.catalogue();
        this.references = new BookingReferences(ports.catalogue());
        this.views = new BookingViews(ports.bookings(), ports.conflicts());
        this.scheduleLock = ports.scheduleLock();
        this.transactions = ports.transactions();
        this.clock = ports.clock();
        this.quotas = ports.quotas();
    }

    @Override
    public BookingView patch(PatchBookingCommand command) {
        return transactions.inTransaction(() -> {
            scheduleLock.lock(command.storeId());
            var current = views.lockForChange(command.storeId(), command.bookingId(), command.expectedVersion());
            checkAllowed(current, command);
            quotas.ensureRoomForMove(current.storeId(), current.startAt(), command.startAt().orElse(current.startAt()));
            var changed = applyChanges(current, command);
            if (!Objects.equals(changed.scriptId(), current.scriptId())) {
                bookings.dropCharacterMatches(current.storeId(), current.id());
            }
            bookings.update(changed, clock.instant());
            return views.view(command.storeId(), command.bookingId());
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
        var storeId = booking.storeId();
        var startAt = command.startAt().orElse(booking.startAt());
        var scriptId = command.scriptId().orElse(booking.scriptId());
        var roomId = command.roomId().orElse(booking.roomId());
        if (command.roomId().isSet() && roomId != null) {
            references.room(storeId, roomId);
        }
        if (roomId == null && booking.status() == BookingStatus.SCHEDULED) {
            throw UseCaseFailure.invalid("room_required", "room_id", "a scheduled booking keeps a room");
        }
        var endAt = scriptId == null ? null : references.endOf(startAt, scriptOf(storeId, scriptId, command.scriptId()));
        var slotId = booking.status() == BookingStatus.SCHEDULED && command.startAt().isSet()
                ? Long.valueOf(slots.upsert(storeId, startAt))
                : booking.slotId();
        return new Booking(booking.id(), storeId, booking.status(), startAt, endAt, scriptId, roomId, slotId,
                command.note().orElse(booking.note()), booking.clientIds(), booking.clientMatches(),
                booking.dmMatches(), booking.version(), booking.createdAt(), booking.updatedAt());
    }

    private Script scriptOf(long storeId, long scriptId, FieldChange<Long> change) {
        // a script named in the request is checked as a reference; the booking's own script exists
        return change.isSet() ? references.script(storeId, scriptId) : catalogue.findScript(storeId, scriptId).orElseThrow();
    }
}
