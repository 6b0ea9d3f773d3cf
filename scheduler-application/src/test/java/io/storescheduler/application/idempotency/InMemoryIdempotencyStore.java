package io.storescheduler.application.idempotency;

import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link IdempotencyStore} contract on a map, for service tests: an answer is saved, and a key
 * released, only for the request holding it in flight. {@link IdempotencyStoreContract} holds it
 * to the jOOQ adapter's behaviour.
 */
final class InMemoryIdempotencyStore implements IdempotencyStore {

    private record Row(byte[] requestHash, Instant claimedAt, Optional<RecordedAnswer> answer) {}

    private final Map<IdempotencyKey, Row> rows = new HashMap<>();

    @Override
    public Optional<KeptRequest> claim(IdempotencyKey key, byte[] requestHash, Instant now, Expiry expiry) {
        var row = rows.get(key);
        if (row == null || row.claimedAt().isBefore(expiry.answeredBefore())
                || (row.answer().isEmpty() && row.claimedAt().isBefore(expiry.inFlightBefore()))) {
            rows.put(key, new Row(requestHash, now, Optional.empty()));
            return Optional.empty();
        }
        return Optional.of(new KeptRequest(row.requestHash(), row.answer()));
    }

    @Override
    public void saveAnswer(IdempotencyKey key, byte[] requestHash, RecordedAnswer answer) {
        rows.computeIfPresent(key, (k, row) -> inFlightFor(row, requestHash)
                ? new Row(row.requestHash(), row.claimedAt(), Optional.of(answer)) : row);
    }

    @Override
    public void release(IdempotencyKey key, byte[] requestHash) {
        rows.computeIfPresent(key, (k, row) -> inFlightFor(row, requestHash) ? null : row);
    }

    private static boolean inFlightFor(Row row, byte[] requestHash) {
        return row.answer().isEmpty() && Arrays.equals(row.requestHash(), requestHash);
    }

    @Override
    public int forget(Instant claimedBefore, int atMost) {
        var forgotten = rows.entrySet().stream()
                .filter(entry -> entry.getValue().claimedAt().isBefore(claimedBefore))
                .sorted(Map.Entry.comparingByValue(Comparator.comparing(Row::claimedAt)))
                .limit(atMost)
                .map(Map.Entry::getKey)
                .toList();
        forgotten.forEach(rows::remove);
        return forgotten.size();
    }

    int size() {
        return rows.size();
    }
}
