package io.storescheduler.domain.booking;

import static io.storescheduler.domain.booking.BookingStatus.CANCELLED;
import static io.storescheduler.domain.booking.BookingStatus.COMPLETED;
import static io.storescheduler.domain.booking.BookingStatus.INCOMPLETE;
import static io.storescheduler.domain.booking.BookingStatus.SCHEDULED;
import static io.storescheduler.domain.id.Ids.bookingId;
import static io.storescheduler.domain.id.Ids.clientIds;
import static io.storescheduler.domain.id.Ids.roomId;
import static io.storescheduler.domain.id.Ids.scriptId;
import static io.storescheduler.domain.id.Ids.slotId;
import static io.storescheduler.domain.id.Ids.storeId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BookingLifecycleTest {

    @ParameterizedTest(name = "{1} from {0} -> {2}")
    @CsvSource({
        "INCOMPLETE, confirm,  SCHEDULED",
        "SCHEDULED,  confirm,  REFUSED",
        "CANCELLED,  confirm,  REFUSED",
        "COMPLETED,  confirm,  REFUSED",
        "INCOMPLETE, cancel,   CANCELLED",
        "SCHEDULED,  cancel,   CANCELLED",
        "CANCELLED,  cancel,   REFUSED",
        "COMPLETED,  cancel,   REFUSED",
        "INCOMPLETE, complete, REFUSED",
        "SCHEDULED,  complete, COMPLETED",
        "CANCELLED,  complete, REFUSED",
        "COMPLETED,  complete, REFUSED",
    })
    void each_action_moves_a_booking_only_along_the_state_machine(BookingStatus from, String action, String outcome) {
        Transition expected = outcome.equals("REFUSED")
                ? new Transition.Refused(from, action)
                : new Transition.Allowed(from, BookingStatus.valueOf(outcome));

        assertEquals(expected, apply(action, from), () -> action + " from " + from);
    }

    @Test
    void cancel_refuses_a_completed_booking_in_words_the_desk_understands() {
        Transition transition = BookingLifecycle.cancel(COMPLETED);

        assertFalse(transition.isAllowed());
        assertEquals("cannot cancel a completed booking", ((Transition.Refused) transition).message());
    }

    @Test
    void complete_refuses_an_incomplete_booking_with_the_right_article() {
        Transition.Refused refused = (Transition.Refused) BookingLifecycle.complete(INCOMPLETE);

        assertEquals("cannot complete an incomplete booking", refused.message());
    }

    @Test
    void an_allowed_transition_says_so() {
        assertTrue(BookingLifecycle.confirm(INCOMPLETE).isAllowed());
    }

    @Test
    void a_booking_after_an_allowed_transition_has_the_new_status_and_keeps_everything_else() {
        var scheduled = booking(SCHEDULED);

        var cancelled = scheduled.after((Transition.Allowed) BookingLifecycle.cancel(SCHEDULED));

        assertEquals(CANCELLED, cancelled.status());
        assertEquals(scheduled.roomId(), cancelled.roomId());
        assertEquals(scheduled.slotId(), cancelled.slotId());
        assertEquals(scheduled.version(), cancelled.version());
    }

    @Test
    void applying_a_transition_allowed_from_another_status_is_a_programming_error() {
        var completed = booking(COMPLETED);

        assertThrows(IllegalStateException.class,
                () -> completed.after((Transition.Allowed) BookingLifecycle.cancel(SCHEDULED)));
    }

    @ParameterizedTest(name = "{0}: script={1} schedule={2} note={3} party={4} clientMatches={5} dmMatches={6} conflicts={7}")
    @CsvSource({
        "INCOMPLETE, true,  true,  true,  true,  true,  true,  true",
        "SCHEDULED,  false, true,  true,  false, false, true,  true",
        "CANCELLED,  false, false, false, false, false, false, false",
        "COMPLETED,  false, false, false, false, false, false, false",
    })
    void each_status_allows_exactly_the_edits_of_the_specification(
            BookingStatus status,
            boolean script,
            boolean schedule,
            boolean note,
            boolean party,
            boolean clientMatches,
            boolean dmMatches,
            boolean showsConflicts) {
        List<Boolean> expected = List.of(script, schedule, note, party, clientMatches, dmMatches, showsConflicts);
        List<Boolean> actual = List.of(
                BookingLifecycle.canChangeScript(status),
                BookingLifecycle.canChangeSchedule(status),
                BookingLifecycle.canChangeNote(status),
                BookingLifecycle.canChangeParty(status),
                BookingLifecycle.canChangeClientMatches(status),
                BookingLifecycle.canChangeDmMatches(status),
                BookingLifecycle.showsConflicts(status));

        assertEquals(expected, actual, () -> "edit policy of " + status);
    }

    private static Transition apply(String action, BookingStatus from) {
        return switch (action) {
            case "confirm" -> BookingLifecycle.confirm(from);
            case "cancel" -> BookingLifecycle.cancel(from);
            case "complete" -> BookingLifecycle.complete(from);
            default -> throw new IllegalArgumentException("unknown action in test table: " + action);
        };
    }

    @Test
    void the_test_table_covers_every_status() {
        // Guards the tables above: a new status must be added to them.
        assertEquals(List.of(INCOMPLETE, SCHEDULED, CANCELLED, COMPLETED), List.of(BookingStatus.values()));
    }

    private static Booking booking(BookingStatus status) {
        var start = Instant.parse("2026-12-05T06:00:00Z");
        return new Booking(bookingId(7), storeId(1), status, start, start.plusSeconds(7200), scriptId(2), roomId(3),
                slotId(4), null, clientIds(5), List.of(), List.of(), 6, start, start);
    }
}
