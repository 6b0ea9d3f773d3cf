package io.storescheduler.adapter.http.booking;

import io.storescheduler.adapter.http.shared.Times;
import io.storescheduler.application.booking.ConflictingBooking;
import io.storescheduler.domain.id.BookingId;
import io.storescheduler.domain.id.DmId;
import io.storescheduler.domain.id.RoomId;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/** One item of {@code GET .../bookings/{booking_id}/conflicts}: the other booking, when and where, and what the two share. */
public record ConflictingBookingResponse(BookingId bookingId, OffsetDateTime startAt, OffsetDateTime endAt, RoomId roomId,
        boolean sharesRoom, List<DmId> sharedDmIds) {

    static ConflictingBookingResponse from(ConflictingBooking conflict, ZoneId zone) {
        return new ConflictingBookingResponse(conflict.bookingId(), Times.render(conflict.startAt(), zone),
                Times.render(conflict.endAt(), zone), conflict.roomId(), conflict.sharesRoom(), conflict.sharedDmIds());
    }
}
