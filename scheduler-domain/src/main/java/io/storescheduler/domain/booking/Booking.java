package io.storescheduler.domain.booking;

import io.storescheduler.domain.id.BookingId;
import io.storescheduler.domain.id.ClientId;
import io.storescheduler.domain.id.DmId;
import io.storescheduler.domain.id.RoomId;
import io.storescheduler.domain.id.ScriptId;
import io.storescheduler.domain.id.SlotId;
import io.storescheduler.domain.id.StoreId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One table's game at one time in one store: its status, when it runs, which script and room, its
 * party of clients and who plays which character. {@code endAt} is null while no script is set;
 * {@code roomId} is only a preference until the booking is confirmed. {@code version} grows with
 * every change and guards against lost updates.
 */
public record Booking(
        BookingId id,
        StoreId storeId,
        BookingStatus status,
        Instant startAt,
        Instant endAt,
        ScriptId scriptId,
        RoomId roomId,
        SlotId slotId,
        String note,
        List<ClientId> clientIds,
        List<CharacterClientMatch> clientMatches,
        List<CharacterDmMatch> dmMatches,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public Booking {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startAt, "startAt");
        clientIds = clientIds.stream().sorted().toList();
        clientMatches = List.copyOf(clientMatches);
        dmMatches = List.copyOf(dmMatches);
    }

    public Set<DmId> dmIds() {
        return dmMatches.stream().map(CharacterDmMatch::dmId).collect(Collectors.toUnmodifiableSet());
    }

    public Set<ClientId> partyClientIds() {
        return Set.copyOf(clientIds);
    }

    /**
     * This booking once confirmed into {@code roomId} at {@code slotId}. Only an incomplete booking
     * can be confirmed: asking otherwise is a bug, as the confirmation policy refuses it first.
     */
    public Booking scheduledIn(RoomId roomId, SlotId slotId) {
        if (!(BookingLifecycle.confirm(status) instanceof Transition.Allowed allowed)) {
            throw new IllegalStateException("booking " + id + " is " + status.code() + ", not incomplete");
        }
        return new Booking(id, storeId, allowed.to(), startAt, endAt, scriptId, roomId, slotId, note, clientIds,
                clientMatches, dmMatches, version, createdAt, updatedAt);
    }

    /**
     * This booking after {@code transition}, a status change the lifecycle allowed from this
     * booking's status (cancel, complete); applying one allowed from another status is a bug.
     */
    public Booking after(Transition.Allowed transition) {
        if (transition.from() != status) {
            throw new IllegalStateException("booking " + id + " is " + status.code() + ", not " + transition.from().code());
        }
        return new Booking(id, storeId, transition.to(), startAt, endAt, scriptId, roomId, slotId, note, clientIds,
                clientMatches, dmMatches, version, createdAt, updatedAt);
    }

    /**
     * This booking playing the script {@code scriptId} of {@code durationMinutes} (both null for no
     * script): it ends that long after its start. A new script drops the character matches, as its
     * characters are not the old script's; free DMs stay. Persisting the drop is the caller's, as
     * the matches live apart from the booking's own fields.
     */
    public Booking withScript(ScriptId scriptId, Integer durationMinutes) {
        var end = scriptId == null ? null : BookingTimes.endOf(startAt, durationMinutes);
        var sameScript = Objects.equals(scriptId, this.scriptId);
        return new Booking(id, storeId, status, startAt, end, scriptId, roomId, slotId, note, clientIds,
                sameScript ? clientMatches : List.of(),
                sameScript ? dmMatches : dmMatches.stream().filter(CharacterDmMatch::isFreeDm).toList(),
                version, createdAt, updatedAt);
    }

    /** Whether this booking's character matches differ from {@code before}'s, a script change having dropped them. */
    public boolean droppedCharacterMatchesOf(Booking before) {
        return !Objects.equals(scriptId, before.scriptId);
    }

    /**
     * This booking moved to start at {@code newStart} in the slot {@code newSlotId}: the game keeps
     * its length, so the end moves with the start. Its script's duration is read when the script is
     * set, not at every change, so a later change to the script does not stretch a booking made.
     */
    public Booking movedTo(Instant newStart, SlotId newSlotId) {
        var end = endAt == null ? null : newStart.plus(Duration.between(startAt, endAt));
        return new Booking(id, storeId, status, newStart, end, scriptId, roomId, newSlotId, note, clientIds,
                clientMatches, dmMatches, version, createdAt, updatedAt);
    }

    /** Whether this booking must keep a room: a scheduled booking does, an incomplete one may have none. */
    public boolean keepsARoom() {
        return status == BookingStatus.SCHEDULED;
    }

    /** This booking in (or, while incomplete, preferring) the room {@code newRoomId}. */
    public Booking inRoom(RoomId newRoomId) {
        return new Booking(id, storeId, status, startAt, endAt, scriptId, newRoomId, slotId, note, clientIds,
                clientMatches, dmMatches, version, createdAt, updatedAt);
    }

    public Booking withNote(String newNote) {
        return new Booking(id, storeId, status, startAt, endAt, scriptId, roomId, slotId, newNote, clientIds,
                clientMatches, dmMatches, version, createdAt, updatedAt);
    }

    /** How many players the booking seats: its party, and at least one, as room choice counts it. */
    public int partySize() {
        return Math.max(1, clientIds.size());
    }

    /** This booking as the conflict rule sees it. */
    public ScheduleEntry scheduleEntry() {
        return new ScheduleEntry(id, status, startAt, endAt, roomId, dmIds());
    }
}
