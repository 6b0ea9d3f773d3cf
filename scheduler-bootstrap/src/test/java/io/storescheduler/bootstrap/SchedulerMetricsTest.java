package io.storescheduler.bootstrap;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.storescheduler.db.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * The connection pool's meters, as Main wires them: the pool is started first, then watched. Hikari
 * caches its pool statistics for a second, so only the first scrape is sure to be current.
 */
class SchedulerMetricsTest {

    @Test
    void a_watched_pool_reports_the_connections_in_use() throws Exception {
        try (var db = TestDatabase.createEmpty(); var metrics = new SchedulerMetrics(); var pool = pool(db)) {
            metrics.watch(pool);

            try (var held = pool.getConnection()) {
                var scrape = metrics.scrape();
                assertTrue(scrape.contains("hikaricp_connections_active{pool=\"metrics-test\"} 1.0"), scrape);
                assertTrue(scrape.contains("hikaricp_connections_max{pool=\"metrics-test\"} 2.0"), scrape);
            }
        }
    }

    private static HikariDataSource pool(TestDatabase db) {
        var config = new HikariConfig();
        config.setPoolName("metrics-test");
        config.setJdbcUrl(db.url());
        config.setUsername(db.user());
        config.setPassword(db.password());
        config.setMaximumPoolSize(2);
        return new HikariDataSource(config);
    }
}
