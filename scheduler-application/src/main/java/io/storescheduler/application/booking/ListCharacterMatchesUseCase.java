package io.storescheduler.application.booking;

import io.storescheduler.application.shared.Outcome;
import io.storescheduler.application.shared.Page;
import io.storescheduler.application.shared.PageRequest;
import io.storescheduler.domain.booking.CharacterClientMatch;
import io.storescheduler.domain.booking.CharacterDmMatch;
import io.storescheduler.domain.id.BookingId;
import io.storescheduler.domain.id.StoreId;

/** A booking's character-client and character-DM matches, each list by match id. */
public interface ListCharacterMatchesUseCase {

    Outcome<Page<CharacterClientMatch>> listClientMatches(StoreId storeId, BookingId bookingId, PageRequest page);

    Outcome<Page<CharacterDmMatch>> listDmMatches(StoreId storeId, BookingId bookingId, PageRequest page);
}
