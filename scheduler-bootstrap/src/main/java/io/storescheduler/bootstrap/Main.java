package io.storescheduler.bootstrap;

import io.storescheduler.adapter.http.SchedulerApi;
import io.storescheduler.db.SchedulerMigrations;
import java.time.Clock;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar scheduler.jar} runs the server; {@code java -jar scheduler.jar migrate
 * [--target VERSION]} only migrates the database and exits. Configuration: {@link SchedulerConfig}.
 */
public final class Main {

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {}

    public static void main(String[] args) {
        var config = SchedulerConfig.fromEnvironment(System.getenv());
        if (args.length > 0 && args[0].equals("migrate")) {
            migrate(config, Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0) {
            System.err.println("usage: scheduler [migrate [--target VERSION]]");
            System.exit(2);
        }
        serve(config);
    }

    private static void serve(SchedulerConfig config) {
        var database = Database.open(config);
        var metrics = new SchedulerMetrics();
        metrics.watch(database.dataSource());
        var application = SchedulerApplication.start(database.dataSource(), database::reachable,
                config.adminToken(), config.host(), config.port(), metrics, config.rateLimits());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(application, database), "scheduler-shutdown"));
        var base = "http://localhost:" + application.port();
        System.out.printf("Store Scheduler listens on %s/api/v1 (database: %s)%n", base,
                config.databaseUrl().map(Main::withoutParameters).orElse("embedded, data in " + config.dataDirectory()));
        System.out.printf("  ready: curl %s/health/ready   API: %s/api/v1/docs   metrics: %s/metrics%n", base, base, base);
        if (config.adminToken().isEmpty()) {
            System.out.println("No SCHEDULER_ADMIN_TOKEN set: set one to create stores and actors.");
        }
        if (config.demo()) {
            showDemo(application, base);
        }
    }

    private static void showDemo(SchedulerApplication application, String base) {
        try {
            // Straight to the console, never through the logs: the guide carries a token.
            System.out.println(DemoStore.guide(DemoStore.load(application.useCases(), Clock.systemUTC()), base));
        } catch (RuntimeException e) {
            LOG.error("the demo store could not be loaded; the service runs without it", e);
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
            System.err.println("usage: scheduler migrate [--target VERSION]");
            System.exit(2);
        }
        try (var database = Database.open(config)) {
            var result = options.length == 2
                    ? SchedulerMigrations.migrateTo(database.dataSource(), options[1])
                    : SchedulerMigrations.migrate(database.dataSource());
            System.out.printf("Migrated to version %s (%d migrations applied)%n",
                    result.targetSchemaVersion == null ? "unchanged" : result.targetSchemaVersion, result.migrationsExecuted);
        }
    }
}
