package io.storescheduler.domain.booking;

import static io.storescheduler.domain.id.Ids.bookingId;
import static io.storescheduler.domain.id.Ids.bookingIds;
import static io.storescheduler.domain.id.Ids.characterId;
import static io.storescheduler.domain.id.Ids.characterIds;
import static io.storescheduler.domain.id.Ids.clientId;
import static io.storescheduler.domain.id.Ids.clientIds;
import static io.storescheduler.domain.id.Ids.dmId;
import static io.storescheduler.domain.id.Ids.dmIds;
import static io.storescheduler.domain.id.Ids.matchId;
import static io.storescheduler.domain.id.Ids.matchIds;
import static io.storescheduler.domain.id.Ids.roomId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storescheduler.domain.id.BookingId;
import io.storescheduler.domain.id.CharacterId;
import io.storescheduler.domain.id.ClientId;
import io.storescheduler.domain.id.DmId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The invariants the value types keep whoever builds them. */
class BookingValuesTest {

    @Test
    void every_violation_has_its_documented_code() {
        List<ConfirmViolation> all = List.of(
                new ConfirmViolation.StatusNotIncomplete(BookingStatus.SCHEDULED),
                new ConfirmViolation.ScriptMissing(),
                new ConfirmViolation.NoClients(),
                new ConfirmViolation.CharacterUnmatched(characterIds(1)),
                new ConfirmViolation.ClientUnmatched(clientIds(1)),
                new ConfirmViolation.CharacterMatchedMoreThanOnce(characterIds(1)),
                new ConfirmViolation.ClientMatchedMoreThanOnce(clientIds(1)),
                new ConfirmViolation.MatchOutsideBooking(matchIds(1)),
                new ConfirmViolation.NoRoomAvailable(),
                new ConfirmViolation.DmNotQualified(dmIds(1)));

        assertEquals(
                List.of("status_not_incomplete", "script_missing", "no_clients", "character_unmatched",
                        "client_unmatched", "character_matched_more_than_once", "client_matched_more_than_once",
                        "match_outside_booking", "no_room_available", "dm_not_qualified"),
                all.stream().map(ConfirmViolation::code).toList());
    }

    @Test
    void violation_ids_are_sorted_distinct_and_copied() {
        List<CharacterId> ids = new ArrayList<>(characterIds(3, 1, 3, 2));

        ConfirmViolation.CharacterUnmatched violation = new ConfirmViolation.CharacterUnmatched(ids);
        ids.add(characterId(0));

        assertEquals(characterIds(1, 2, 3), violation.characterIds());
        assertThrows(UnsupportedOperationException.class, () -> violation.characterIds().add(characterId(9)));
    }

    @Test
    void a_violation_naming_no_ids_is_a_programming_error() {
        assertThrows(IllegalArgumentException.class, () -> new ConfirmViolation.ClientUnmatched(List.of()));
        assertThrows(NullPointerException.class, () -> new ConfirmViolation.MatchOutsideBooking(null));
    }

    @Test
    void a_rejection_without_a_violation_is_a_programming_error() {
        assertThrows(IllegalArgumentException.class, () -> new ConfirmationDecision.Rejected(List.of()));
    }

    @Test
    void a_dm_match_without_a_character_is_a_free_dm() {
        assertTrue(new CharacterDmMatch(matchId(1), null, dmId(30)).isFreeDm());
        assertFalse(new CharacterDmMatch(matchId(1), characterId(4), dmId(30)).isFreeDm());
    }

    @Test
    void conflict_reports_keep_their_ids_sorted_and_distinct() {
        ConflictReport report = ConflictReport.of(bookingIds(9, 2, 9));

        assertEquals(bookingIds(2, 9), report.bookingIds());
        assertEquals(2, report.count());
        assertTrue(report.hasConflict());
        assertFalse(report.truncated());
        assertFalse(ConflictReport.none().hasConflict());
        assertEquals(0, ConflictReport.none().count());
        assertFalse(ConflictReport.none().truncated());
    }

    @Test
    void a_conflict_report_lists_the_smallest_hundred_ids_and_counts_them_all() {
        List<BookingId> ids = new ArrayList<>(bookingsOneTo(250));
        Collections.shuffle(ids, new Random(7));

        ConflictReport report = ConflictReport.of(ids);

        assertEquals(250, report.count());
        assertEquals(bookingsOneTo(ConflictReport.LISTED_IDS), report.bookingIds());
        assertTrue(report.truncated());
        assertTrue(report.hasConflict());
        assertFalse(ConflictReport.of(ids.stream().filter(id -> id.value() <= 100).toList()).truncated(),
                "exactly a hundred are all listed");
    }

    @Test
    void a_conflict_report_whose_ids_do_not_fit_its_count_is_a_programming_error() {
        List<BookingId> hundred = bookingsOneTo(100);
        List<BookingId> hundredAndOne = bookingsOneTo(101);

        assertEquals(999, new ConflictReport(hundred, 999).count());
        assertThrows(IllegalArgumentException.class, () -> new ConflictReport(bookingIds(1, 2), 3), "fewer ids than conflicts");
        assertThrows(IllegalArgumentException.class, () -> new ConflictReport(bookingIds(1, 2), 1), "more ids than conflicts");
        assertThrows(IllegalArgumentException.class, () -> new ConflictReport(hundredAndOne, 101), "more ids than are listed");
        assertThrows(IllegalArgumentException.class, () -> new ConflictReport(List.of(), -1));
    }

    @Test
    void a_confirmation_input_does_not_change_when_the_callers_collections_do() {
        Set<ClientId> party = new HashSet<>(Set.of(clientId(10)));
        List<RoomCandidate> rooms = new ArrayList<>();
        ConfirmationInput in = new ConfirmationInput(
                BookingStatus.INCOMPLETE, null, party, Set.of(), List.of(), null, rooms);

        party.add(clientId(11));
        rooms.add(new RoomCandidate(roomId(1), "Den", 4, true, 0));

        assertEquals(Set.of(clientId(10)), in.partyClientIds());
        assertEquals(List.of(), in.rooms());
    }

    @Test
    void a_schedule_entry_does_not_change_when_the_callers_dm_set_does() {
        Set<DmId> dms = new HashSet<>(Set.of(dmId(30)));
        ScheduleEntry entry = new ScheduleEntry(bookingId(1), BookingStatus.SCHEDULED, null, null, null, dms);

        dms.add(dmId(31));

        assertEquals(Set.of(dmId(30)), entry.dmIds());
        assertFalse(entry.hasTime());
    }

    @Test
    void null_where_a_value_is_required_is_a_programming_error() {
        assertThrows(NullPointerException.class, () -> new ScheduleEntry(bookingId(1), null, null, null, null, Set.of()));
        assertThrows(NullPointerException.class, () -> new RoomCandidate(roomId(1), null, 4, true, 0));
        assertThrows(NullPointerException.class,
                () -> new ConfirmationInput(null, null, Set.of(), Set.of(), List.of(), null, List.of()));
        assertThrows(NullPointerException.class, () -> new Transition.Refused(BookingStatus.SCHEDULED, null));
    }

    @Test
    void a_negative_room_conflict_count_is_a_programming_error() {
        assertThrows(IllegalArgumentException.class, () -> new RoomCandidate(roomId(1), "Den", 4, true, -1));
    }

    private static List<BookingId> bookingsOneTo(long last) {
        return LongStream.rangeClosed(1, last).mapToObj(BookingId::new).toList();
    }
}
