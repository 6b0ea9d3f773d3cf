package io.storescheduler.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh database of its own on the real PostgreSQL, for one test class; dropped on close.
 * The server is the local one (127.0.0.1:5432, user postgres) unless
 * {@code SCHEDULER_TEST_PG_URL} / {@code SCHEDULER_TEST_PG_USER} / {@code SCHEDULER_TEST_PG_PASSWORD}
 * point elsewhere: the URL names the server's maintenance database.
 */
public final class TestDatabase implements AutoCloseable {

    private static final String ADMIN_URL = env("SCHEDULER_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    private static final String USER = env("SCHEDULER_TEST_PG_USER", "postgres");
    private static final String PASSWORD = env("SCHEDULER_TEST_PG_PASSWORD", "");

    private final String name;
    private final String url;

    private TestDatabase(String name) {
        this.name = name;
        this.url = ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + name;
    }

    /** An empty database, with no migration applied. */
    public static TestDatabase createEmpty() {
        var database = new TestDatabase("scheduler_test_" + UUID.randomUUID().toString().replace("-", "").toLowerCase(Locale.ROOT));
        database.adminExecute("CREATE DATABASE " + database.name);
        return database;
    }

    /** A database migrated to the newest schema. */
    public static TestDatabase createMigrated() {
        var database = createEmpty();
        SchedulerMigrations.migrate(database.dataSource());
        return database;
    }

    public String url() {
        return url;
    }

    public String user() {
        return USER;
    }

    public String password() {
        return PASSWORD;
    }

    public String name() {
        return name;
    }

    public DataSource dataSource() {
        var dataSource = new PGSimpleDataSource();
        dataSource.setURL(url);
        dataSource.setUser(USER);
        dataSource.setPassword(PASSWORD);
        return dataSource;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, USER, PASSWORD);
    }

    /** Whether new connections to this database are accepted; the open ones stay as they are. */
    public void allowConnections(boolean allowed) {
        adminExecute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS " + allowed);
    }

    @Override
    public void close() {
        adminExecute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private void adminExecute(String sql) {
        try (var connection = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD);
                var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + ADMIN_URL + " refused: " + sql
                    + " (is it running? .ci/run starts it)", e);
        }
    }

    private static String env(String name, String fallback) {
        var value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
