package io.storescheduler.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.storescheduler.bootstrap.SchedulerConfig.DatabaseLimits;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchedulerConfigTest {

    @Test
    void the_database_limits_default_to_the_production_bounds() {
        var limits = SchedulerConfig.fromEnvironment(Map.of()).databaseLimits();

        assertEquals(new DatabaseLimits(10, Duration.ofSeconds(5), Duration.ofSeconds(15)), limits);
        assertEquals(Duration.ofSeconds(30), limits.socketTimeout());
    }

    @Test
    void the_statement_timeout_is_read_in_milliseconds() {
        var limits = SchedulerConfig.fromEnvironment(Map.of("SCHEDULER_DB_STATEMENT_TIMEOUT_MS", " 250 ")).databaseLimits();

        assertEquals(Duration.ofMillis(250), limits.statementTimeout());
        assertEquals(DatabaseLimits.DEFAULTS.poolSize(), limits.poolSize());
    }

    @Test
    void a_statement_timeout_that_is_not_a_positive_number_stops_the_start() {
        for (var raw : new String[] {"0", "-5", "15s", "99999999999"}) {
            var env = Map.of("SCHEDULER_DB_STATEMENT_TIMEOUT_MS", raw);
            assertThrows(IllegalArgumentException.class, () -> SchedulerConfig.fromEnvironment(env), raw);
        }
    }

    @Test
    void the_log_format_is_text_or_json_whatever_the_case() {
        assertEquals(LogFormat.TEXT, SchedulerConfig.fromEnvironment(Map.of("SCHEDULER_LOG_FORMAT", " Text ")).logFormat());
        assertEquals(LogFormat.JSON, SchedulerConfig.fromEnvironment(Map.of("SCHEDULER_LOG_FORMAT", "json")).logFormat());
    }

    @Test
    void without_a_terminal_the_log_format_defaults_to_json() {
        // The tests run with their output piped to the build, never on a terminal.
        assertEquals(LogFormat.JSON, SchedulerConfig.fromEnvironment(Map.of()).logFormat());
    }

    @Test
    void an_unknown_log_format_stops_the_start() {
        var env = Map.of("SCHEDULER_LOG_FORMAT", "pretty");
        var refused = assertThrows(IllegalArgumentException.class, () -> SchedulerConfig.fromEnvironment(env));
        assertEquals("SCHEDULER_LOG_FORMAT must be text or json, not 'pretty'", refused.getMessage());
    }
}
