package io.storescheduler.application.booking;

import io.storescheduler.application.shared.Page;
import io.storescheduler.application.shared.PageRequest;
import io.storescheduler.domain.booking.Booking;
import io.storescheduler.domain.booking.BookingStatus;
import io.storescheduler.domain.id.BookingId;
import io.storescheduler.domain.id.CharacterId;
import io.storescheduler.domain.id.ClientId;
import io.storescheduler.domain.id.DmId;
import io.storescheduler.domain.id.MatchId;
import io.storescheduler.domain.id.RoomId;
import io.storescheduler.domain.id.ScriptId;
import io.storescheduler.domain.id.StoreId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where bookings, their parties and their matches are kept, always scoped to one store. */
public interface BookingRepository {

    record NewBooking(StoreId storeId, Instant startAt, Instant endAt, ScriptId scriptId, RoomId roomId, String note, Instant now) {

        /** The booking as stored: incomplete, with no party and no matches yet. */
        public Booking as(Inserted inserted) {
            return new Booking(inserted.id(), storeId, BookingStatus.INCOMPLETE, startAt, endAt, scriptId, roomId, null, note,
                    List.of(), List.of(), List.of(), inserted.version(), inserted.createdAt(), inserted.updatedAt());
        }
    }

    /** What the database gave a new booking, as it stored it (times at its precision). */
    record Inserted(BookingId id, long version, Instant createdAt, Instant updatedAt) {}

    Inserted insert(NewBooking booking);

    Optional<Booking> find(StoreId storeId, BookingId bookingId);

    /** A page of the store's bookings matching {@code filter}, ordered by {@code start_at}, then id. */
    Page<Booking> list(StoreId storeId, BookingFilter filter, PageRequest page);

    /**
     * Locks the booking until the transaction ends, then reads it: the party and matches as they are
     * once the lock is held, whatever committed while this call waited for it.
     */
    Optional<Booking> findForUpdate(StoreId storeId, BookingId bookingId);

    /** Writes the booking's own columns and bumps its version; the party and matches are written apart. */
    void update(Booking booking, Instant now);

    /** False when the client is in the party already. */
    boolean addClient(StoreId storeId, BookingId bookingId, ClientId clientId);

    /** Takes the client out of the party, and so its character match with it; false when it was not in the party. */
    boolean removeClient(StoreId storeId, BookingId bookingId, ClientId clientId);

    MatchId addClientMatch(StoreId storeId, BookingId bookingId, CharacterId characterId, ClientId clientId);

    void updateClientMatch(StoreId storeId, BookingId bookingId, MatchId matchId, CharacterId characterId, ClientId clientId);

    void removeClientMatch(StoreId storeId, BookingId bookingId, MatchId matchId);

    MatchId addDmMatch(StoreId storeId, BookingId bookingId, CharacterId characterId, DmId dmId);

    void updateDmMatch(StoreId storeId, BookingId bookingId, MatchId matchId, CharacterId characterId, DmId dmId);

    void removeDmMatch(StoreId storeId, BookingId bookingId, MatchId matchId);

    /** Drops every character match, keeping free DMs: what a new script does to a booking. */
    void dropCharacterMatches(StoreId storeId, BookingId bookingId);
}
