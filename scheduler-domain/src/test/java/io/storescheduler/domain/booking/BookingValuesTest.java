package io.storescheduler.domain.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
                new ConfirmViolation.CharacterUnmatched(List.of(1L)),
                new ConfirmViolation.ClientUnmatched(List.of(1L)),
                new ConfirmViolation.CharacterMatchedMoreThanOnce(List.of(1L)),
                new ConfirmViolation.ClientMatchedMoreThanOnce(List.of(1L)),
                new ConfirmViolation.MatchOutsideBooking(List.of(1L)),
                new ConfirmViolation.NoRoomAvailable(),
                new ConfirmViolation.DmNotQualified(List.of(1L)));

        assertEquals(
                List.of("status_not_incomplete", "script_missing", "no_clients", "character_unmatched",
                        "client_unmatched", "character_matched_more_than_once", "client_matched_more_than_once",
                        "match_outside_booking", "no_room_available", "dm_not_qualified"),
                all.stream().map(ConfirmViolation::code).toList());
    }

    @Test
    void violation_ids_are_sorted_distinct_and_copied() {
        List<Long> ids = new ArrayList<>(List.of(3L, 1L, 3L, 2L));

        ConfirmViolation.CharacterUnmatched violation = new ConfirmViolation.CharacterUnmatched(ids);
        ids.add(0L);

        assertEquals(List.of(1L, 2L, 3L), violation.characterIds());
        assertThrows(UnsupportedOperationException.class, () -> violation.characterIds().add(9L));
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
        assertTrue(new CharacterDmMatch(1, null, 30).isFreeDm());
        assertFalse(new CharacterDmMatch(1, 4L, 30).isFreeDm());
    }

    @Test
    void conflict_reports_keep_their_ids_sorted_and_distinct() {
        ConflictReport report = ConflictReport.of(List.of(9L, 2L, 9L));

        assertEquals(List.of(2L, 9L), report.bookingIds());
        assertEquals(2, report.count());
        assertTrue(report.hasConflict());
        assertFalse(report.truncated());
        assertFalse(ConflictReport.none().hasConflict());
        assertEquals(0, ConflictReport.none().count());
        assertFalse(ConflictReport.none().truncated());
    }

    @Test
    void a_conflict_report_lists_the_smallest_hundred_ids_and_counts_them_all() {
        List<Long> ids = new ArrayList<>(LongStream.rangeClosed(1, 250).boxed().toList());
        Collections.shuffle(ids, new Random(7));

        ConflictReport report = ConflictReport.of(ids);

        assertEquals(250, report.count());
        assertEquals(LongStream.rangeClosed(1, ConflictReport.LISTED_IDS).boxed().toList(), report.bookingIds());
        assertTrue(report.truncated());
        assertTrue(report.hasConflict());
        assertFalse(ConflictReport.of(ids.stream().filter(id -> id <= 100).toList()).truncated(), "exactly a hundred are all listed");
    }

    @Test
    void a_conflict_report_whose_ids_do_not_fit_its_count_is_a_programming_error() {
        List<Long> hundred = LongStream.rangeClosed(1, 100).boxed().toList();
        List<Long> hundredAndOne = LongStream.rangeClosed(1, 101).boxed().toList();

        assertEquals(999, new ConflictReport(hundred, 999).count());
        assertThrows(IllegalArgumentException.class, () -> new ConflictReport(List.of(1L, 2L), 3), "fewer ids than conflicts");
        assertThrows(IllegalArgumentException.class, () -> new ConflictReport(List.of(1L, 2L), 1), "more ids than conflicts");
        assertThrows(IllegalArgumentException.class, () -> new ConflictReport(hundredAndOne, 101), "more ids than are listed");
        assertThrows(IllegalArgumentException.class, () -> new ConflictReport(List.of(), -1));
    }

    @Test
    void a_confirmation_input_does_not_change_when_the_callers_collections_do() {
        Set<Long> party = new HashSet<>(Set.of(10L));
        List<RoomCandidate> rooms = new ArrayList<>();
        ConfirmationInput in = new ConfirmationInput(
                BookingStatus.INCOMPLETE, null, party, Set.of(), List.of(), null, rooms);

        party.add(11L);
        rooms.add(new RoomCandidate(1, "Den", 4, true, 0));

        assertEquals(Set.of(10L), in.partyClientIds());
        assertEquals(List.of(), in.rooms());
    }

    @Test
    void a_schedule_entry_does_not_change_when_the_callers_dm_set_does() {
        Set<Long> dms = new HashSet<>(Set.of(30L));
        ScheduleEntry entry = new ScheduleEntry(1, BookingStatus.SCHEDULED, null, null, null, dms);

        dms.add(31L);

        assertEquals(Set.of(30L), entry.dmIds());
        assertFalse(entry.hasTime());
    }

    @Test
    void null_where_a_value_is_required_is_a_programming_error() {
        assertThrows(NullPointerException.class, () -> new ScheduleEntry(1, null, null, null, null, Set.of()));
        assertThrows(NullPointerException.class, () -> new RoomCandidate(1, null, 4, true, 0));
        assertThrows(NullPointerException.class,
                () -> new ConfirmationInput(null, null, Set.of(), Set.of(), List.of(), null, List.of()));
        assertThrows(NullPointerException.class, () -> new Transition.Refused(BookingStatus.SCHEDULED, null));
    }

    @Test
    void a_negative_room_conflict_count_is_a_programming_error() {
        assertThrows(IllegalArgumentException.class, () -> new RoomCandidate(1, "Den", 4, true, -1));
    }
}
