package io.storescheduler.bootstrap;

import io.storescheduler.application.limits.RatePolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The service's configuration, read from the environment: {@code SCHEDULER_DB_URL},
 * {@code SCHEDULER_DB_USER}, {@code SCHEDULER_DB_PASSWORD}, {@code SCHEDULER_PORT} (8080),
 * {@code SCHEDULER_HOST} (0.0.0.0), {@code SCHEDULER_ADMIN_TOKEN}, {@code SCHEDULER_DATA_DIR}
 * ({@code ./scheduler-data}, for the embedded database used when no URL is given),
 * {@code SCHEDULER_DB_STATEMENT_TIMEOUT_MS} (15000), {@code SCHEDULER_DEMO} (0),
 * {@code SCHEDULER_RATE_LIMIT_PER_SECOND} (50), {@code SCHEDULER_RATE_LIMIT_BURST} (200) and
 * {@code SCHEDULER_LOG_FORMAT} (text on a terminal, else json; see {@link LogFormat}).
 */
public record SchedulerConfig(
        Optional<String> databaseUrl,
        String databaseUser,
        String databasePassword,
        String host,
        int port,
        Optional<String> adminToken,
        Path dataDirectory,
        DatabaseLimits databaseLimits,
        boolean demo,
        RateLimits rateLimits,
        LogFormat logFormat) {

    /**
     * The API's rate limits: each actor's token bucket ({@code SCHEDULER_RATE_LIMIT_PER_SECOND},
     * {@code SCHEDULER_RATE_LIMIT_BURST}), and each client address's bucket of failed
     * authentications, small as a caller with a right token fails rarely, and each failure but a
     * flood's costs a token lookup.
     */
    public record RateLimits(RatePolicy perActor, RatePolicy failedAuthentication) {

        public static final RateLimits DEFAULTS = new RateLimits(actorPolicy(50, 200), new RatePolicy("failed-authentication", 1, 20));

        public static RatePolicy actorPolicy(long perSecond, long burst) {
            return new RatePolicy("actor", perSecond, burst);
        }
    }

    /**
     * How long a request may wait on the database: for a connection from the pool of
     * {@code poolSize}, and for any one statement (lock waits included). The socket timeout sits
     * above the statement timeout, so it only catches a server that stopped answering at all.
     */
    public record DatabaseLimits(int poolSize, Duration connectionTimeout, Duration statementTimeout) {

        public static final DatabaseLimits DEFAULTS = new DatabaseLimits(10, Duration.ofSeconds(5), Duration.ofSeconds(15));

        public DatabaseLimits withStatementTimeout(Duration timeout) {
            return new DatabaseLimits(poolSize, connectionTimeout, timeout);
        }

        Duration socketTimeout() {
            return statementTimeout.plusSeconds(15);
        }
    }

    /** The shortest {@code SCHEDULER_ADMIN_TOKEN} the service starts with. */
    public static final int MIN_ADMIN_TOKEN_LENGTH = 32;

    /** The embedded PostgreSQL, as no {@code SCHEDULER_DB_URL} is set. */
    boolean embeddedDatabase() {
        return databaseUrl.isEmpty();
    }

    public static SchedulerConfig fromEnvironment(Map<String, String> env) {
        return new SchedulerConfig(
                value(env, "SCHEDULER_DB_URL"),
                value(env, "SCHEDULER_DB_USER").orElse("postgres"),
                value(env, "SCHEDULER_DB_PASSWORD").orElse(""),
                value(env, "SCHEDULER_HOST").orElse("0.0.0.0"),
                port(value(env, "SCHEDULER_PORT").orElse("8080")),
                adminToken(value(env, "SCHEDULER_ADMIN_TOKEN")),
                Path.of(value(env, "SCHEDULER_DATA_DIR").orElse("scheduler-data")).toAbsolutePath(),
                DatabaseLimits.DEFAULTS.withStatementTimeout(statementTimeout(value(env, "SCHEDULER_DB_STATEMENT_TIMEOUT_MS"))),
                flag("SCHEDULER_DEMO", value(env, "SCHEDULER_DEMO").orElse("0")),
                new RateLimits(RateLimits.actorPolicy(
                        positive(env, "SCHEDULER_RATE_LIMIT_PER_SECOND", RateLimits.DEFAULTS.perActor().perSecond()),
                        positive(env, "SCHEDULER_RATE_LIMIT_BURST", RateLimits.DEFAULTS.perActor().burst())),
                        RateLimits.DEFAULTS.failedAuthentication()),
                LogFormat.fromEnvironment(env));
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
    }

    /**
     * A configured admin token is a password for every store: one short enough to guess stops the
     * start instead of serving with it. 32 characters are what {@code openssl rand -hex 16} prints.
     */
    private static Optional<String> adminToken(Optional<String> token) {
        if (token.isPresent() && token.get().length() < MIN_ADMIN_TOKEN_LENGTH) {
            throw new IllegalArgumentException("SCHEDULER_ADMIN_TOKEN must be at least " + MIN_ADMIN_TOKEN_LENGTH
                    + " characters long, not " + token.get().length() + "; make one with: openssl rand -hex 16");
        }
        return token;
    }

    private static boolean flag(String name, String raw) {
        return switch (raw.toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes", "on" -> true;
            case "0", "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException(name + " must be 1 or 0, not '" + raw + "'");
        };
    }

    private static int port(String raw) {
        try {
            var port = Integer.parseInt(raw);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("SCHEDULER_PORT must be a port number 0..65535, not '" + raw + "'");
    }

    private static long positive(Map<String, String> env, String name, long fallback) {
        var raw = value(env, name);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            var number = Long.parseLong(raw.get());
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a positive whole number, not '" + raw.get() + "'");
    }

    private static Duration statementTimeout(Optional<String> raw) {
        if (raw.isEmpty()) {
            return DatabaseLimits.DEFAULTS.statementTimeout();
        }
        try {
            var millis = Integer.parseInt(raw.get());
            if (millis > 0) {
                return Duration.ofMillis(millis);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("SCHEDULER_DB_STATEMENT_TIMEOUT_MS must be a positive number of milliseconds, not '"
                + raw.get() + "'");
    }
}
