package io.storescheduler.bootstrap;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The service's configuration, read from the environment: {@code SCHEDULER_DB_URL},
 * {@code SCHEDULER_DB_USER}, {@code SCHEDULER_DB_PASSWORD}, {@code SCHEDULER_PORT} (8080),
 * {@code SCHEDULER_HOST} (0.0.0.0), {@code SCHEDULER_ADMIN_TOKEN}, {@code SCHEDULER_DATA_DIR}
 * ({@code ./scheduler-data}, for the embedded database used when no URL is given).
 */
public record SchedulerConfig(
        Optional<String> databaseUrl,
        String databaseUser,
        String databasePassword,
        String host,
        int port,
        Optional<String> adminToken,
        Path dataDirectory,
        boolean demo) {

    public static SchedulerConfig fromEnvironment(Map<String, String> env) {
        return new SchedulerConfig(
                value(env, "SCHEDULER_DB_URL"),
                value(env, "SCHEDULER_DB_USER").orElse("postgres"),
                value(env, "SCHEDULER_DB_PASSWORD").orElse(""),
                value(env, "SCHEDULER_HOST").orElse("0.0.0.0"),
                port(value(env, "SCHEDULER_PORT").orElse("8080")),
                value(env, "SCHEDULER_ADMIN_TOKEN"),
                Path.of(value(env, "SCHEDULER_DATA_DIR").orElse("scheduler-data")).toAbsolutePath(),
                flag("SCHEDULER_DEMO", value(env, "SCHEDULER_DEMO").orElse("0")));
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
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
}
