package io.storescheduler.adapter.http.event;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.storescheduler.adapter.http.shared.Times;
import io.storescheduler.application.event.EventPage;
import io.storescheduler.application.event.StoredEvent;
import io.storescheduler.domain.id.BookingId;
import io.storescheduler.domain.id.StoreId;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/** An event on the wire: what changed, when, and the booking as {@code GET} answered it then. */
public record EventResponse(long id, String type, StoreId storeId, BookingId bookingId, OffsetDateTime occurredAt,
        @JsonRawValue String booking) {

    public static EventResponse from(StoredEvent event, ZoneId zone) {
        return new EventResponse(event.id(), event.type().code(), event.storeId(), event.bookingId(),
                Times.render(event.occurredAt(), zone), event.booking());
    }

    /** A page of the feed; {@code next} is the cursor to pass back as {@code after}. */
    public record Page(List<EventResponse> items, String next) {

        static Page from(EventPage page, ZoneId zone) {
            return new Page(page.items().stream().map(event -> EventResponse.from(event, zone)).toList(), EventCursor.of(page.next()));
        }
    }
}
