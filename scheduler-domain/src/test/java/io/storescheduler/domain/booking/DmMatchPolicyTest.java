package io.storescheduler.domain.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each way a character-DM match can miss the script or clash with another match, and the first miss winning. */
class DmMatchPolicyTest {

    private static final Set<Long> DM_CHARACTERS = Set.of(31L, 32L);
    private static final Instant AT = Instant.parse("2026-05-01T10:00:00Z");

    @Test
    void a_booking_without_a_script_refuses_a_dm_character_but_admits_a_free_dm() {
        var booking = booking(null, List.of());

        assertEquals(new DmMatchDecision.ScriptMissing(), decide(booking, 31L, 41));
        assertEquals(new DmMatchDecision.Admitted(), decide(booking, null, 41));
    }

    @Test
    void a_character_that_is_not_a_dm_character_is_refused_naming_the_script() {
        assertEquals(new DmMatchDecision.CharacterNotDm(11, 7), decide(booking(7L, List.of()), 11L, 41));
    }

    @Test
    void a_dm_who_cannot_host_the_script_may_not_play_its_dm_character_but_may_be_free() {
        var booking = booking(7L, List.of());

        assertEquals(new DmMatchDecision.DmNotQualified(41, 7),
                DmMatchPolicy.decide(booking, DM_CHARACTERS, false, 31L, 41, OptionalLong.empty()));
        assertEquals(new DmMatchDecision.Admitted(),
                DmMatchPolicy.decide(booking, DM_CHARACTERS, false, null, 41, OptionalLong.empty()));
    }

    @Test
    void the_character_check_comes_before_the_qualification_check() {
        assertEquals(new DmMatchDecision.CharacterNotDm(11, 7),
                DmMatchPolicy.decide(booking(7L, List.of()), DM_CHARACTERS, false, 11L, 41, OptionalLong.empty()));
    }

    @Test
    void a_played_character_or_a_free_dm_twice_is_refused() {
        var booking = booking(7L, List.of(new CharacterDmMatch(1, 31L, 41), new CharacterDmMatch(2, null, 42)));

        assertEquals(new DmMatchDecision.CharacterAlreadyMatched(31, 41), decide(booking, 31L, 43));
        assertEquals(new DmMatchDecision.DmAlreadyMatched(42), decide(booking, null, 42));
        assertEquals(new DmMatchDecision.Admitted(), decide(booking, null, 41));
        assertEquals(new DmMatchDecision.Admitted(), decide(booking, 32L, 42));
    }

    @Test
    void a_match_may_replace_itself() {
        var booking = booking(7L, List.of(new CharacterDmMatch(1, 31L, 41), new CharacterDmMatch(2, null, 42)));

        assertEquals(new DmMatchDecision.Admitted(),
                DmMatchPolicy.decide(booking, DM_CHARACTERS, true, 31L, 43, OptionalLong.of(1)));
        assertEquals(new DmMatchDecision.Admitted(),
                DmMatchPolicy.decide(booking, DM_CHARACTERS, true, null, 42, OptionalLong.of(2)));
    }

    /** Matches admitted one after another play each DM character once and list each free DM once. */
    @Test
    void admitted_matches_play_each_dm_character_once_and_each_free_dm_once() {
        var rounds = AdmittedRounds.<CharacterDmMatch>of(11, (admitted, attempt, random) -> {
            int pick = random.nextInt(4);
            Long character = pick == 0 ? null : 30L + pick;
            long dm = 40 + random.nextInt(3);
            return decide(booking(7L, admitted), character, dm) instanceof DmMatchDecision.Admitted
                    ? Optional.of(new CharacterDmMatch(attempt, character, dm)) : Optional.empty();
        });
        for (var matches : rounds) {
            Set<Long> characters = new HashSet<>();
            Set<Long> freeDms = new HashSet<>();
            for (CharacterDmMatch match : matches) {
                assertTrue(match.isFreeDm() ? freeDms.add(match.dmId()) : characters.add(match.characterId()),
                        matches::toString);
                assertTrue(match.isFreeDm() || DM_CHARACTERS.contains(match.characterId()), matches::toString);
            }
        }
    }

    private static DmMatchDecision decide(Booking booking, Long characterId, long dmId) {
        return DmMatchPolicy.decide(booking, DM_CHARACTERS, true, characterId, dmId, OptionalLong.empty());
    }

    private static Booking booking(Long scriptId, List<CharacterDmMatch> matches) {
        return new Booking(5, 1, BookingStatus.INCOMPLETE, AT, null, scriptId, null, null, null,
                List.of(21L, 22L), List.of(), matches, 1, AT, AT);
    }
}
