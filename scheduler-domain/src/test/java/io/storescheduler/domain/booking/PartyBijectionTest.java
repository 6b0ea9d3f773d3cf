package io.storescheduler.domain.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.storescheduler.domain.booking.ConfirmViolation.CharacterMatchedMoreThanOnce;
import io.storescheduler.domain.booking.ConfirmViolation.CharacterUnmatched;
import io.storescheduler.domain.booking.ConfirmViolation.ClientMatchedMoreThanOnce;
import io.storescheduler.domain.booking.ConfirmViolation.ClientUnmatched;
import io.storescheduler.domain.booking.ConfirmViolation.MatchOutsideBooking;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
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
                        Set.of(1L, 2L), Set.of(10L, 11L), List.of(match(100, 1, 11), match(101, 2, 10)),
                        List.of()),
                // An empty party is the confirmation's no_clients, not a bijection failure.
                arguments("holds trivially for no characters, no clients and no matches",
                        Set.of(), Set.of(), List.of(),
                        List.of()),
                arguments("reports the characters no client plays",
                        Set.of(3L, 1L, 2L), Set.of(10L), List.of(match(100, 2, 10)),
                        List.of(new CharacterUnmatched(List.of(1L, 3L)))),
                arguments("reports the clients who play no character",
                        Set.of(1L), Set.of(12L, 10L, 11L), List.of(match(100, 1, 11)),
                        List.of(new ClientUnmatched(List.of(10L, 12L)))),
                arguments("reports a character that two clients play",
                        Set.of(1L, 2L), Set.of(10L, 11L), List.of(match(100, 1, 10), match(101, 1, 11)),
                        List.of(new CharacterUnmatched(List.of(2L)), new CharacterMatchedMoreThanOnce(List.of(1L)))),
                arguments("reports a client who plays two characters",
                        Set.of(1L, 2L), Set.of(10L, 11L), List.of(match(100, 1, 10), match(101, 2, 10)),
                        List.of(new ClientUnmatched(List.of(11L)), new ClientMatchedMoreThanOnce(List.of(10L)))),
                arguments("reports the same pair matched twice on both sides",
                        Set.of(1L), Set.of(10L), List.of(match(100, 1, 10), match(101, 1, 10)),
                        List.of(new CharacterMatchedMoreThanOnce(List.of(1L)), new ClientMatchedMoreThanOnce(List.of(10L)))),
                arguments("reports matches outside the booking and does not count them as matching",
                        Set.of(1L), Set.of(10L), List.of(match(102, 1, 99), match(100, 1, 10), match(101, 7, 10)),
                        List.of(new MatchOutsideBooking(List.of(101L, 102L)))),
                arguments("reports every violation in a fixed order",
                        Set.of(1L, 2L, 3L, 4L),
                        Set.of(10L, 11L, 12L, 13L),
                        List.of(match(100, 1, 10), match(101, 1, 11), match(102, 2, 11), match(103, 9, 12)),
                        List.of(
                                new CharacterUnmatched(List.of(3L, 4L)),
                                new ClientUnmatched(List.of(12L, 13L)),
                                new CharacterMatchedMoreThanOnce(List.of(1L)),
                                new ClientMatchedMoreThanOnce(List.of(11L)),
                                new MatchOutsideBooking(List.of(103L)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void reports_exactly_the_violations_of_each_example(
            String description,
            Set<Long> characters,
            Set<Long> clients,
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
    private record Case(Set<Long> characters, Set<Long> clients, List<CharacterClientMatch> matches) {

        static Case random(Random random) {
            Set<Long> characters = pick(random, 1, random.nextInt(6));
            int clientCount = random.nextBoolean() ? characters.size() : random.nextInt(6);
            Set<Long> clients = pick(random, 100, clientCount);
            List<CharacterClientMatch> matches = random.nextInt(3) == 0
                    ? randomMatches(random)
                    : perturb(random, someBijection(random, characters, clients));
            return new Case(characters, clients, renumbered(matches));
        }

        private static Set<Long> pick(Random random, long base, int count) {
            Set<Long> ids = new TreeSet<>();
            while (ids.size() < count) {
                ids.add(base + random.nextInt(8));
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

        private static List<CharacterClientMatch> someBijection(Random random, Set<Long> characters, Set<Long> clients) {
            List<Long> shuffled = new ArrayList<>(clients);
            Collections.shuffle(shuffled, random);
            List<Long> characterList = List.copyOf(characters);
            List<CharacterClientMatch> matches = new ArrayList<>();
            for (int k = 0; k < Math.min(characterList.size(), shuffled.size()); k++) {
                matches.add(match(0, characterList.get(k), shuffled.get(k)));
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
                result.add(match(1000 + k, matches.get(k).characterId(), matches.get(k).clientId()));
            }
            return result;
        }
    }

    /** The oracle: is the match list, as a multiset of pairs, exactly one of all bijections? */
    private static boolean equalsSomeBijection(Case c) {
        List<Set<List<Long>>> bijections = allBijections(List.copyOf(c.characters), List.copyOf(c.clients));
        List<List<Long>> pairs = c.matches.stream().map(m -> List.of(m.characterId(), m.clientId())).toList();
        return bijections.stream().anyMatch(b -> pairs.size() == b.size() && new HashSet<>(pairs).equals(b));
    }

    private static List<Set<List<Long>>> allBijections(List<Long> characters, List<Long> clients) {
        List<Set<List<Long>>> result = new ArrayList<>();
        if (characters.size() == clients.size()) {
            for (List<Long> permutation : permutations(clients)) {
                Set<List<Long>> pairs = new HashSet<>();
                for (int k = 0; k < characters.size(); k++) {
                    pairs.add(List.of(characters.get(k), permutation.get(k)));
                }
                result.add(pairs);
            }
        }
        return result;
    }

    private static List<List<Long>> permutations(List<Long> items) {
        if (items.isEmpty()) {
            return List.of(List.of());
        }
        List<List<Long>> result = new ArrayList<>();
        for (Long first : items) {
            List<Long> rest = new ArrayList<>(items);
            rest.remove(first);
            for (List<Long> tail : permutations(rest)) {
                List<Long> permutation = new ArrayList<>();
                permutation.add(first);
                permutation.addAll(tail);
                result.add(permutation);
            }
        }
        return result;
    }

    /** The violations recomputed with plain loops and set differences. */
    private static List<ConfirmViolation> expectedViolations(Case c) {
        List<Long> insideCharacters = new ArrayList<>();
        List<Long> insideClients = new ArrayList<>();
        Set<Long> outside = new TreeSet<>();
        for (CharacterClientMatch m : c.matches) {
            if (c.characters.contains(m.characterId()) && c.clients.contains(m.clientId())) {
                insideCharacters.add(m.characterId());
                insideClients.add(m.clientId());
            } else {
                outside.add(m.id());
            }
        }
        Set<Long> unmatchedCharacters = new TreeSet<>(c.characters);
        unmatchedCharacters.removeAll(insideCharacters);
        Set<Long> unmatchedClients = new TreeSet<>(c.clients);
        unmatchedClients.removeAll(insideClients);

        List<ConfirmViolation> expected = new ArrayList<>();
        if (!unmatchedCharacters.isEmpty()) {
            expected.add(new CharacterUnmatched(List.copyOf(unmatchedCharacters)));
        }
        if (!unmatchedClients.isEmpty()) {
            expected.add(new ClientUnmatched(List.copyOf(unmatchedClients)));
        }
        Set<Long> twiceCharacters = repeated(insideCharacters);
        if (!twiceCharacters.isEmpty()) {
            expected.add(new CharacterMatchedMoreThanOnce(List.copyOf(twiceCharacters)));
        }
        Set<Long> twiceClients = repeated(insideClients);
        if (!twiceClients.isEmpty()) {
            expected.add(new ClientMatchedMoreThanOnce(List.copyOf(twiceClients)));
        }
        if (!outside.isEmpty()) {
            expected.add(new MatchOutsideBooking(List.copyOf(outside)));
        }
        return expected;
    }

    private static Set<Long> repeated(List<Long> ids) {
        Set<Long> seen = new HashSet<>();
        Set<Long> repeated = new TreeSet<>();
        for (Long id : ids) {
            if (!seen.add(id)) {
                repeated.add(id);
            }
        }
        return repeated;
    }

    private static CharacterClientMatch match(long id, long characterId, long clientId) {
        return new CharacterClientMatch(id, characterId, clientId);
    }
}
