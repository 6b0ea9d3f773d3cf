package io.storescheduler.application.booking;

import java.time.ZoneId;

/** Renders a booking as {@code GET} answers it, at the store's zone: what an event keeps of it. */
@FunctionalInterface
public interface BookingDocuments {

    String render(BookingView view, ZoneId zone);
}
