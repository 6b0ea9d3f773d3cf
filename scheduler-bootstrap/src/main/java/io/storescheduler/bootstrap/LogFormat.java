package io.storescheduler.bootstrap;

import java.io.Console;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How the service writes: short lines for a person when standard output is a terminal, one JSON
 * object a line for a log collector otherwise. {@code SCHEDULER_LOG_FORMAT=text|json} chooses.
 * In text, what a person needs (the addresses, a new token) is printed plainly; in JSON, every
 * line is a log line, so a token is never printed there.
 */
enum LogFormat {
    TEXT,
    JSON;

    static final String VARIABLE = "SCHEDULER_LOG_FORMAT";

    static LogFormat fromEnvironment(Map<String, String> env) {
        return chosen(Optional.ofNullable(env.get(VARIABLE)).map(String::trim).filter(v -> !v.isEmpty()));
    }

    static LogFormat chosen(Optional<String> setting) {
        return setting.map(LogFormat::named).orElseGet(() -> onTerminal() ? TEXT : JSON);
    }

    /** Like {@link #fromEnvironment}, but an unknown setting falls back to the default instead of stopping. */
    static LogFormat leniently(Map<String, String> env) {
        try {
            return fromEnvironment(env);
        } catch (IllegalArgumentException e) {
            return chosen(Optional.empty());
        }
    }

    private static LogFormat named(String raw) {
        return switch (raw.toLowerCase(Locale.ROOT)) {
            case "text" -> TEXT;
            case "json" -> JSON;
            default -> throw new IllegalArgumentException(VARIABLE + " must be text or json, not '" + raw + "'");
        };
    }

    /**
     * Whether standard output is a terminal. On JDK 21, {@link System#console()} is null unless
     * standard input and output both are; from JDK 22 on it may be a console on redirected streams
     * too, and {@code Console.isTerminal()}, which JDK 21 does not have (hence the look-up by name),
     * says whether they are terminals.
     */
    static boolean onTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException jdk21) {
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
