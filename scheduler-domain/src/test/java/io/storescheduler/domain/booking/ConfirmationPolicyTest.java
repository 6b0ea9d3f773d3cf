package io.storescheduler.domain.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.storescheduler.domain.booking.ConfirmViolation.CharacterMatchedMoreThanOnce;
import io.storescheduler.domain.booking.ConfirmViolation.CharacterUnmatched;
import io.storescheduler.domain.booking.ConfirmViolation.ClientUnmatched;
import io.storescheduler.domain.booking.ConfirmViolation.MatchOutsideBooking;
import io.storescheduler.domain.booking.ConfirmViolation.NoClients;
import io.storescheduler.domain.booking.ConfirmViolation.NoRoomAvailable;
import io.storescheduler.domain.booking.ConfirmViolation.ScriptMissing;
import io.storescheduler.domain.booking.ConfirmViolation.StatusNotIncomplete;
import io.storescheduler.domain.catalogue.Dm;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfirmationPolicyTest {

    private static final long SCRIPT = 5L;
    private static final List<RoomCandidate> ONE_FREE_ROOM = List.of(new RoomCandidate(20, "Den", 6, true, 0));

    @Test
    void confirm_accepts_a_complete_booking_into_the_chosen_room() {
        ConfirmationInput in = new ConfirmationInput(
                BookingStatus.INCOMPLETE, SCRIPT, Set.of(10L, 11L), Set.of(1L, 2L),
                List.of(match(100, 1, 10), match(101, 2, 11)), null, ONE_FREE_ROOM);

        assertEquals(new ConfirmationDecision.Confirmed(20, 0), ConfirmationPolicy.decide(in));
    }

    @Test
    void confirm_accepts_overlap_when_every_fitting_room_is_taken() {
        List<RoomCandidate> busy = List.of(
                new RoomCandidate(20, "Den", 6, true, 2), new RoomCandidate(21, "Hall", 8, true, 1));
        ConfirmationInput in = new ConfirmationInput(
                BookingStatus.INCOMPLETE, SCRIPT, Set.of(10L), Set.of(1L), List.of(match(100, 1, 10)), 20L, busy);

        assertEquals(new ConfirmationDecision.Confirmed(21, 1), ConfirmationPolicy.decide(in));
    }

    @Test
    void confirm_rejects_a_booking_whose_client_has_no_character() {
        ConfirmationInput in = new ConfirmationInput(
                BookingStatus.INCOMPLETE, SCRIPT, Set.of(10L, 11L), Set.of(1L),
                List.of(match(100, 1, 10)), null, ONE_FREE_ROOM);

        assertEquals(rejected(new ClientUnmatched(List.of(11L))), ConfirmationPolicy.decide(in));
    }

    @Test
    void confirm_rejects_a_booking_whose_character_dm_cannot_host_its_script() {
        var hostsOthers = Dm.of(30, 1, "Ada", true, Set.of(SCRIPT + 1));
        var hostsIt = Dm.of(31, 1, "Bo", true, Set.of(SCRIPT));
        var hostsAll = new Dm(32, 1, "Cy", true);
        ConfirmationInput in = new ConfirmationInput(
                BookingStatus.INCOMPLETE, SCRIPT, Set.of(10L), Set.of(1L), List.of(match(100, 1, 10)), null, ONE_FREE_ROOM,
                List.of(hostsIt, hostsOthers, hostsAll));

        assertEquals(rejected(new ConfirmViolation.DmNotQualified(List.of(30L))), ConfirmationPolicy.decide(in));
        assertEquals(new ConfirmationDecision.Confirmed(20, 0), ConfirmationPolicy.decide(new ConfirmationInput(
                BookingStatus.INCOMPLETE, SCRIPT, Set.of(10L), Set.of(1L), List.of(match(100, 1, 10)), null, ONE_FREE_ROOM,
                List.of(hostsIt, hostsAll))));
    }

    @Test
    void confirm_rejects_a_booking_that_is_already_scheduled() {
        ConfirmationInput in = new ConfirmationInput(
                BookingStatus.SCHEDULED, SCRIPT, Set.of(10L), Set.of(1L), List.of(match(100, 1, 10)), 20L, ONE_FREE_ROOM);

        assertEquals(rejected(new StatusNotIncomplete(BookingStatus.SCHEDULED)), ConfirmationPolicy.decide(in));
    }

    @Test
    void confirm_rejects_a_party_too_big_for_every_active_room() {
        List<RoomCandidate> rooms = List.of(
                new RoomCandidate(20, "Den", 1, true, 0), new RoomCandidate(21, "Hall", 8, false, 0));
        ConfirmationInput in = new ConfirmationInput(
                BookingStatus.INCOMPLETE, SCRIPT, Set.of(10L, 11L), Set.of(1L, 2L),
                List.of(match(100, 1, 10), match(101, 2, 11)), 21L, rooms);

        assertEquals(rejected(new NoRoomAvailable()), ConfirmationPolicy.decide(in));
    }

    @Test
    void confirm_reports_every_failing_precondition_together_without_a_script() {
        ConfirmationInput in = new ConfirmationInput(
                BookingStatus.CANCELLED, null, Set.of(), Set.of(), List.of(), null, List.of());

        assertEquals(
                rejected(
                        new StatusNotIncomplete(BookingStatus.CANCELLED),
                        new ScriptMissing(),
                        new NoClients(),
                        new NoRoomAvailable()),
                ConfirmationPolicy.decide(in));
    }

    @Test
    void confirm_reports_every_failing_precondition_together_in_the_documented_order() {
        ConfirmationInput in = new ConfirmationInput(
                BookingStatus.COMPLETED, SCRIPT, Set.of(10L, 11L, 12L), Set.of(1L, 2L, 3L),
                List.of(match(100, 1, 10), match(101, 1, 11), match(102, 9, 12)),
                null, List.of(new RoomCandidate(20, "Den", 2, true, 0)));

        ConfirmationDecision decision = ConfirmationPolicy.decide(in);

        assertEquals(
                rejected(
                        new StatusNotIncomplete(BookingStatus.COMPLETED),
                        new CharacterUnmatched(List.of(2L, 3L)),
                        new ClientUnmatched(List.of(12L)),
                        new CharacterMatchedMoreThanOnce(List.of(1L)),
                        new MatchOutsideBooking(List.of(102L)),
                        new NoRoomAvailable()),
                decision);
        List<String> codes = ((ConfirmationDecision.Rejected) decision).violations().stream()
                .map(ConfirmViolation::code)
                .toList();
        assertEquals(
                List.of("status_not_incomplete", "character_unmatched", "client_unmatched",
                        "character_matched_more_than_once", "match_outside_booking", "no_room_available"),
                codes);
    }

    @Test
    void confirm_without_a_script_does_not_repeat_it_as_unmatched_clients() {
        ConfirmationInput in = new ConfirmationInput(
                BookingStatus.INCOMPLETE, null, Set.of(10L), Set.of(), List.of(), null, ONE_FREE_ROOM);

        assertEquals(rejected(new ScriptMissing()), ConfirmationPolicy.decide(in));
    }

    @Test
    void confirm_with_an_empty_party_reports_no_clients_and_the_characters_left_unplayed() {
        ConfirmationInput in = new ConfirmationInput(
                BookingStatus.INCOMPLETE, SCRIPT, Set.of(), Set.of(1L, 2L), List.of(), null, ONE_FREE_ROOM);

        assertEquals(rejected(new NoClients(), new CharacterUnmatched(List.of(1L, 2L))), ConfirmationPolicy.decide(in));
    }

    private static ConfirmationDecision rejected(ConfirmViolation... violations) {
        return new ConfirmationDecision.Rejected(List.of(violations));
    }

    private static CharacterClientMatch match(long id, long characterId, long clientId) {
        return new CharacterClientMatch(id, characterId, clientId);
    }
}
