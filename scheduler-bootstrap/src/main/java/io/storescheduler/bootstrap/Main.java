package io.storescheduler.bootstrap;

import io.storescheduler.db.SchedulerMigrations;
import java.util.Arrays;

/**
 * {@code java -jar scheduler.jar} runs the server; {@code java -jar scheduler.jar migrate
 * [--target VERSION]} only migrates the database and exits. Configuration: {@link SchedulerConfig}.
 */
public final class Main {

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
        var application = SchedulerApplication.start(database.dataSource(), database::reachable,
                config.adminToken(), config.host(), config.port());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            application.close();
            database.close();
        }, "scheduler-shutdown"));
        System.out.printf("Store Scheduler listens on http://localhost:%d/api/v1 (database: %s)%n", application.port(),
                config.databaseUrl().orElse("embedded, data in " + config.dataDirectory()));
        if (config.adminToken().isEmpty()) {
            System.out.println("No SCHEDULER_ADMIN_TOKEN set: set one to create stores and actors.");
        }
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
