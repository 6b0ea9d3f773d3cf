package io.storescheduler.application.booking;

import io.storescheduler.application.shared.Outcome;
import io.storescheduler.application.shared.Page;
import io.storescheduler.application.shared.PageRequest;
import io.storescheduler.domain.booking.Booking;
import io.storescheduler.domain.booking.CharacterClientMatch;
import io.storescheduler.domain.booking.CharacterDmMatch;
import io.storescheduler.domain.id.BookingId;
import io.storescheduler.domain.id.StoreId;

/**
 * Pages through the matches of one booking. They come with the booking in one read, and a booking
 * has at most a script's characters and a few free DMs, so the page is cut in memory.
 */
public record ListCharacterMatchesService(BookingRepository bookings) implements ListCharacterMatchesUseCase {

    @Override
    public Outcome<Page<CharacterClientMatch>> listClientMatches(StoreId storeId, BookingId bookingId, PageRequest page) {
        return booking(storeId, bookingId).map(booking -> Page.of(booking.clientMatches(), page));
    }

    @Override
    public Outcome<Page<CharacterDmMatch>> listDmMatches(StoreId storeId, BookingId bookingId, PageRequest page) {
        return booking(storeId, bookingId).map(booking -> Page.of(booking.dmMatches(), page));
    }

    private Outcome<Booking> booking(StoreId storeId, BookingId bookingId) {
        return Outcome.of(bookings.find(storeId, bookingId), () -> BookingViews.notFound(bookingId));
    }
}
