package io.storescheduler.adapter.jooq.access;

import io.storescheduler.application.access.ForgetAccessUseCase;
import io.storescheduler.application.event.EventArrivals;
import io.storescheduler.domain.id.StoreId;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hears the access changes every instance announces ({@link PgAccessChangeAnnouncer}) on one
 * connection of its own, kept apart from the pool so it never takes a request's place, and makes
 * this instance forget what they name. The connection is checked every few seconds and made anew
 * when lost. Whenever it starts listening, the first time included, this instance forgets
 * everything it remembers: news sent while no connection listened is lost for good, and the
 * cache's expiry alone would let a revoked token work until it ran out.
 *
 * <p>The same connection hears the stores' committed events (channel {@code store_events}, sent by
 * the trigger of {@code store_event}, migration V0015) and tells {@link EventArrivals}, so that the
 * readers waiting for a store's events wake; one listening connection per instance serves both.
 * Whenever it starts listening again, every waiting reader is woken too, as it may have missed news.
 */
public final class PgAccessChangeListener implements AutoCloseable {

    /** The {@code application_name} of the listening session, as {@code pg_stat_activity} shows it. */
    public static final String APPLICATION_NAME = "store-scheduler access listener";

    /** The channel the trigger of {@code store_event} announces a store's committed events on, the store's id the payload. */
    static final String EVENTS_CHANNEL = "store_events";

    private static final Logger LOG = LoggerFactory.getLogger(PgAccessChangeListener.class);
    private static final int WAIT_FOR_NEWS_MILLIS = 500;
    private static final Duration CHECK_CONNECTION_EVERY = Duration.ofSeconds(5);
    private static final int CHECK_PATIENCE_SECONDS = 5;
    private static final Duration FIRST_RETRY_PAUSE = Duration.ofMillis(100);
    private static final Duration LONGEST_RETRY_PAUSE = Duration.ofSeconds(2);

    private final DataSource connections;
    private final ForgetAccessUseCase receiver;
    private final EventArrivals events;
    private final Thread thread;
    private volatile boolean running = true;

    private PgAccessChangeListener(DataSource connections, ForgetAccessUseCase receiver, EventArrivals events) {
        this.connections = connections;
        this.receiver = receiver;
        this.events = events;
        this.thread = new Thread(this::listenWhileRunning, "access-change-listener");
        this.thread.setDaemon(true);
    }

    /** Listens on connections of {@code connections}, which must not be a pool shared with requests. */
    public static PgAccessChangeListener start(DataSource connections, ForgetAccessUseCase receiver) {
        return start(connections, receiver, EventArrivals.IGNORED);
    }

    /** Like the other {@code start}, telling {@code events} of the stores' committed events as well. */
    public static PgAccessChangeListener start(DataSource connections, ForgetAccessUseCase receiver, EventArrivals events) {
        var listener = new PgAccessChangeListener(connections, receiver, events);
        listener.thread.start();
        return listener;
    }

    private void listenWhileRunning() {
        var pause = FIRST_RETRY_PAUSE;
        var listened = false;
        while (running) {
            try (var connection = listen()) {
                receiver.forgetEverything();
                events.arrivedAnywhere();
                if (listened) {
                    LOG.info("listening again for access changes; this instance forgot what it remembered of actors and stores");
                }
                listened = true;
                pause = FIRST_RETRY_PAUSE;
                hearUntilLost(connection);
            } catch (SQLException lost) {
                if (!running) {
                    return;
                }
                if (pause.equals(FIRST_RETRY_PAUSE)) {
                    LOG.warn("no connection hears access changes; reconnecting ({})", lost.getMessage());
                }
                pause = pauseThenLonger(pause);
            }
        }
    }

    private Connection listen() throws SQLException {
        var connection = connections.getConnection();
        try (var statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            statement.execute("SET application_name = '" + APPLICATION_NAME + "'");
            statement.execute("LISTEN " + AccessChangeNotices.CHANNEL);
            statement.execute("LISTEN " + EVENTS_CHANNEL);
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** Delivers what arrives until the connection fails (an exception) or the listener is closed. */
    private void hearUntilLost(Connection connection) throws SQLException {
        var postgres = connection.unwrap(PGConnection.class);
        var nextCheck = System.nanoTime() + CHECK_CONNECTION_EVERY.toNanos();
        while (running) {
            var notifications = postgres.getNotifications(WAIT_FOR_NEWS_MILLIS);
            if (notifications != null) {
                for (var notification : notifications) {
                    hear(notification.getName(), notification.getParameter());
                }
            }
            if (System.nanoTime() - nextCheck > 0) {
                // a connection whose peer vanished without a word would otherwise look idle forever
                if (!connection.isValid(CHECK_PATIENCE_SECONDS)) {
                    throw new SQLException("the listening connection stopped answering");
                }
                nextCheck = System.nanoTime() + CHECK_CONNECTION_EVERY.toNanos();
            }
        }
    }

    private void hear(String channel, String payload) {
        if (EVENTS_CHANNEL.equals(channel)) {
            events.arrived(new StoreId(Long.parseLong(payload)));
        } else {
            AccessChangeNotices.deliver(payload, receiver);
        }
    }

    private Duration pauseThenLonger(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException closing) {
            Thread.currentThread().interrupt();
            running = false;
        }
        var longer = pause.multipliedBy(2);
        return longer.compareTo(LONGEST_RETRY_PAUSE) > 0 ? LONGEST_RETRY_PAUSE : longer;
    }

    /** Stops listening within about {@link #WAIT_FOR_NEWS_MILLIS}, closing the connection. */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
