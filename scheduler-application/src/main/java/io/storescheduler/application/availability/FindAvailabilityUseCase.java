package io.storescheduler.application.availability;

import io.storescheduler.application.shared.Outcome;
import io.storescheduler.domain.availability.Offer;
import io.storescheduler.domain.id.DmId;
import io.storescheduler.domain.id.RoomId;
import io.storescheduler.domain.id.ScriptId;
import io.storescheduler.domain.store.Store;
import java.time.Instant;
import java.util.List;

/** When and where a party can play a script: the starts in a window, each with its free rooms and DMs. */
public interface FindAvailabilityUseCase {

    /** At most this many starts in one answer; the next ones are asked for from {@code nextFrom}. */
    int MAX_ITEMS = 200;

    /** A search of {@code [from, to)}; {@code roomId} and {@code dmId} narrow it when not null. */
    record FindAvailabilityQuery(Store store, ScriptId scriptId, int partySize, Instant from, Instant to, int stepMinutes,
            RoomId roomId, DmId dmId) {}

    /** The offered starts, ascending; when {@code truncated}, more start at {@code nextFrom} or later. */
    record Availability(ScriptId scriptId, int partySize, int durationMinutes, int stepMinutes, List<Offer> items,
            boolean truncated, Instant nextFrom) {}

    Outcome<Availability> find(FindAvailabilityQuery query);
}
