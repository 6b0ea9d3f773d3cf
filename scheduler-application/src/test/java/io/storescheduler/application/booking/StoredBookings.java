package io.storescheduler.application.booking;

import io.storescheduler.application.booking.BookingRepository.NewBooking;
import io.storescheduler.domain.booking.BookingStatus;
import io.storescheduler.domain.catalogue.Script;
import io.storescheduler.domain.id.BookingId;
import io.storescheduler.domain.id.ClientId;
import io.storescheduler.domain.id.DmId;
import io.storescheduler.domain.id.RoomId;
import io.storescheduler.domain.id.StoreId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Bookings written through the booking ports straight into a status, for the contracts of ports
 * that read bookings (quotas, calendars): the state machine is the services' business.
 */
public final class StoredBookings {

    private static final Instant WRITTEN = Instant.parse("2026-11-20T08:00:00Z");

    private final BookingPortsUnderTest ports;

    public StoredBookings(BookingPortsUnderTest ports) {
        this.ports = ports;
    }

    /** A booking in {@code status} of {@code script} in {@code roomId}, starting at {@code start} for the script's length. */
    public BookingId add(StoreId storeId, Script script, RoomId roomId, BookingStatus status, Instant start) {
        var end = start.plus(Duration.ofMinutes(script.durationMinutes()));
        var id = ports.bookings().insert(new NewBooking(storeId, start, end, script.id(), roomId, null, WRITTEN)).id();
        var inserted = ports.bookings().find(storeId, id).orElseThrow();
        ports.bookings().update(BookingCopies.withStatus(inserted, status, null), WRITTEN);
        return id;
    }

    /** As {@link #add}, with {@code clientIds} in the party and, unless null, {@code dmId} matched to no character. */
    public BookingId add(StoreId storeId, Script script, RoomId roomId, BookingStatus status, Instant start,
            List<ClientId> clientIds, DmId dmId) {
        var id = add(storeId, script, roomId, status, start);
        clientIds.forEach(clientId -> ports.bookings().addClient(storeId, id, clientId));
        if (dmId != null) {
            ports.bookings().addDmMatch(storeId, id, null, dmId);
        }
        return id;
    }
}
