package io.storescheduler.domain.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each way a character-client match can miss the party or the script, and the first miss winning. */
class ClientMatchPolicyTest {

    private static final Set<Long> CHARACTERS = Set.of(11L, 12L);
    private static final Instant AT = Instant.parse("2026-05-01T10:00:00Z");

    @Test
    void a_booking_without_a_script_refuses_any_match() {
        assertEquals(new ClientMatchDecision.ScriptMissing(), decide(booking(null, List.of()), 11, 21));
    }

    @Test
    void a_character_outside_the_script_is_refused_naming_the_script() {
        assertEquals(new ClientMatchDecision.CharacterNotPlayable(13, 7), decide(booking(7L, List.of()), 13, 21));
    }

    @Test
    void a_client_outside_the_party_is_refused() {
        assertEquals(new ClientMatchDecision.ClientNotInParty(29), decide(booking(7L, List.of()), 11, 29));
    }

    @Test
    void a_character_or_client_matched_already_is_refused_naming_the_other_side() {
        var booking = booking(7L, List.of(new CharacterClientMatch(1, 11, 21)));

        assertEquals(new ClientMatchDecision.CharacterAlreadyMatched(11, 21), decide(booking, 11, 22));
        assertEquals(new ClientMatchDecision.ClientAlreadyMatched(21, 11), decide(booking, 12, 21));
        assertEquals(new ClientMatchDecision.Admitted(), decide(booking, 12, 22));
    }

    @Test
    void a_match_may_replace_itself() {
        var booking = booking(7L, List.of(new CharacterClientMatch(1, 11, 21)));

        assertEquals(new ClientMatchDecision.Admitted(),
                ClientMatchPolicy.decide(booking, CHARACTERS, 12, 21, OptionalLong.of(1)));
    }

    /** Matches admitted one after another always keep each character and each client matched once. */
    @Test
    void admitted_matches_never_break_the_bijection_beyond_missing_pairs() {
        var rounds = AdmittedRounds.<CharacterClientMatch>of(11, (admitted, attempt, random) -> {
            long character = 10 + random.nextInt(4);
            long client = 20 + random.nextInt(4);
            return decide(booking(7L, admitted), character, client) instanceof ClientMatchDecision.Admitted
                    ? Optional.of(new CharacterClientMatch(attempt, character, client)) : Optional.empty();
        });
        for (var matches : rounds) {
            var violations = PartyBijection.check(CHARACTERS, Set.of(21L, 22L), matches);
            assertTrue(violations.stream().allMatch(v -> v instanceof ConfirmViolation.CharacterUnmatched
                    || v instanceof ConfirmViolation.ClientUnmatched), violations::toString);
        }
    }

    private static ClientMatchDecision decide(Booking booking, long characterId, long clientId) {
        return ClientMatchPolicy.decide(booking, CHARACTERS, characterId, clientId, OptionalLong.empty());
    }

    private static Booking booking(Long scriptId, List<CharacterClientMatch> matches) {
        return new Booking(5, 1, BookingStatus.INCOMPLETE, AT, null, scriptId, null, null, null,
                List.of(21L, 22L), matches, List.of(), 1, AT, AT);
    }
}
