package io.storescheduler.application.booking;

import io.storescheduler.application.shared.Page;
import io.storescheduler.application.shared.PageRequest;
import io.storescheduler.domain.booking.Booking;
import io.storescheduler.domain.booking.BookingStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where bookings, their parties and their matches are kept, always scoped to one store. */
public interface BookingRepository {

    record NewBooking(long storeId, Instant startAt, Instant endAt, Long scriptId, Long roomId, String note, Instant now) {

        /** The booking as stored: incomplete, with no party and no matches yet. */
        public Booking as(Inserted inserted) {
            return new Booking(inserted.id(), storeId, BookingStatus.INCOMPLETE, startAt, endAt, scriptId, roomId, null, note,
                    List.of(), List.of(), List.of(), inserted.version(), inserted.createdAt(), inserted.updatedAt());
        }
    }

    /** What the database gave a new booking, as it stored it (times at its precision). */
    record Inserted(long id, long version, Instant createdAt, Instant updatedAt) {}

    Inserted insert(NewBooking booking);

    Optional<Booking> find(long storeId, long bookingId);

    /** A page of the store's bookings matching {@code filter}, ordered by {@code start_at}, then id. */
    Page<Booking> list(long storeId, BookingFilter filter, PageRequest page);

    /**
     * Locks the booking until the transaction ends, then reads it: the party and matches as they are
     * once the lock is held, whatever committed while this call waited for it.
     */
    Optional<Booking> findForUpdate(long storeId, long bookingId);

    /** Writes the booking's own columns and bumps its version; the party and matches are written apart. */
    void update(Booking booking, Instant now);

    /** False when the client is in the party already. */
    boolean addClient(long storeId, long bookingId, long clientId);

    /** Takes the client out of the party, and so its character match with it; false when it was not in the party. */
    boolean removeClient(long storeId, long bookingId, long clientId);

    long addClientMatch(long storeId, long bookingId, long characterId, long clientId);

    void updateClientMatch(long storeId, long bookingId, long matchId, long characterId, long clientId);

    void removeClientMatch(long storeId, long bookingId, long matchId);

    long addDmMatch(long storeId, long bookingId, Long characterId, long dmId);

    void updateDmMatch(long storeId, long bookingId, long matchId, Long characterId, long dmId);

    void removeDmMatch(long storeId, long bookingId, long matchId);

    /** Drops every character match, keeping free DMs: what a new script does to a booking. */
    void dropCharacterMatches(long storeId, long bookingId);
}
