package io.storescheduler.bootstrap;

import io.storescheduler.adapter.http.SchedulerApi;
import io.storescheduler.adapter.jooq.JooqPersistence;
import io.storescheduler.db.SchedulerMigrations;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar scheduler.jar} runs the server; {@code migrate [--target VERSION]} only
 * migrates the database, {@code admin-token} prints a new console admin token, {@code version}
 * and {@code --help} only answer. Configuration: {@link SchedulerConfig}.
 */
public final class Main {

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    static final String USAGE = """
            usage: scheduler                        serve the API (an embedded PostgreSQL in ./scheduler-data unless SCHEDULER_DB_URL is set)
                   scheduler migrate [--target V]   migrate the database, then exit
                   scheduler admin-token            revoke the console admin token and print a new one (stop the server first)
                   scheduler version                the version, the Java it runs on, the embedded PostgreSQL's platforms
                   scheduler --help                 this
            Configured by the environment: SCHEDULER_DB_URL, SCHEDULER_DB_USER, SCHEDULER_DB_PASSWORD, SCHEDULER_PORT (8080),
            SCHEDULER_HOST (0.0.0.0), SCHEDULER_ADMIN_TOKEN, SCHEDULER_DATA_DIR (./scheduler-data),
            SCHEDULER_DB_STATEMENT_TIMEOUT_MS (15000), SCHEDULER_DEMO (0), SCHEDULER_WEBHOOK_ALLOW_PRIVATE (0),
            SCHEDULER_LOG_FORMAT (text on a terminal, else json).
            The README says what each means.""";

    private Main() {}

