package io.storescheduler.domain.booking;

import static io.storescheduler.domain.id.Ids.bookingId;
import static io.storescheduler.domain.id.Ids.characterId;
import static io.storescheduler.domain.id.Ids.clientId;
import static io.storescheduler.domain.id.Ids.clientIds;
import static io.storescheduler.domain.id.Ids.matchId;
import static io.storescheduler.domain.id.Ids.scriptId;
import static io.storescheduler.domain.id.Ids.storeId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storescheduler.domain.id.CharacterId;
import io.storescheduler.domain.id.ScriptId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each way a character-client match can miss the party or the script, and the first miss winning. */
class ClientMatchPolicyTest {

    private static final Set<CharacterId> CHARACTERS = Set.of(characterId(11), characterId(12));
    private static final ScriptId SCRIPT = scriptId(7);
    private static final Instant AT = Instant.parse("2026-05-01T10:00:00Z");

    @Test
    void a_booking_without_a_script_refuses_any_match() {
        assertEquals(new ClientMatchDecision.ScriptMissing(), decide(booking(null, List.of()), 11, 21));
    }

    @Test
    void a_character_outside_the_script_is_refused_naming_the_script() {
        assertEquals(new ClientMatchDecision.CharacterNotPlayable(characterId(13), SCRIPT),
                decide(booking(SCRIPT, List.of()), 13, 21));
    }

    @Test
    void a_client_outside_the_party_is_refused() {
        assertEquals(new ClientMatchDecision.ClientNotInParty(clientId(29)), decide(booking(SCRIPT, List.of()), 11, 29));
    }

    @Test
    void a_character_or_client_matched_already_is_refused_naming_the_other_side() {
        var booking = booking(SCRIPT, List.of(match(1, 11, 21)));

        assertEquals(new ClientMatchDecision.CharacterAlreadyMatched(characterId(11), clientId(21)), decide(booking, 11, 22));
        assertEquals(new ClientMatchDecision.ClientAlreadyMatched(clientId(21), characterId(11)), decide(booking, 12, 21));
        assertEquals(new ClientMatchDecision.Admitted(), decide(booking, 12, 22));
    }

    @Test
    void a_match_may_replace_itself() {
        var booking = booking(SCRIPT, List.of(match(1, 11, 21)));

        assertEquals(new ClientMatchDecision.Admitted(),
                ClientMatchPolicy.decide(booking, CHARACTERS, characterId(12), clientId(21), Optional.of(matchId(1))));
    }

    /** Matches admitted one after another always keep each character and each client matched once. */
    @Test
    void admitted_matches_never_break_the_bijection_beyond_missing_pairs() {
        var rounds = AdmittedRounds.<CharacterClientMatch>of(11, (admitted, attempt, random) -> {
            long character = 10 + random.nextInt(4);
            long client = 20 + random.nextInt(4);
            return decide(booking(SCRIPT, admitted), character, client) instanceof ClientMatchDecision.Admitted
                    ? Optional.of(match(attempt, character, client)) : Optional.empty();
        });
        for (var matches : rounds) {
            var violations = PartyBijection.check(CHARACTERS, Set.of(clientId(21), clientId(22)), matches);
            assertTrue(violations.stream().allMatch(v -> v instanceof ConfirmViolation.CharacterUnmatched
                    || v instanceof ConfirmViolation.ClientUnmatched), violations::toString);
        }
    }

    private static ClientMatchDecision decide(Booking booking, long characterId, long clientId) {
        return ClientMatchPolicy.decide(booking, CHARACTERS, characterId(characterId), clientId(clientId), Optional.empty());
    }

    private static CharacterClientMatch match(long id, long characterId, long clientId) {
        return new CharacterClientMatch(matchId(id), characterId(characterId), clientId(clientId));
    }

    private static Booking booking(ScriptId scriptId, List<CharacterClientMatch> matches) {
        return new Booking(bookingId(5), storeId(1), BookingStatus.INCOMPLETE, AT, null, scriptId, null, null, null,
                clientIds(21, 22), matches, List.of(), 1, AT, AT);
    }
}
