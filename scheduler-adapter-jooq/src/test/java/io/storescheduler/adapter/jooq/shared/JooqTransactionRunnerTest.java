package io.storescheduler.adapter.jooq.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storescheduler.adapter.jooq.JooqPersistence;
import io.storescheduler.adapter.jooq.PersistenceUnderTest;
import io.storescheduler.application.access.StoreRepository;
import io.storescheduler.application.shared.Outcome;
import io.storescheduler.application.shared.Refusal;
import io.storescheduler.application.shared.TransactionRunner;
import io.storescheduler.application.shared.UseCaseFailure;
import io.storescheduler.domain.id.StoreId;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Our own transactions: commit, roll back, join, and no isolation-level query at their start. */
class JooqTransactionRunnerTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final AtomicInteger ISOLATION_QUERIES = new AtomicInteger();

    @RegisterExtension
    static final PersistenceUnderTest db = PersistenceUnderTest.perClass();
    private static TransactionRunner transactions;
    private static StoreRepository stores;
    private static DSLContext dsl;

    @BeforeAll
    static void countIsolationQueries() {
        var persistence = new JooqPersistence(countingIsolationQueries(db.database().dataSource()));
        transactions = persistence.transactions();
        stores = persistence.stores();
        dsl = persistence.dsl();
    }

    @Test
    void what_the_work_wrote_is_there_once_it_returned() {
        var store = transactions.inTransaction(() -> stores.insert(name(), ZONE));

        assertEquals(Optional.of(store), stores.find(store.id()));
    }

    @Test
    void an_integrity_violation_that_escapes_the_work_leaves_as_a_conflict_with_the_constraint_s_code() {
        var storeId = stores.insert(name(), ZONE).id();
        var insertSlot = "INSERT INTO slot (store_id, start_at) VALUES (" + storeId + ", '2026-12-05T06:00:00Z')";
        dsl.execute(insertSlot);

        var refused = assertThrows(UseCaseFailure.class, () -> transactions.inTransaction(() -> dsl.execute(insertSlot)));
        var unknownStore = assertThrows(UseCaseFailure.class, () -> transactions.inTransaction(() ->
                dsl.execute("INSERT INTO room (store_id, name, capacity) VALUES (" + Long.MAX_VALUE + ", 'x', 1)")));

        assertEquals(UseCaseFailure.Kind.CONFLICT, refused.kind());
        assertEquals("slot_exists", refused.code());
        assertEquals(UseCaseFailure.Kind.CONFLICT, unknownStore.kind());
        assertEquals("integrity_conflict", unknownStore.code(), "a constraint without a code of its own");
    }

    @Test
    void a_done_attempt_commits_what_it_wrote() {
        var written = new StoreId[1];

        var outcome = transactions.attempt(() -> {
            written[0] = stores.insert(name(), ZONE).id();
            return Outcome.done(written[0]);
        });

        assertEquals(Outcome.done(written[0]), outcome);
        assertTrue(stores.find(written[0]).isPresent());
    }

    @Test
    void a_refused_attempt_writes_nothing_and_its_refusal_comes_out_as_it_is() {
        var refusal = Refusal.conflict("not_now", "the work refused after writing");
        var written = new StoreId[1];

        var outcome = transactions.attempt(() -> {
            written[0] = stores.insert(name(), ZONE).id();
            return Outcome.refused(refusal);
        });

        assertEquals(Outcome.refused(refusal), outcome);
        assertEquals(Optional.empty(), stores.find(written[0]), "a refusal rolls back like a throw");
    }

    @Test
    void an_attempt_refused_inside_an_outer_transaction_rolls_the_outer_one_back() {
        var refusal = Refusal.conflict("not_now", "the inner work refused after writing");
        var written = new StoreId[2];

        var inner = transactions.inTransaction(() -> {
            written[0] = stores.insert(name(), ZONE).id();
            return transactions.attempt(() -> {
                written[1] = stores.insert(name(), ZONE).id();
                return Outcome.refused(refusal);
            });
        });

        assertEquals(Outcome.refused(refusal), inner);
        assertEquals(Optional.empty(), stores.find(written[0]), "the outer work's write is rolled back");
        assertEquals(Optional.empty(), stores.find(written[1]), "the inner work's write is rolled back");
        var next = transactions.attempt(() -> Outcome.done(stores.insert(name(), ZONE).id()));
        assertTrue(next instanceof Outcome.Done<StoreId> done && stores.find(done.value()).isPresent(), "the next transaction commits");
    }

    @Test
    void a_failing_work_writes_nothing_and_its_exception_comes_out_unchanged() {
        var failure = new IllegalStateException("no");
        var written = new StoreId[1];

        var thrown = assertThrows(IllegalStateException.class, () -> transactions.inTransaction(() -> {
            written[0] = stores.insert(name(), ZONE).id();
            throw failure;
        }));

        assertSame(failure, thrown);
        assertTrue(written[0].value() > 0);
        assertEquals(Optional.empty(), stores.find(written[0]));
    }

    @Test
    void a_transaction_inside_another_joins_it_and_is_undone_with_it() {
        var inner = new StoreId[1];

        assertThrows(IllegalStateException.class, () -> transactions.inTransaction(() -> {
            inner[0] = transactions.inTransaction(() -> stores.insert(name(), ZONE)).id();
            throw new IllegalStateException("the outer work fails after the inner one returned");
        }));

        assertTrue(inner[0].value() > 0);
        assertEquals(Optional.empty(), stores.find(inner[0]));
    }

    @Test
    void a_transaction_reads_what_it_wrote_before_it_commits() {
        var seen = transactions.inTransaction(() -> stores.find(stores.insert(name(), ZONE).id()));

        assertTrue(seen.isPresent());
    }

    @Test
    void starting_a_transaction_does_not_ask_the_connection_for_its_isolation_level() {
        ISOLATION_QUERIES.set(0);

        transactions.inTransaction(() -> stores.insert(name(), ZONE));

        // PostgreSQL's driver answers that question with a SHOW TRANSACTION ISOLATION LEVEL round trip
        assertEquals(0, ISOLATION_QUERIES.get());
    }

    private static String name() {
        return "store " + UUID.randomUUID();
    }

    private static DataSource countingIsolationQueries(DataSource dataSource) {
        return proxy(DataSource.class, dataSource, answer -> answer instanceof Connection connection
                ? proxy(Connection.class, connection, same -> same) : answer);
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, java.util.function.UnaryOperator<Object> wrapAnswer) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getName().equals("getTransactionIsolation")) {
                ISOLATION_QUERIES.incrementAndGet();
            }
            try {
                return wrapAnswer.apply(method.invoke(target, args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }
}
