package io.storescheduler.domain.booking;

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
        long id,
        long storeId,
        BookingStatus status,
        Instant startAt,
        Instant endAt,
        Long scriptId,
        Long roomId,
        Long slotId,
        String note,
        List<Long> clientIds,
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

    public Set<Long> dmIds() {
        return dmMatches.stream().map(CharacterDmMatch::dmId).collect(Collectors.toUnmodifiableSet());
    }

    public Set<Long> partyClientIds() {
        return Set.copyOf(clientIds);
    }

    /**
     * This booking once confirmed into {@code roomId} at {@code slotId}. Only an incomplete booking
     * can be confirmed: asking otherwise is a bug, as the confirmation policy refuses it first.
     */
    public Booking scheduledIn(long roomId, long slotId) {
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

    /** This booking as the conflict rule sees it. */
    public ScheduleEntry scheduleEntry() {
        return new ScheduleEntry(id, status, startAt, endAt, roomId, dmIds());
    }
}
