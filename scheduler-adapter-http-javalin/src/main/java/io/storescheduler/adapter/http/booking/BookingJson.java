package io.storescheduler.adapter.http.booking;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.storescheduler.adapter.http.shared.Json;
import io.storescheduler.application.booking.BookingView;
import io.storescheduler.application.booking.BookingDocuments;
import java.time.ZoneId;

/** A booking rendered as {@code GET} answers it, for the events that keep it. */
public final class BookingJson implements BookingDocuments {

    private final ObjectMapper mapper = Json.mapper();

    @Override
    public String render(BookingView view, ZoneId zone) {
        try {
            return mapper.writeValueAsString(BookingResponse.from(view, zone));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a booking is plain records", e);
        }
    }
}