    public static void main(String[] args) {
        if (args.length == 0) {
            serve(config());
            return;
        }
        var options = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "migrate" -> migrate(config(), options);
            case "admin-token" -> newAdminToken(config(), options);
            case "version", "--version" -> System.out.println(version());
            case "help", "--help", "-h" -> System.out.println(USAGE);
            default -> refuse(USAGE);
        }
    }

    private static WebhookSettings webhookSettings() {
        return fromEnvironment(WebhookSettings::fromEnvironment);
    }

    private static SchedulerConfig config() {
        return fromEnvironment(SchedulerConfig::fromEnvironment);
    }

    /** The environment's configuration; a setting it refuses stops the start with the reason alone, no stack trace. */
    private static <T> T fromEnvironment(Function<Map<String, String>, T> reading) {
        try {
            return reading.apply(System.getenv());
        } catch (IllegalArgumentException refused) {
            System.err.println("scheduler: " + refused.getMessage());
            System.exit(2);
            throw refused;
        }
    }

    static String version() {
        var version = Optional.ofNullable(Main.class.getPackage().getImplementationVersion()).orElse("(not from the jar)");
        return "Store Scheduler %s on Java %s (%s); embedded PostgreSQL for %s".formatted(version,
                Runtime.version(), System.getProperty("java.vm.vendor"), PostgresBinaries.PLATFORMS);
    }

    private static void serve(SchedulerConfig config) {
        var database = Database.open(config);
        var metrics = new SchedulerMetrics();
        metrics.watch(database.dataSource());
        var application = SchedulerApplication.start(database.dataSource(), database.listening(), database::reachable,
                config.adminToken(), config.host(), config.port(), metrics, config.rateLimits(), webhookSettings());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(application, database), "scheduler-shutdown"));
        var base = "http://localhost:" + application.port();
        announce(config, base);
        if (config.adminToken().isEmpty()) {
            showAdminToken(config, application.useCases(), base);
        }
        if (config.demo()) {
            showDemo(config, application, base);
        }
    }

    private static void announce(SchedulerConfig config, String base) {
        var database = config.databaseUrl().map(Main::withoutParameters).orElse("embedded, data in " + config.dataDirectory());
        tell(config, "Store Scheduler listens on %s/api/v1 (database: %s)".formatted(base, database));
        tell(config, "  ready: curl %s/health/ready   API: %s/api/v1/docs   metrics: %s/metrics".formatted(base, base, base));
    }

    /**
     * Without {@code SCHEDULER_ADMIN_TOKEN}, on the embedded database and a terminal, the console
     * admin's token (see {@link ConsoleAdmin}); in JSON a token would land in the logs, and on a
     * configured database the operator brings the token.
     */
    private static void showAdminToken(SchedulerConfig config, SchedulerApi.UseCases useCases, String base) {
        if (!config.embeddedDatabase() || config.logFormat() != LogFormat.TEXT) {
            tell(config, "No SCHEDULER_ADMIN_TOKEN set: set one, or stop the server and run " + ConsoleAdmin.RENEW_COMMAND
                    + " to print an admin token.");
            return;
        }
        switch (ConsoleAdmin.atStart(useCases, Clock.systemUTC())) {
            case ConsoleAdmin.Made made -> System.out.println(newTokenGuide(
                    "Admin token, made at this first start and shown this once (only its hash is stored):", made.token(), base));
            case ConsoleAdmin.PrintedBefore before -> System.out.println("Admin " + before.printed()
                    + ". A new one, revoking that one: stop the server, then " + ConsoleAdmin.RENEW_COMMAND + ".");
            case ConsoleAdmin.OtherAdmins others -> System.out.println("No SCHEDULER_ADMIN_TOKEN set; the database has admins"
                    + " of its own. An admin token to print: stop the server, then " + ConsoleAdmin.RENEW_COMMAND + ".");
        }
    }

    /** The token, and the line the README's first booking pastes before its commands. */
    private static String newTokenGuide(String heading, String token, String base) {
        return heading + System.lineSeparator() + "  T='Authorization: Bearer %s'; J='Content-Type: application/json'; API=%s/api/v1"
                .formatted(token, base);
    }

    private static void showDemo(SchedulerConfig config, SchedulerApplication application, String base) {
        try {
            var demo = DemoStore.load(application.useCases(), Clock.systemUTC());
            var guide = DemoStore.guide(demo, base);
            if (config.logFormat() == LogFormat.TEXT) {
                // Straight to the console, never through the logs: the guide carries a token.
                System.out.println(guide);
            } else {
                LOG.info("{} Day board: {} (its staff token and a guide are printed with SCHEDULER_LOG_FORMAT=text).",
                        guide.lines().findFirst().orElseThrow(), demo.boardUrl(base));
            }
        } catch (RuntimeException e) {
            LOG.error("the demo store could not be loaded; the service runs without it", e);
        }
    }

    /** A line for the person who started the service: printed on a terminal, a log line in JSON. */
    private static void tell(SchedulerConfig config, String line) {
        if (config.logFormat() == LogFormat.TEXT) {
            System.out.println(line);
        } else {
            LOG.info(line);
        }
    }

    /** On SIGTERM: no new connections, the requests in flight finish, then the pool and the database close. */
    private static void stop(SchedulerApplication application, Database database) {
        LOG.info("stopping: no new connections; requests in flight have {} s to finish", SchedulerApi.SHUTDOWN_GRACE.toSeconds());
        try {
            application.close();
        } finally {
            database.close();
        }
        LOG.info("stopped: the connection pool and the database are closed");
    }

    /** A JDBC URL without its parameters, which may hold a password. */
    private static String withoutParameters(String url) {
        var query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    private static void migrate(SchedulerConfig config, String[] options) {
        if (options.length != 0 && !(options.length == 2 && options[0].equals("--target"))) {
            refuse("usage: scheduler migrate [--target VERSION]");
        }
        try (var database = Database.open(config)) {
            var result = options.length == 2
                    ? SchedulerMigrations.migrateTo(database.dataSource(), options[1])
                    : SchedulerMigrations.migrate(database.dataSource());
            System.out.printf("Migrated to version %s (%d migrations applied)%n",
                    result.targetSchemaVersion == null ? "unchanged" : result.targetSchemaVersion, result.migrationsExecuted);
        }
    }

    /** Through the use cases, without the HTTP server: the server is stopped, or runs on another database. */
    private static void newAdminToken(SchedulerConfig config, String[] options) {
        if (options.length != 0) {
            refuse("usage: scheduler admin-token");
        }
        try (var database = Database.open(config); var metrics = new SchedulerMetrics()) {
            SchedulerMigrations.migrate(database.dataSource());
            var useCases = SchedulerApplication.useCases(new JooqPersistence(database.dataSource()), Optional.empty(),
                    Clock.systemUTC(), metrics);
            var token = ConsoleAdmin.renew(useCases, Clock.systemUTC());
            var base = "http://localhost:" + config.port();
            System.out.println(newTokenGuide("New admin token, shown this once (the console admin's token before it is revoked):",
                    token, base));
        }
    }

    private static void refuse(String usage) {
        System.err.println(usage);
        System.exit(2);
    }
}
