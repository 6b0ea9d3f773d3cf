package io.storescheduler.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.storescheduler.bootstrap.SchedulerConfig.DatabaseLimits;
import io.storescheduler.db.TestDatabase;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The settings every pooled connection starts its session with. */
class DatabaseTest {

    private TestDatabase testDatabase;
    private Database database;

    @BeforeEach
    void open() {
        testDatabase = TestDatabase.createEmpty();
        var config = new SchedulerConfig(Optional.of(testDatabase.url()), testDatabase.user(), testDatabase.password(),
                "127.0.0.1", 0, Optional.empty(), Path.of("unused"), DatabaseLimits.DEFAULTS.withStatementTimeout(Duration.ofMillis(1234)), false, SchedulerConfig.RateLimits.DEFAULTS,
                LogFormat.JSON);
        database = Database.open(config);
    }

    @AfterEach
    void close() {
        database.close();
        testDatabase.close();
    }

    @Test
    void pooled_connections_run_without_jit() throws SQLException {
        assertEquals("off", setting("jit"));
    }

    @Test
    void pooled_connections_carry_the_configured_statement_timeout_beside_it() throws SQLException {
        assertEquals("1234ms", setting("statement_timeout"));
    }

    private String setting(String name) throws SQLException {
        try (var connection = database.dataSource().getConnection();
                var statement = connection.prepareStatement("SELECT current_setting(?)")) {
            statement.setString(1, name);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }
}
