package io.storescheduler.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storescheduler.application.limits.RatePolicy;
import io.storescheduler.bootstrap.SchedulerConfig.DatabaseLimits;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
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
    void an_admin_token_shorter_than_32_characters_stops_the_start_and_says_why() {
        for (var token : new String[] {"a", "change-me", "x".repeat(31), " " + "y".repeat(31) + " "}) {
            var env = Map.of("SCHEDULER_ADMIN_TOKEN", token);
            var refused = assertThrows(IllegalArgumentException.class, () -> SchedulerConfig.fromEnvironment(env), token);
            assertTrue(refused.getMessage().contains("SCHEDULER_ADMIN_TOKEN must be at least 32 characters"), refused.getMessage());
        }
    }

    @Test
    void an_admin_token_of_32_characters_or_more_is_taken_as_it_is() {
        var token = "0123456789abcdef0123456789abcdef";

        assertEquals(Optional.of(token), SchedulerConfig.fromEnvironment(Map.of("SCHEDULER_ADMIN_TOKEN", token)).adminToken());
        assertEquals(Optional.empty(), SchedulerConfig.fromEnvironment(Map.of()).adminToken());
    }

    @Test
    void the_rate_limits_default_to_50_a_second_and_bursts_of_200_and_are_read_from_the_environment() {
        assertEquals(SchedulerConfig.RateLimits.DEFAULTS, SchedulerConfig.fromEnvironment(Map.of()).rateLimits());
        assertEquals(new RatePolicy("actor", 50, 200), SchedulerConfig.RateLimits.DEFAULTS.perActor());

        var configured = SchedulerConfig.fromEnvironment(Map.of("SCHEDULER_RATE_LIMIT_PER_SECOND", "5", "SCHEDULER_RATE_LIMIT_BURST", " 12 "));

        assertEquals(new RatePolicy("actor", 5, 12), configured.rateLimits().perActor());
        assertEquals(SchedulerConfig.RateLimits.DEFAULTS.failedAuthentication(), configured.rateLimits().failedAuthentication());
    }

    @Test
    void a_rate_limit_that_is_not_a_positive_whole_number_stops_the_start() {
        for (var name : new String[] {"SCHEDULER_RATE_LIMIT_PER_SECOND", "SCHEDULER_RATE_LIMIT_BURST"}) {
            for (var raw : new String[] {"0", "-1", "2.5", "many"}) {
                var refused = assertThrows(IllegalArgumentException.class, () -> SchedulerConfig.fromEnvironment(Map.of(name, raw)), raw);
                assertTrue(refused.getMessage().startsWith(name + " must be a positive whole number"), refused.getMessage());
            }
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
