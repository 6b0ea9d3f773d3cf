package io.storescheduler.application.availability;

import io.storescheduler.application.booking.ConflictFinder;
import io.storescheduler.application.catalogue.CatalogueRepository;
import io.storescheduler.application.shared.Outcome;
import io.storescheduler.application.shared.Refusal;
import io.storescheduler.application.shared.TransactionRunner;
import io.storescheduler.domain.availability.AvailabilityInput;
import io.storescheduler.domain.availability.AvailabilityPolicy;
import io.storescheduler.domain.availability.CandidateStarts;
import io.storescheduler.domain.booking.ScheduleEntry;
import io.storescheduler.domain.catalogue.Dm;
import io.storescheduler.domain.catalogue.Room;
import io.storescheduler.domain.catalogue.Script;
import io.storescheduler.domain.id.RoomId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads what {@link AvailabilityPolicy} decides on in four queries whatever the window (the script,
 * the rooms, the DMs, the scheduled bookings around the window with their DMs), all in one transaction so
 * they agree with each other, and lets the policy decide. A search writes nothing, so
 * it takes no lock and never waits for the store's writes; what it offers holds as of its snapshot.
 */
public record FindAvailabilityService(
        CatalogueRepository catalogue, ConflictFinder schedule, TransactionRunner transactions)
        implements FindAvailabilityUseCase {

    @Override
    public Outcome<Availability> find(FindAvailabilityQuery query) {
        var storeId = query.store().id();
        return transactions.attempt(() -> Outcome.of(catalogue.findScript(storeId, query.scriptId()),
                () -> Refusal.invalid("unknown_script", "script_id", "no script " + query.scriptId() + " in this store"))
                .flatMap(script -> {
                    var rooms = catalogue.allRooms(storeId);
                    var dms = catalogue.allDms(storeId);
                    return Outcome.unless(unknownRoomOrDm(query, rooms, dms), script).map(known -> offers(query, known, rooms, dms));
                }));
    }

    /** A room or DM the query narrows to that is not the store's, if it names one. */
    private static Optional<Refusal> unknownRoomOrDm(FindAvailabilityQuery query, List<Room> rooms, List<Dm> dms) {
        if (query.roomId() != null && rooms.stream().noneMatch(room -> room.id().equals(query.roomId()))) {
            return Optional.of(Refusal.invalid("unknown_room", "room_id", "no room " + query.roomId() + " in this store"));
        }
        if (query.dmId() != null && dms.stream().noneMatch(dm -> dm.id().equals(query.dmId()))) {
            return Optional.of(Refusal.invalid("unknown_dm", "dm_id", "no dm " + query.dmId() + " in this store"));
        }
        return Optional.empty();
    }

    private Availability offers(FindAvailabilityQuery query, Script script, List<Room> rooms, List<Dm> dms) {
        var storeId = query.store().id();
        var duration = Duration.ofMinutes(script.durationMinutes());
        var scheduled = withTurnarounds(schedule.scheduledAround(storeId, query.from(), query.to().plus(duration)), rooms);
        var starts = CandidateStarts.grid(query.from(), query.to(), query.store().timezone(), query.stepMinutes());
        var offers = AvailabilityPolicy.offers(new AvailabilityInput(starts, script.id(), script.durationMinutes(),
                query.partySize(), script.dmCharacterIds().size(), query.store().timezone(), query.store().openingHours(),
                rooms, dms, scheduled, query.roomId(), query.dmId()));
        var truncated = offers.size() > MAX_ITEMS;
        var items = truncated ? offers.subList(0, MAX_ITEMS) : offers;
        return new Availability(script.id(), query.partySize(), script.durationMinutes(), query.stepMinutes(), items,
                truncated, truncated ? offers.get(MAX_ITEMS).startAt() : null);
    }

    /** Each booking with its room's turnaround as the rooms were read. */
    private static List<ScheduleEntry> withTurnarounds(List<ScheduleEntry> entries, List<Room> rooms) {
        Map<RoomId, Room> byId = rooms.stream().collect(Collectors.toMap(Room::id, Function.identity()));
        return entries.stream()
                .map(entry -> entry.roomId() == null || !byId.containsKey(entry.roomId()) ? entry
                        : entry.withRoomTurnaround(byId.get(entry.roomId()).turnaround()))
                .toList();
    }
}
