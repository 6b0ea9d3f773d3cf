package io.storescheduler.domain.availability;

import io.storescheduler.domain.booking.ScheduleEntry;
import io.storescheduler.domain.catalogue.Dm;
import io.storescheduler.domain.catalogue.Room;
import io.storescheduler.domain.id.DmId;
import io.storescheduler.domain.id.RoomId;
import io.storescheduler.domain.id.ScriptId;
import io.storescheduler.domain.store.OpeningHours;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * Everything {@link AvailabilityPolicy} needs to answer a search: the candidate starts, the game
 * (its script, length, party and how many DM characters it has), the store's zone and opening
 * hours, its rooms and DMs, and the scheduled bookings that may overlap the window, each with its
 * room and DMs. {@code roomId} and {@code dmId} narrow the search to that room or DM when not null.
 */
public record AvailabilityInput(
        List<Instant> starts,
        ScriptId scriptId,
        int durationMinutes,
        int partySize,
        int dmCharacters,
        ZoneId zone,
        OpeningHours openingHours,
        List<Room> rooms,
        List<Dm> dms,
        List<ScheduleEntry> scheduled,
        RoomId roomId,
        DmId dmId) {

    public AvailabilityInput {
        starts = List.copyOf(starts);
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(openingHours, "openingHours");
        rooms = List.copyOf(rooms);
        dms = List.copyOf(dms);
        scheduled = List.copyOf(scheduled);
        if (durationMinutes < 1 || partySize < 1 || dmCharacters < 0) {
            throw new IllegalArgumentException("duration and party must be positive, DM characters not negative");
        }
    }
}
