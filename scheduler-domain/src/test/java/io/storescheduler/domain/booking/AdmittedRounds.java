package io.storescheduler.domain.booking;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Seeded rounds of random match attempts on one booking: each round starts with no match and
 * keeps every attempt the policy admits, so a round ends with a list of matches the policy let
 * the booking reach one by one.
 */
final class AdmittedRounds {

    private static final int ROUNDS = 500;
    private static final int ATTEMPTS = 6;

    /** One attempt: a match drawn from {@code random}, if the policy admits it beside {@code admitted}. */
    interface Attempt<M> {
        Optional<M> admitted(List<M> admitted, int attempt, Random random);
    }

    private AdmittedRounds() {}

    /** Every round's admitted matches, from the seed {@code seed}. */
    static <M> List<List<M>> of(long seed, Attempt<M> attempt) {
        var random = new Random(seed);
        var rounds = new ArrayList<List<M>>();
        for (int round = 0; round < ROUNDS; round++) {
            List<M> matches = new ArrayList<>();
            for (int i = 0; i < ATTEMPTS; i++) {
                attempt.admitted(List.copyOf(matches), i, random).ifPresent(matches::add);
            }
            rounds.add(matches);
        }
        return rounds;
    }
}
