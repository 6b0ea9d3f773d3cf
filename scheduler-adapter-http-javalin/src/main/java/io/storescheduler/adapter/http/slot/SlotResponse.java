package io.storescheduler.adapter.http.slot;

import io.storescheduler.adapter.http.shared.Times;
import io.storescheduler.application.booking.SlotRepository.Slot;
import io.storescheduler.domain.id.BookingId;
import io.storescheduler.domain.id.SlotId;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/** A slot on the wire, its start at the store's offset. */
record SlotResponse(SlotId id, OffsetDateTime startAt, String note, List<BookingId> bookingIds) {

    static SlotResponse from(Slot slot, ZoneId zone) {
        return new SlotResponse(slot.id(), Times.render(slot.startAt(), zone), slot.note(), slot.bookingIds());
    }
}
