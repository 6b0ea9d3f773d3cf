package io.storescheduler.adapter.jooq.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.storescheduler.adapter.jooq.PersistenceUnderTest;
import io.storescheduler.application.access.AccessChangeAnnouncer;
import io.storescheduler.application.access.ForgetAccessUseCase;
import io.storescheduler.application.shared.TransactionRunner;
import io.storescheduler.domain.id.StoreId;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Announcements through PostgreSQL's LISTEN/NOTIFY, heard on a listening connection of its own.
 * Waits poll with a generous bound, only so a lost announcement fails instead of hanging.
 */
class PgAccessChangeListenerTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @RegisterExtension
    static final PersistenceUnderTest db = PersistenceUnderTest.perClass();
    private final TransactionRunner transactions = db.persistence().transactions();
    private final AccessChangeAnnouncer announcer = db.persistence().accessChanges();

    private final Heard heard = new Heard();
    private PgAccessChangeListener listener;

    @BeforeEach
    void listen() throws Exception {
        listener = PgAccessChangeListener.start(db.database().dataSource(), heard);
        heard.await(events -> events.contains("everything"), "the listener started listening");
    }

    @AfterEach
    void stopListening() {
        listener.close();
    }

    @Test
    void a_committed_announcement_is_heard_and_a_rolled_back_one_never() throws Exception {
        assertThrows(IllegalStateException.class, () -> transactions.inTransaction(() -> {
            announcer.actorRevoked(1);
            throw new IllegalStateException("the revocation failed");
        }));
        transactions.inTransaction(() -> {
            announcer.actorRevoked(2);
            announcer.storeChanged(new StoreId(3));
            return null;
        });

        // notifications arrive in commit order: had the rolled-back one been sent, it would be first
        heard.await(events -> events.contains("store 3"), "the committed announcements");
        assertEquals(List.of("everything", "actor 2", "store 3"), heard.events());
    }

    @Test
    void after_its_connection_is_killed_it_listens_again_forgetting_everything_it_may_have_missed() throws Exception {
        terminateListeningSession();
        heard.await(events -> events.stream().filter("everything"::equals).count() == 2, "listening again");

        transactions.inTransaction(() -> {
            announcer.actorRevoked(7);
            return null;
        });

        heard.await(events -> events.contains("actor 7"), "an announcement after the reconnect");
        assertEquals(List.of("everything", "everything", "actor 7"), heard.events());
    }

    private static void terminateListeningSession() throws SQLException {
        try (var connection = db.database().connect(); var statement = connection.prepareStatement(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND application_name = ?")) {
            statement.setString(1, PgAccessChangeListener.APPLICATION_NAME);
            try (var rows = statement.executeQuery()) {
                rows.next();
                assertEquals(1, rows.getInt(1), "one listening session");
            }
        }
    }

    /** What the listener passed on, in order, as {@code "actor 2"}, {@code "store 3"} or {@code "everything"}. */
    private static final class Heard implements ForgetAccessUseCase {

        private final List<String> events = new ArrayList<>();

        @Override
        public synchronized void forgetActor(long actorId) {
            events.add("actor " + actorId);
        }

        @Override
        public synchronized void forgetStore(StoreId storeId) {
            events.add("store " + storeId);
        }

        @Override
        public synchronized void forgetEverything() {
            events.add("everything");
        }

        synchronized List<String> events() {
            return List.copyOf(events);
        }

        void await(Predicate<List<String>> done, String what) throws InterruptedException {
            var deadline = System.nanoTime() + PATIENCE.toNanos();
            while (!done.test(events())) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("not heard: " + what + "; heard " + events());
                }
                Thread.sleep(10);
            }
        }
    }
}
