package io.storescheduler.domain.booking;

import static io.storescheduler.domain.id.Ids.bookingId;
import static io.storescheduler.domain.id.Ids.characterId;
import static io.storescheduler.domain.id.Ids.clientIds;
import static io.storescheduler.domain.id.Ids.dmId;
import static io.storescheduler.domain.id.Ids.matchId;
import static io.storescheduler.domain.id.Ids.scriptId;
import static io.storescheduler.domain.id.Ids.storeId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storescheduler.domain.id.CharacterId;
import io.storescheduler.domain.id.DmId;
import io.storescheduler.domain.id.ScriptId;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each way a character-DM match can miss the script or clash with another match, and the first miss winning. */
class DmMatchPolicyTest {

    private static final Set<CharacterId> DM_CHARACTERS = Set.of(characterId(31), characterId(32));
    private static final ScriptId SCRIPT = scriptId(7);
    private static final Instant AT = Instant.parse("2026-05-01T10:00:00Z");

    @Test
    void a_booking_without_a_script_refuses_a_dm_character_but_admits_a_free_dm() {
        var booking = booking(null, List.of());

        assertEquals(new DmMatchDecision.ScriptMissing(), decide(booking, characterId(31), 41));
        assertEquals(new DmMatchDecision.Admitted(), decide(booking, null, 41));
    }

    @Test
    void a_character_that_is_not_a_dm_character_is_refused_naming_the_script() {
        assertEquals(new DmMatchDecision.CharacterNotDm(characterId(11), SCRIPT),
                decide(booking(SCRIPT, List.of()), characterId(11), 41));
    }

    @Test
    void a_dm_who_cannot_host_the_script_may_not_play_its_dm_character_but_may_be_free() {
        var booking = booking(SCRIPT, List.of());

        assertEquals(new DmMatchDecision.DmNotQualified(dmId(41), SCRIPT),
                DmMatchPolicy.decide(booking, DM_CHARACTERS, false, characterId(31), dmId(41), Optional.empty()));
        assertEquals(new DmMatchDecision.Admitted(),
                DmMatchPolicy.decide(booking, DM_CHARACTERS, false, null, dmId(41), Optional.empty()));
    }

    @Test
    void the_character_check_comes_before_the_qualification_check() {
        assertEquals(new DmMatchDecision.CharacterNotDm(characterId(11), SCRIPT),
                DmMatchPolicy.decide(
                        booking(SCRIPT, List.of()), DM_CHARACTERS, false, characterId(11), dmId(41), Optional.empty()));
    }

    @Test
    void a_played_character_or_a_free_dm_twice_is_refused() {
        var booking = booking(SCRIPT, List.of(match(1, 31L, 41), match(2, null, 42)));

        assertEquals(new DmMatchDecision.CharacterAlreadyMatched(characterId(31), dmId(41)),
                decide(booking, characterId(31), 43));
        assertEquals(new DmMatchDecision.DmAlreadyMatched(dmId(42)), decide(booking, null, 42));
        assertEquals(new DmMatchDecision.Admitted(), decide(booking, null, 41));
        assertEquals(new DmMatchDecision.Admitted(), decide(booking, characterId(32), 42));
    }

    @Test
    void a_match_may_replace_itself() {
        var booking = booking(SCRIPT, List.of(match(1, 31L, 41), match(2, null, 42)));

        assertEquals(new DmMatchDecision.Admitted(),
                DmMatchPolicy.decide(booking, DM_CHARACTERS, true, characterId(31), dmId(43), Optional.of(matchId(1))));
        assertEquals(new DmMatchDecision.Admitted(),
                DmMatchPolicy.decide(booking, DM_CHARACTERS, true, null, dmId(42), Optional.of(matchId(2))));
    }

    /** Matches admitted one after another play each DM character once and list each free DM once. */
    @Test
    void admitted_matches_play_each_dm_character_once_and_each_free_dm_once() {
        var rounds = AdmittedRounds.<CharacterDmMatch>of(11, (admitted, attempt, random) -> {
            int pick = random.nextInt(4);
            CharacterId character = pick == 0 ? null : characterId(30 + pick);
            long dm = 40 + random.nextInt(3);
            return decide(booking(SCRIPT, admitted), character, dm) instanceof DmMatchDecision.Admitted
                    ? Optional.of(new CharacterDmMatch(matchId(attempt), character, dmId(dm))) : Optional.empty();
        });
        for (var matches : rounds) {
            Set<CharacterId> characters = new HashSet<>();
            Set<DmId> freeDms = new HashSet<>();
            for (CharacterDmMatch match : matches) {
                assertTrue(match.isFreeDm() ? freeDms.add(match.dmId()) : characters.add(match.characterId()),
                        matches::toString);
                assertTrue(match.isFreeDm() || DM_CHARACTERS.contains(match.characterId()), matches::toString);
            }
        }
    }

    private static DmMatchDecision decide(Booking booking, CharacterId characterId, long dmId) {
        return DmMatchPolicy.decide(booking, DM_CHARACTERS, true, characterId, dmId(dmId), Optional.empty());
    }

    /** A match of the DM {@code dmId} to the character {@code characterId}, or a free DM when that is null. */
    private static CharacterDmMatch match(long id, Long characterId, long dmId) {
        return new CharacterDmMatch(matchId(id), characterId == null ? null : characterId(characterId), dmId(dmId));
    }

    private static Booking booking(ScriptId scriptId, List<CharacterDmMatch> matches) {
        return new Booking(bookingId(5), storeId(1), BookingStatus.INCOMPLETE, AT, null, scriptId, null, null, null,
                clientIds(21, 22), List.of(), matches, 1, AT, AT);
    }
}
