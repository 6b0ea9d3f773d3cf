package io.storescheduler.application.booking;

import io.storescheduler.application.catalogue.CatalogueRepository;
import io.storescheduler.application.shared.Outcome;
import io.storescheduler.application.shared.StoreScheduleLock;
import io.storescheduler.application.shared.TransactionRunner;
import io.storescheduler.domain.booking.Booking;
import io.storescheduler.domain.booking.ConfirmationDecision;
import io.storescheduler.domain.booking.ConfirmationInput;
import io.storescheduler.domain.booking.ConfirmationPolicy;
import io.storescheduler.domain.booking.RoomCandidate;
import io.storescheduler.domain.catalogue.Dm;
import io.storescheduler.domain.catalogue.Script;
import io.storescheduler.domain.event.BookingEventType;
import io.storescheduler.domain.id.RoomId;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Confirms a booking under the store's schedule lock, so that racing confirms see each other's
 * rooms and the result equals some serial order of them.
 */
public record ConfirmBookingService(
        BookingRepository bookings, SlotRepository slots, CatalogueRepository catalogue,
        ConflictFinder conflicts, BookingViews views, StoreScheduleLock scheduleLock,
        TransactionRunner transactions, Clock clock, BookingEvents events) implements ConfirmBookingUseCase {

    @Override
    public Outcome<BookingView> confirm(ConfirmBookingCommand command) {
        return transactions.attempt(() -> {
            scheduleLock.lock(command.storeId());
            return views.lockForChange(command.storeId(), command.bookingId(), command.expectedVersion())
                    .flatMap(booking -> switch (ConfirmationPolicy.decide(confirmationInput(booking))) {
                        case ConfirmationDecision.Confirmed confirmed -> schedule(booking, confirmed.roomId());
                        case ConfirmationDecision.Rejected rejected -> Outcome.refused(ConfirmViolations.refusal(rejected.violations()));
                    });
        });
    }

    private Outcome<BookingView> schedule(Booking booking, RoomId roomId) {
        var slotId = slots.upsert(booking.storeId(), booking.startAt());
        bookings.update(booking.scheduledIn(roomId, slotId), clock.instant());
        return events.record(BookingEventType.CONFIRMED, views.view(booking.storeId(), booking.id()));
    }

    private ConfirmationInput confirmationInput(Booking booking) {
        var script = booking.scriptId() == null ? null
                : catalogue.findScript(booking.storeId(), booking.scriptId()).orElseThrow();
        return new ConfirmationInput(booking.status(), booking.scriptId(), booking.partyClientIds(),
                script == null ? Set.of() : script.nonDmCharacterIds(), booking.clientMatches(),
                booking.roomId(), roomCandidates(booking, script), characterDms(booking));
    }

    /** The DMs playing the booking's DM characters; free DMs host nothing, so they need no qualification. */
    private List<Dm> characterDms(Booking booking) {
        return booking.dmMatches().stream()
                .filter(match -> !match.isFreeDm())
                .map(match -> catalogue.findDm(booking.storeId(), match.dmId()).orElseThrow())
                .toList();
    }

    private List<RoomCandidate> roomCandidates(Booking booking, Script script) {
        Map<RoomId, Integer> busy = script == null || booking.endAt() == null ? Map.of()
                : conflicts.roomConflictCounts(booking.storeId(), booking.id(), booking.startAt(), booking.endAt());
        var partySize = Math.max(1, booking.clientIds().size());
        return catalogue.activeRoomsSeating(booking.storeId(), partySize).stream()
                .map(room -> new RoomCandidate(room.id(), room.name(), room.capacity(), room.active(),
                        busy.getOrDefault(room.id(), 0)))
                .toList();
    }
}
