package io.storescheduler.application.booking;

import io.storescheduler.application.shared.Page;
import io.storescheduler.application.shared.PageRequest;
import io.storescheduler.domain.booking.Booking;
import io.storescheduler.domain.booking.CharacterClientMatch;
import io.storescheduler.domain.booking.CharacterDmMatch;

/**
 * Pages through the matches of one booking. They come with the booking in one read, and a booking
 * has at most a script's characters and a few free DMs, so the page is cut in memory.
 */
public final class ListCharacterMatchesService implements ListCharacterMatchesUseCase {

    private final BookingRepository bookings;

    public ListCharacterMatchesService(BookingRepository bookings) {
        this.bookings = bookings;
    }

    @Override
    public Page<CharacterClientMatch> listClientMatches(long storeId, long bookingId, PageRequest page) {
        return Page.of(booking(storeId, bookingId).clientMatches(), page);
    }

    @Override
    public Page<CharacterDmMatch> listDmMatches(long storeId, long bookingId, PageRequest page) {
        return Page.of(booking(storeId, bookingId).dmMatches(), page);
    }

    private Booking booking(long storeId, long bookingId) {
        return bookings.find(storeId, bookingId).orElseThrow(() -> BookingViews.notFound(bookingId));
    }
}
