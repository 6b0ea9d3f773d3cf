package io.storescheduler.application.calendar;

/** Whose calendar a feed is: a room's or a DM's, by its id in the store. */
public record CalendarOwner(Kind kind, long id) {

    /** The two kinds of calendar; {@code label} is how a path and a message name it. */
    public enum Kind {
        ROOM("room"), DM("dm");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public static CalendarOwner room(long roomId) {
        return new CalendarOwner(Kind.ROOM, roomId);
    }

    public static CalendarOwner dm(long dmId) {
        return new CalendarOwner(Kind.DM, dmId);
    }
}
