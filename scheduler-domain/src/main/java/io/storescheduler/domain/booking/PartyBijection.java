package io.storescheduler.domain.booking;

import io.storescheduler.domain.id.CharacterId;
import io.storescheduler.domain.id.ClientId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongPredicate;
import java.util.stream.Collectors;

/**
 * The strict bijection a booking needs before it is confirmed: every non-DM character of the
 * script is played by exactly one party client, and every party client plays exactly one non-DM
 * character, through matches that lie inside the booking (character of the script, client of the
 * party) and no other matches. {@link #check} answers every way the matches miss that, as
 * {@link ConfirmViolation}s; an empty answer means the bijection holds.
 */
public final class PartyBijection {

    private PartyBijection() {
    }

    /**
     * Violations in a fixed order: characters without a client, clients without a character,
     * characters with several clients, clients with several characters, matches outside the
     * booking. An empty party is not reported here; that is the confirmation's {@code no_clients}.
     */
    public static List<ConfirmViolation> check(
            Set<CharacterId> nonDmCharacterIds, Set<ClientId> partyClientIds, Collection<CharacterClientMatch> matches) {
        Set<CharacterId> characters = Set.copyOf(nonDmCharacterIds);
        Set<ClientId> clients = Set.copyOf(partyClientIds);
        Map<Boolean, List<CharacterClientMatch>> byInside = List.copyOf(matches).stream()
                .collect(Collectors.partitioningBy(match -> isInside(match, characters, clients)));
        List<CharacterClientMatch> inside = byInside.get(true);
        Map<CharacterId, Long> perCharacter = countBy(inside, CharacterClientMatch::characterId);
        Map<ClientId, Long> perClient = countBy(inside, CharacterClientMatch::clientId);

        List<ConfirmViolation> violations = new ArrayList<>();
        addIfAny(violations, withCount(characters, perCharacter, n -> n == 0), ConfirmViolation.CharacterUnmatched::new);
        addIfAny(violations, withCount(clients, perClient, n -> n == 0), ConfirmViolation.ClientUnmatched::new);
        addIfAny(violations, withCount(characters, perCharacter, n -> n > 1),
                ConfirmViolation.CharacterMatchedMoreThanOnce::new);
        addIfAny(violations, withCount(clients, perClient, n -> n > 1), ConfirmViolation.ClientMatchedMoreThanOnce::new);
        addIfAny(violations, byInside.get(false).stream().map(CharacterClientMatch::id).toList(),
                ConfirmViolation.MatchOutsideBooking::new);
        return List.copyOf(violations);
    }

    private static boolean isInside(CharacterClientMatch match, Set<CharacterId> characters, Set<ClientId> clients) {
        return characters.contains(match.characterId()) && clients.contains(match.clientId());
    }

    private static <T> Map<T, Long> countBy(List<CharacterClientMatch> matches, Function<CharacterClientMatch, T> key) {
        return matches.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
    }

    private static <T> List<T> withCount(Set<T> ids, Map<T, Long> counts, LongPredicate wanted) {
        return ids.stream().filter(id -> wanted.test(counts.getOrDefault(id, 0L))).toList();
    }

    private static <T> void addIfAny(
            List<ConfirmViolation> violations, List<T> ids, Function<List<T>, ConfirmViolation> violation) {
        if (!ids.isEmpty()) {
            violations.add(violation.apply(ids));
        }
    }
}
