package io.storescheduler.domain.availability;

import io.storescheduler.domain.id.DmId;
import io.storescheduler.domain.id.RoomId;
import java.time.Instant;
import java.util.List;

/** A start at which the party can play: the game's time, every free room in room-choice order, every free DM by id. */
public record Offer(Instant startAt, Instant endAt, List<RoomId> roomIds, List<DmId> dmIds) {

    public Offer {
        roomIds = List.copyOf(roomIds);
        dmIds = List.copyOf(dmIds);
    }
}
