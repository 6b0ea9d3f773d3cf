package io.storescheduler.application.calendar;

import io.storescheduler.domain.id.DmId;
import io.storescheduler.domain.id.EntityId;
import io.storescheduler.domain.id.RoomId;

/** Whose calendar a feed is: a room's or a DM's, by its id in the store. */
public sealed interface CalendarOwner {

    /** The two kinds of calendar; {@code label} is how a path and a message name it. */
    enum Kind {
        ROOM("room"), DM("dm");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    record OfRoom(RoomId id) implements CalendarOwner {
    }

    record OfDm(DmId id) implements CalendarOwner {
    }

    EntityId id();

    default Kind kind() {
        return switch (this) {
            case OfRoom room -> Kind.ROOM;
            case OfDm dm -> Kind.DM;
        };
    }

    static CalendarOwner room(RoomId roomId) {
        return new OfRoom(roomId);
    }

    static CalendarOwner dm(DmId dmId) {
        return new OfDm(dmId);
    }
}
