package io.storescheduler.domain.booking;

import static io.storescheduler.domain.id.Ids.bookingId;
import static io.storescheduler.domain.id.Ids.characterId;
import static io.storescheduler.domain.id.Ids.clientId;
import static io.storescheduler.domain.id.Ids.clientIds;
import static io.storescheduler.domain.id.Ids.dmId;
import static io.storescheduler.domain.id.Ids.matchId;
import static io.storescheduler.domain.id.Ids.roomId;
import static io.storescheduler.domain.id.Ids.scriptId;
import static io.storescheduler.domain.id.Ids.slotId;
import static io.storescheduler.domain.id.Ids.storeId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The changes a booking makes to itself: a new script, a move, a room. */
class BookingTest {

    private static final Instant START = Instant.parse("2026-05-01T10:00:00Z");
    private static final CharacterClientMatch LI_PLAYS_THE_BUTLER =
            new CharacterClientMatch(matchId(1), characterId(11), clientId(21));
    private static final CharacterDmMatch DM_OF_THE_BUTLER = new CharacterDmMatch(matchId(2), characterId(11), dmId(31));
    private static final CharacterDmMatch FREE_DM = new CharacterDmMatch(matchId(3), null, dmId(32));

    @Test
    void a_new_script_drops_the_character_matches_and_keeps_the_free_dms() {
        var changed = booking(BookingStatus.INCOMPLETE).withScript(scriptId(8), 90);

        assertEquals(List.of(), changed.clientMatches());
        assertEquals(List.of(FREE_DM), changed.dmMatches());
        assertEquals(START.plus(Duration.ofMinutes(90)), changed.endAt());
        assertTrue(changed.droppedCharacterMatchesOf(booking(BookingStatus.INCOMPLETE)));
    }

    @Test
    void no_script_drops_the_character_matches_and_the_end() {
        var changed = booking(BookingStatus.INCOMPLETE).withScript(null, null);

        assertEquals(List.of(), changed.clientMatches());
        assertEquals(List.of(FREE_DM), changed.dmMatches());
        assertNull(changed.endAt());
    }

    @Test
    void the_same_script_keeps_the_character_matches() {
        var before = booking(BookingStatus.INCOMPLETE);
        var changed = before.withScript(scriptId(7), 120);

        assertEquals(before.clientMatches(), changed.clientMatches());
        assertEquals(before.dmMatches(), changed.dmMatches());
        assertFalse(changed.droppedCharacterMatchesOf(before));
    }

    @Test
    void a_move_keeps_the_length_so_the_end_moves_with_the_start() {
        var later = START.plus(Duration.ofHours(3));
        var moved = booking(BookingStatus.SCHEDULED).movedTo(later, slotId(99));

        assertEquals(later, moved.startAt());
        assertEquals(later.plus(Duration.ofMinutes(120)), moved.endAt());
        assertEquals(slotId(99), moved.slotId());
    }

    @Test
    void a_move_without_a_script_has_no_end() {
        var noScript = booking(BookingStatus.INCOMPLETE).withScript(null, null);

        assertNull(noScript.movedTo(START.plus(Duration.ofHours(1)), null).endAt());
    }

    @Test
    void a_scheduled_booking_keeps_a_room_and_an_incomplete_one_need_not() {
        assertTrue(booking(BookingStatus.SCHEDULED).keepsARoom());
        assertFalse(booking(BookingStatus.INCOMPLETE).keepsARoom());
    }

    private static Booking booking(BookingStatus status) {
        return new Booking(bookingId(5), storeId(1), status, START, START.plus(Duration.ofMinutes(120)),
                scriptId(7), roomId(4), slotId(6), null, clientIds(21), List.of(LI_PLAYS_THE_BUTLER),
                List.of(DM_OF_THE_BUTLER, FREE_DM), 3, START, START);
    }
}
