package io.storescheduler.domain.booking;

import static io.storescheduler.domain.id.Ids.characterId;
import static io.storescheduler.domain.id.Ids.characterIds;
import static io.storescheduler.domain.id.Ids.clientId;
import static io.storescheduler.domain.id.Ids.clientIds;
import static io.storescheduler.domain.id.Ids.dmId;
import static io.storescheduler.domain.id.Ids.dmIds;
import static io.storescheduler.domain.id.Ids.matchId;
import static io.storescheduler.domain.id.Ids.matchIds;
import static io.storescheduler.domain.id.Ids.roomId;
import static io.storescheduler.domain.id.Ids.scriptId;
import static io.storescheduler.domain.id.Ids.storeId;
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
import io.storescheduler.domain.id.CharacterId;
import io.storescheduler.domain.id.ClientId;
import io.storescheduler.domain.id.ScriptId;
import io.storescheduler.domain.id.StoreId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfirmationPolicyTest {

    private static final ScriptId SCRIPT = scriptId(5);
    private static final StoreId STORE = storeId(1);
    private static final List<RoomCandidate> ONE_FREE_ROOM = List.of(new RoomCandidate(roomId(20), "Den", 6, true, 0));

    @Test
    void confirm_accepts_a_complete_booking_into_the_chosen_room() {
        ConfirmationInput in = new ConfirmationInput(
                BookingStatus.INCOMPLETE, SCRIPT, clients(10, 11), characters(1, 2),
                List.of(match(100, 1, 10), match(101, 2, 11)), null, ONE_FREE_ROOM);

        assertEquals(new ConfirmationDecision.Confirmed(roomId(20), 0), ConfirmationPolicy.decide(in));
    }

    @Test
    void confirm_accepts_overlap_when_every_fitting_room_is_taken() {
        List<RoomCandidate> busy = List.of(
                new RoomCandidate(roomId(20), "Den", 6, true, 2), new RoomCandidate(roomId(21), "Hall", 8, true, 1));
        ConfirmationInput in = new ConfirmationInput(
                BookingStatus.INCOMPLETE, SCRIPT, clients(10), characters(1), List.of(match(100, 1, 10)), roomId(20), busy);

        assertEquals(new ConfirmationDecision.Confirmed(roomId(21), 1), ConfirmationPolicy.decide(in));
    }

    @Test
    void confirm_rejects_a_booking_whose_client_has_no_character() {
        ConfirmationInput in = new ConfirmationInput(
                BookingStatus.INCOMPLETE, SCRIPT, clients(10, 11), characters(1),
                List.of(match(100, 1, 10)), null, ONE_FREE_ROOM);

        assertEquals(rejected(new ClientUnmatched(clientIds(11))), ConfirmationPolicy.decide(in));
    }

    @Test
    void confirm_rejects_a_booking_whose_character_dm_cannot_host_its_script() {
        var hostsOthers = Dm.of(dmId(30), STORE, "Ada", true, Set.of(scriptId(SCRIPT.value() + 1)));
        var hostsIt = Dm.of(dmId(31), STORE, "Bo", true, Set.of(SCRIPT));
        var hostsAll = new Dm(dmId(32), STORE, "Cy", true);
        ConfirmationInput in = new ConfirmationInput(
                BookingStatus.INCOMPLETE, SCRIPT, clients(10), characters(1), List.of(match(100, 1, 10)), null, ONE_FREE_ROOM,
                List.of(hostsIt, hostsOthers, hostsAll));

        assertEquals(rejected(new ConfirmViolation.DmNotQualified(dmIds(30))), ConfirmationPolicy.decide(in));
        assertEquals(new ConfirmationDecision.Confirmed(roomId(20), 0), ConfirmationPolicy.decide(new ConfirmationInput(
                BookingStatus.INCOMPLETE, SCRIPT, clients(10), characters(1), List.of(match(100, 1, 10)), null, ONE_FREE_ROOM,
                List.of(hostsIt, hostsAll))));
    }

    @Test
    void confirm_rejects_a_booking_that_is_already_scheduled() {
        ConfirmationInput in = new ConfirmationInput(
                BookingStatus.SCHEDULED, SCRIPT, clients(10), characters(1), List.of(match(100, 1, 10)), roomId(20), ONE_FREE_ROOM);

        assertEquals(rejected(new StatusNotIncomplete(BookingStatus.SCHEDULED)), ConfirmationPolicy.decide(in));
    }

    @Test
    void confirm_rejects_a_party_too_big_for_every_active_room() {
        List<RoomCandidate> rooms = List.of(
                new RoomCandidate(roomId(20), "Den", 1, true, 0), new RoomCandidate(roomId(21), "Hall", 8, false, 0));
        ConfirmationInput in = new ConfirmationInput(
                BookingStatus.INCOMPLETE, SCRIPT, clients(10, 11), characters(1, 2),
                List.of(match(100, 1, 10), match(101, 2, 11)), roomId(21), rooms);

        assertEquals(rejected(new NoRoomAvailable()), ConfirmationPolicy.decide(in));
    }

    @Test
    void confirm_reports_every_failing_precondition_together_without_a_script() {
        ConfirmationInput in = new ConfirmationInput(
                BookingStatus.CANCELLED, null, clients(), characters(), List.of(), null, List.of());

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
                BookingStatus.COMPLETED, SCRIPT, clients(10, 11, 12), characters(1, 2, 3),
                List.of(match(100, 1, 10), match(101, 1, 11), match(102, 9, 12)),
                null, List.of(new RoomCandidate(roomId(20), "Den", 2, true, 0)));

        ConfirmationDecision decision = ConfirmationPolicy.decide(in);

        assertEquals(
                rejected(
                        new StatusNotIncomplete(BookingStatus.COMPLETED),
                        new CharacterUnmatched(characterIds(2, 3)),
                        new ClientUnmatched(clientIds(12)),
                        new CharacterMatchedMoreThanOnce(characterIds(1)),
                        new MatchOutsideBooking(matchIds(102)),
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
                BookingStatus.INCOMPLETE, null, clients(10), characters(), List.of(), null, ONE_FREE_ROOM);

        assertEquals(rejected(new ScriptMissing()), ConfirmationPolicy.decide(in));
    }

    @Test
    void confirm_with_an_empty_party_reports_no_clients_and_the_characters_left_unplayed() {
        ConfirmationInput in = new ConfirmationInput(
                BookingStatus.INCOMPLETE, SCRIPT, clients(), characters(1, 2), List.of(), null, ONE_FREE_ROOM);

        assertEquals(rejected(new NoClients(), new CharacterUnmatched(characterIds(1, 2))), ConfirmationPolicy.decide(in));
    }

    private static ConfirmationDecision rejected(ConfirmViolation... violations) {
        return new ConfirmationDecision.Rejected(List.of(violations));
    }

    private static CharacterClientMatch match(long id, long characterId, long clientId) {
        return new CharacterClientMatch(matchId(id), characterId(characterId), clientId(clientId));
    }

    private static Set<ClientId> clients(long... ids) {
        return Set.copyOf(clientIds(ids));
    }

    private static Set<CharacterId> characters(long... ids) {
        return Set.copyOf(characterIds(ids));
    }
}
