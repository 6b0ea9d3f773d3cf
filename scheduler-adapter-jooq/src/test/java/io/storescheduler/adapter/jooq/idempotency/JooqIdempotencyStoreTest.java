package io.storescheduler.adapter.jooq.idempotency;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.storescheduler.adapter.jooq.PersistenceUnderTest;
import io.storescheduler.application.idempotency.IdempotencyStore;
import io.storescheduler.application.idempotency.IdempotencyStoreContract;
import io.storescheduler.application.idempotency.RecordedAnswer;
import io.storescheduler.application.shared.TransactionRunner;
import io.storescheduler.domain.id.StoreId;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The idempotency store contract on PostgreSQL, and what only the database does: racing claims, and what is kept at rest. */
class JooqIdempotencyStoreTest extends IdempotencyStoreContract {

    @RegisterExtension
    static final PersistenceUnderTest db = PersistenceUnderTest.perClass();
    private final TransactionRunner transactions = db.persistence().transactions();

    @Override
    protected IdempotencyStore store() {
        return db.persistence().idempotency();
    }

    @Test
    void an_answer_is_kept_neither_it_nor_the_key_readable_in_the_table() throws SQLException {
        var key = newKey(0, new StoreId(0));
        var secret = "{\"token\":\"" + UUID.randomUUID() + "\"}";
        var answer = new RecordedAnswer(201, "application/json", "\"3\"", secret.getBytes(UTF_8));
        store().claim(key, REQUEST, NOW, EXPIRY);

        store().saveAnswer(key, REQUEST, answer);

        var table = tableAsText();
        assertFalse(table.contains(hex(secret.getBytes(UTF_8))), "the answer's body is sealed");
        assertFalse(table.contains(hex(key.value().getBytes(UTF_8))), "the key itself is not kept");
    }

    @Test
    void of_many_racing_claims_of_a_new_key_exactly_one_wins() throws Exception {
        var key = newKey(0, new StoreId(0));
        var threads = 8;
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(threads);
        try {
            var claims = new ArrayList<Future<Boolean>>();
            for (int i = 0; i < threads; i++) {
                claims.add(pool.submit(() -> {
                    start.await();
                    return transactions.inTransaction(() -> store().claim(key, REQUEST, NOW, EXPIRY)).isEmpty();
                }));
            }
            start.countDown();
            var won = 0;
            for (var claim : claims) {
                won += claim.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertEquals(1, won);
        } finally {
            pool.shutdownNow();
        }
    }

    private static String tableAsText() throws SQLException {
        try (var connection = db.database().connect(); var statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT string_agg(encode(key_hash, 'hex') || encode(coalesce(sealed_body, ''), 'hex'), '') FROM idempotency_key")) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
