package io.storescheduler.adapter.http.booking;

import io.storescheduler.adapter.http.shared.Times;
import io.storescheduler.application.booking.BookingView;
import io.storescheduler.domain.booking.CharacterClientMatch;
import io.storescheduler.domain.booking.CharacterDmMatch;
import io.storescheduler.domain.id.BookingId;
import io.storescheduler.domain.id.CharacterId;
import io.storescheduler.domain.id.ClientId;
import io.storescheduler.domain.id.DmId;
import io.storescheduler.domain.id.MatchId;
import io.storescheduler.domain.id.RoomId;
import io.storescheduler.domain.id.ScriptId;
import io.storescheduler.domain.id.SlotId;
import io.storescheduler.domain.id.StoreId;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * A booking on the wire, with the conflict contract, its datetimes at the store's offset. The
 * count is exact; the ids are the smallest 100, {@code conflict_booking_ids_truncated} saying when
 * there are more (then {@code GET .../conflicts} pages through them all).
 */
public record BookingResponse(
        BookingId id,
        StoreId storeId,
        String status,
        OffsetDateTime startAt,
        OffsetDateTime endAt,
        ScriptId scriptId,
        RoomId roomId,
        SlotId slotId,
        String note,
        List<ClientId> clientIds,
        List<ClientMatchResponse> characterClientMatches,
        List<DmMatchResponse> characterDmMatches,
        boolean hasConflict,
        int conflictCount,
        List<BookingId> conflictBookingIds,
        boolean conflictBookingIdsTruncated,
        long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    /** Which client plays which character. */
    public record ClientMatchResponse(MatchId id, CharacterId characterId, ClientId clientId) {

        static ClientMatchResponse from(CharacterClientMatch match) {
            return new ClientMatchResponse(match.id(), match.characterId(), match.clientId());
        }
    }

    /** Which DM plays which DM character; {@code character_id} null for a free DM. */
    public record DmMatchResponse(MatchId id, CharacterId characterId, DmId dmId) {

        static DmMatchResponse from(CharacterDmMatch match) {
            return new DmMatchResponse(match.id(), match.characterId(), match.dmId());
        }
    }

    public static BookingResponse from(BookingView view, ZoneId zone) {
        var booking = view.booking();
        var conflicts = view.conflicts();
        return new BookingResponse(booking.id(), booking.storeId(), booking.status().code(),
                Times.render(booking.startAt(), zone), Times.render(booking.endAt(), zone),
                booking.scriptId(), booking.roomId(), booking.slotId(), booking.note(), booking.clientIds(),
                booking.clientMatches().stream().map(ClientMatchResponse::from).toList(),
                booking.dmMatches().stream().map(DmMatchResponse::from).toList(),
                conflicts.hasConflict(), conflicts.count(), conflicts.bookingIds(), conflicts.truncated(), booking.version(),
                Times.render(booking.createdAt(), zone), Times.render(booking.updatedAt(), zone));
    }
}
