package io.storescheduler.domain.booking;

import static io.storescheduler.domain.id.Ids.characterId;
import static io.storescheduler.domain.id.Ids.characterIds;
import static io.storescheduler.domain.id.Ids.clientId;
import static io.storescheduler.domain.id.Ids.clientIds;
import static io.storescheduler.domain.id.Ids.matchId;
import static io.storescheduler.domain.id.Ids.matchIds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.storescheduler.domain.booking.ConfirmViolation.CharacterMatchedMoreThanOnce;
import io.storescheduler.domain.booking.ConfirmViolation.CharacterUnmatched;
import io.storescheduler.domain.booking.ConfirmViolation.ClientMatchedMoreThanOnce;
import io.storescheduler.domain.booking.ConfirmViolation.ClientUnmatched;
import io.storescheduler.domain.booking.ConfirmViolation.MatchOutsideBooking;
import io.storescheduler.domain.id.CharacterId;
import io.storescheduler.domain.id.ClientId;
import io.storescheduler.domain.id.EntityId;
import io.storescheduler.domain.id.MatchId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PartyBijectionTest {

    private static final int CASES_PER_SEED = 1_000;

    /** Each case: the booking's characters, its clients, the matches, and the violations in their fixed order. */
    static Stream<Arguments> examples() {
        return Stream.of(
                arguments("holds when every character has exactly one client and every client one character",
                        characters(1, 2), clients(10, 11), List.of(match(100, 1, 11), match(101, 2, 10)),
                        List.of()),
                // An empty party is the confirmation's no_clients, not a bijection failure.
                arguments("holds trivially for no characters, no clients and no matches",
                        characters(), clients(), List.of(),
                        List.of()),
                arguments("reports the characters no client plays",
                        characters(3, 1, 2), clients(10), List.of(match(100, 2, 10)),
                        List.of(new CharacterUnmatched(characterIds(1, 3)))),
                arguments("reports the clients who play no character",
                        characters(1), clients(12, 10, 11), List.of(match(100, 1, 11)),
                        List.of(new ClientUnmatched(clientIds(10, 12)))),
                arguments("reports a character that two clients play",
                        characters(1, 2), clients(10, 11), List.of(match(100, 1, 10), match(101, 1, 11)),
                        List.of(new CharacterUnmatched(characterIds(2)), new CharacterMatchedMoreThanOnce(characterIds(1)))),
                arguments("reports a client who plays two characters",
                        characters(1, 2), clients(10, 11), List.of(match(100, 1, 10), match(101, 2, 10)),
                        List.of(new ClientUnmatched(clientIds(11)), new ClientMatchedMoreThanOnce(clientIds(10)))),
                arguments("reports the same pair matched twice on both sides",
                        characters(1), clients(10), List.of(match(100, 1, 10), match(101, 1, 10)),
                        List.of(new CharacterMatchedMoreThanOnce(characterIds(1)), new ClientMatchedMoreThanOnce(clientIds(10)))),
                arguments("reports matches outside the booking and does not count them as matching",
                        characters(1), clients(10), List.of(match(102, 1, 99), match(100, 1, 10), match(101, 7, 10)),
                        List.of(new MatchOutsideBooking(matchIds(101, 102)))),
                arguments("reports every violation in a fixed order",
                        characters(1, 2, 3, 4),
                        clients(10, 11, 12, 13),
                        List.of(match(100, 1, 10), match(101, 1, 11), match(102, 2, 11), match(103, 9, 12)),
                        List.of(
                                new CharacterUnmatched(characterIds(3, 4)),
                                new ClientUnmatched(clientIds(12, 13)),
                                new CharacterMatchedMoreThanOnce(characterIds(1)),
                                new ClientMatchedMoreThanOnce(clientIds(11)),
                                new MatchOutsideBooking(matchIds(103)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void reports_exactly_the_violations_of_each_example(
            String description,
            Set<CharacterId> characters,
            Set<ClientId> clients,
            List<CharacterClientMatch> matches,
            List<ConfirmViolation> expected) {
        assertEquals(expected, PartyBijection.check(characters, clients, matches));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1L, 42L, 20_261_205L, 7_777_777L, -3L})
    void agrees_with_a_brute_force_search_over_all_bijections(long seed) {
        Random random = new Random(seed);
        int holds = 0;
        for (int i = 0; i < CASES_PER_SEED; i++) {
            Case c = Case.random(random);
            String where = "seed " + seed + ", case " + i + ": " + c;

            List<ConfirmViolation> actual = PartyBijection.check(c.characters, c.clients, c.matches);

            boolean oracle = equalsSomeBijection(c);
            assertEquals(oracle, actual.isEmpty(), () -> where + " -> " + actual);
            assertEquals(expectedViolations(c), actual, () -> where);
            holds += oracle ? 1 : 0;
        }
        // Without this the oracle could agree by always saying "no".
        int holding = holds;
        assertTrue(holding > CASES_PER_SEED / 10 && holding < CASES_PER_SEED * 9 / 10,
                () -> "seed " + seed + " generated too one-sided cases: " + holding + " holding");
    }

    /** Sets of 0..5 characters and clients drawn from wider pools, so matches can fall outside. */
    private record Case(Set<CharacterId> characters, Set<ClientId> clients, List<CharacterClientMatch> matches) {

        static Case random(Random random) {
            Set<CharacterId> characters = pick(random, 1, random.nextInt(6), CharacterId::new);
            int clientCount = random.nextBoolean() ? characters.size() : random.nextInt(6);
            Set<ClientId> clients = pick(random, 100, clientCount, ClientId::new);
            List<CharacterClientMatch> matches = random.nextInt(3) == 0
                    ? randomMatches(random)
                    : perturb(random, someBijection(random, characters, clients));
            return new Case(characters, clients, renumbered(matches));
        }

        private static <T> Set<T> pick(Random random, long base, int count, LongFunction<T> id) {
            Set<T> ids = new TreeSet<>();
            while (ids.size() < count) {
                ids.add(id.apply(base + random.nextInt(8)));
            }
            return ids;
        }

        private static List<CharacterClientMatch> randomMatches(Random random) {
            List<CharacterClientMatch> matches = new ArrayList<>();
            for (int n = random.nextInt(8); n > 0; n--) {
                matches.add(match(0, 1 + random.nextInt(8), 100 + random.nextInt(8)));
            }
            return matches;
        }

        private static List<CharacterClientMatch> someBijection(
                Random random, Set<CharacterId> characters, Set<ClientId> clients) {
            List<ClientId> shuffled = new ArrayList<>(clients);
            Collections.shuffle(shuffled, random);
            List<CharacterId> characterList = List.copyOf(characters);
            List<CharacterClientMatch> matches = new ArrayList<>();
            for (int k = 0; k < Math.min(characterList.size(), shuffled.size()); k++) {
                matches.add(new CharacterClientMatch(matchId(0), characterList.get(k), shuffled.get(k)));
            }
            return matches;
        }

        // Half the time leave the matches alone; otherwise duplicate, drop or add an outsider.
        private static List<CharacterClientMatch> perturb(Random random, List<CharacterClientMatch> matches) {
            List<CharacterClientMatch> result = new ArrayList<>(matches);
            if (random.nextBoolean()) {
                return result;
            }
            switch (random.nextInt(3)) {
                case 0 -> {
                    if (!result.isEmpty()) {
                        result.add(result.get(random.nextInt(result.size())));
                    }
                }
                case 1 -> {
                    if (!result.isEmpty()) {
                        result.remove(random.nextInt(result.size()));
                    }
                }
                default -> result.add(match(0, 1 + random.nextInt(8), 100 + random.nextInt(8)));
            }
            return result;
        }

        private static List<CharacterClientMatch> renumbered(List<CharacterClientMatch> matches) {
            List<CharacterClientMatch> result = new ArrayList<>();
            for (int k = 0; k < matches.size(); k++) {
                result.add(new CharacterClientMatch(matchId(1000 + k), matches.get(k).characterId(), matches.get(k).clientId()));
            }
            return result;
        }
    }

    /** The oracle: is the match list, as a multiset of pairs, exactly one of all bijections? */
    private static boolean equalsSomeBijection(Case c) {
        List<Set<List<EntityId>>> bijections = allBijections(List.copyOf(c.characters), List.copyOf(c.clients));
        List<List<EntityId>> pairs = c.matches.stream().map(m -> List.<EntityId>of(m.characterId(), m.clientId())).toList();
        return bijections.stream().anyMatch(b -> pairs.size() == b.size() && new HashSet<>(pairs).equals(b));
    }

    private static List<Set<List<EntityId>>> allBijections(List<CharacterId> characters, List<ClientId> clients) {
        List<Set<List<EntityId>>> result = new ArrayList<>();
        if (characters.size() == clients.size()) {
            for (List<ClientId> permutation : permutations(clients)) {
                Set<List<EntityId>> pairs = new HashSet<>();
                for (int k = 0; k < characters.size(); k++) {
                    pairs.add(List.of(characters.get(k), permutation.get(k)));
                }
                result.add(pairs);
            }
        }
        return result;
    }

    private static <T> List<List<T>> permutations(List<T> items) {
        if (items.isEmpty()) {
            return List.of(List.of());
        }
        List<List<T>> result = new ArrayList<>();
        for (T first : items) {
            List<T> rest = new ArrayList<>(items);
            rest.remove(first);
            for (List<T> tail : permutations(rest)) {
                List<T> permutation = new ArrayList<>();
                permutation.add(first);
                permutation.addAll(tail);
                result.add(permutation);
            }
        }
        return result;
    }

    /** The violations recomputed with plain loops and set differences. */
    private static List<ConfirmViolation> expectedViolations(Case c) {
        List<CharacterId> insideCharacters = new ArrayList<>();
        List<ClientId> insideClients = new ArrayList<>();
        Set<MatchId> outside = new TreeSet<>();
        for (CharacterClientMatch m : c.matches) {
            if (c.characters.contains(m.characterId()) && c.clients.contains(m.clientId())) {
                insideCharacters.add(m.characterId());
                insideClients.add(m.clientId());
            } else {
                outside.add(m.id());
            }
        }
        Set<CharacterId> unmatchedCharacters = new TreeSet<>(c.characters);
        unmatchedCharacters.removeAll(insideCharacters);
        Set<ClientId> unmatchedClients = new TreeSet<>(c.clients);
        unmatchedClients.removeAll(insideClients);

        List<ConfirmViolation> expected = new ArrayList<>();
        if (!unmatchedCharacters.isEmpty()) {
            expected.add(new CharacterUnmatched(List.copyOf(unmatchedCharacters)));
        }
        if (!unmatchedClients.isEmpty()) {
            expected.add(new ClientUnmatched(List.copyOf(unmatchedClients)));
        }
        Set<CharacterId> twiceCharacters = repeated(insideCharacters);
        if (!twiceCharacters.isEmpty()) {
            expected.add(new CharacterMatchedMoreThanOnce(List.copyOf(twiceCharacters)));
        }
        Set<ClientId> twiceClients = repeated(insideClients);
        if (!twiceClients.isEmpty()) {
            expected.add(new ClientMatchedMoreThanOnce(List.copyOf(twiceClients)));
        }
        if (!outside.isEmpty()) {
            expected.add(new MatchOutsideBooking(List.copyOf(outside)));
        }
        return expected;
    }

    private static <T> Set<T> repeated(List<T> ids) {
        Set<T> seen = new HashSet<>();
        Set<T> repeated = new TreeSet<>();
        for (T id : ids) {
            if (!seen.add(id)) {
                repeated.add(id);
            }
        }
        return repeated;
    }

    private static CharacterClientMatch match(long id, long characterId, long clientId) {
        return new CharacterClientMatch(matchId(id), characterId(characterId), clientId(clientId));
    }

    private static Set<CharacterId> characters(long... ids) {
        return Set.copyOf(characterIds(ids));
    }

    private static Set<ClientId> clients(long... ids) {
        return Set.copyOf(clientIds(ids));
    }
}
