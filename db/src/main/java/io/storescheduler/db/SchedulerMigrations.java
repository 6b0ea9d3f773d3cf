package io.storescheduler.db;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The schema's history as Flyway migrations under {@code db/migration}: migrates a database to the
 * newest version, or to a given one, never editing a migration that has shipped.
 */
public final class SchedulerMigrations {

    public static final String LOCATION = "classpath:db/migration";

    private SchedulerMigrations() {}

    public static MigrateResult migrate(DataSource dataSource) {
        return flyway(dataSource, null).migrate();
    }

    public static MigrateResult migrateTo(DataSource dataSource, String targetVersion) {
        return flyway(dataSource, targetVersion).migrate();
    }

    private static Flyway flyway(DataSource dataSource, String targetVersion) {
        var config = Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATION)
                .loggers("slf4j");
        if (targetVersion != null) {
            config.target(targetVersion);
        }
        return config.load();
    }
}
