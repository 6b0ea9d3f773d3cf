package io.storescheduler.domain.booking;

/**
 * The booking state machine of the specification: {@code incomplete -> scheduled -> completed},
 * and {@code incomplete | scheduled -> cancelled}. Status changes return a {@link Transition}
 * value; what may be edited in each status is a set of named predicates, so the rule for, say,
 * changing the script lives here once and not in every handler.
 */
public final class BookingLifecycle {

    static final String CONFIRM = "confirm";
    static final String CANCEL = "cancel";
    static final String COMPLETE = "complete";

    private BookingLifecycle() {
    }

    public static Transition confirm(BookingStatus current) {
        return isDraft(current)
                ? new Transition.Allowed(current, BookingStatus.SCHEDULED)
                : new Transition.Refused(current, CONFIRM);
    }

    public static Transition cancel(BookingStatus current) {
        return isOpen(current)
                ? new Transition.Allowed(current, BookingStatus.CANCELLED)
                : new Transition.Refused(current, CANCEL);
    }

    public static Transition complete(BookingStatus current) {
        return current == BookingStatus.SCHEDULED
                ? new Transition.Allowed(current, BookingStatus.COMPLETED)
                : new Transition.Refused(current, COMPLETE);
    }

    public static boolean canChangeScript(BookingStatus status) {
        return isDraft(status);
    }

    /** The schedule is {@code start_at} and the room. */
    public static boolean canChangeSchedule(BookingStatus status) {
        return isOpen(status);
    }

    public static boolean canChangeNote(BookingStatus status) {
        return isOpen(status);
    }

    /** The party is the booking's clients. */
    public static boolean canChangeParty(BookingStatus status) {
        return isDraft(status);
    }

    public static boolean canChangeClientMatches(BookingStatus status) {
        return isDraft(status);
    }

    /** DMs can still be swapped on a scheduled booking: staff rotas change after the sale. */
    public static boolean canChangeDmMatches(BookingStatus status) {
        return isOpen(status);
    }

    /** A finished booking holds no room or DM any more, so it neither has nor causes conflicts. */
    public static boolean showsConflicts(BookingStatus status) {
        return isOpen(status);
    }

    // The two groups every rule above is built from; exhaustive switches make a new status a
    // compile error here instead of a silent default.
    private static boolean isDraft(BookingStatus status) {
        return switch (status) {
            case INCOMPLETE -> true;
            case SCHEDULED, CANCELLED, COMPLETED -> false;
        };
    }

    private static boolean isOpen(BookingStatus status) {
        return switch (status) {
            case INCOMPLETE, SCHEDULED -> true;
            case CANCELLED, COMPLETED -> false;
        };
    }
}
