package io.storescheduler.bootstrap;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The connection pool, on the configured PostgreSQL or, with no URL configured, on an embedded
 * PostgreSQL whose data lives in the data directory and survives restarts.
 */
final class Database implements AutoCloseable {

    private final EmbeddedPostgres embedded;
    private final HikariDataSource pool;
    private final DataSource listening;

    private Database(EmbeddedPostgres embedded, HikariDataSource pool, DataSource listening) {
        this.embedded = embedded;
        this.pool = pool;
        this.listening = listening;
    }

    static Database open(SchedulerConfig config) {
        if (config.databaseUrl().isPresent()) {
            return open(null, config.databaseUrl().get(), config.databaseUser(), config.databasePassword(), config);
        }
        var embedded = startEmbedded(config);
        return open(embedded, embedded.getJdbcUrl("postgres", "postgres"), "postgres", "", config);
    }

    private static Database open(EmbeddedPostgres embedded, String url, String user, String password, SchedulerConfig config) {
        return new Database(embedded, pool(url, user, password, config.databaseLimits()), listening(url, user, password));
    }

    HikariDataSource dataSource() {
        return pool;
    }

    /** Unpooled connections, for the one that listens for access changes and holds its connection for good. */
    DataSource listening() {
        return listening;
    }

    boolean reachable() {
        try (var connection = pool.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        pool.close();
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static EmbeddedPostgres startEmbedded(SchedulerConfig config) {
        try {
            Files.createDirectories(config.dataDirectory());
            return EmbeddedPostgres.builder()
                    .setPgBinaryResolver(new PostgresBinaries())
                    .setDataDirectory(config.dataDirectory().resolve("pg"))
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + config.dataDirectory()
                    + " (is another scheduler running on it? stop it first)", e);
        }
    }

    private static DataSource listening(String url, String user, String password) {
        var dataSource = new PGSimpleDataSource();
        dataSource.setURL(url);
        dataSource.setUser(user);
        dataSource.setPassword(password);
        dataSource.setConnectTimeout(5);
        dataSource.setTcpKeepAlive(true);
        return dataSource;
    }

    /**
     * No {@code lock_timeout}: the statement timeout bounds lock waits as well, and a shorter
     * bound for them alone would turn a confirm queueing behind a busy store into a failure.
     * No JIT: the conflict queries' cost estimates pass {@code jit_above_cost}, so PostgreSQL
     * compiled them anew at each execution (20-45 ms) to save far less on a plan that reads a few
     * index rows; no query here scans enough rows to profit from it.
     */
    private static HikariDataSource pool(String url, String user, String password, SchedulerConfig.DatabaseLimits limits) {
        var hikari = new HikariConfig();
        hikari.setPoolName("scheduler");
        hikari.setJdbcUrl(url);
        hikari.setUsername(user);
        hikari.setPassword(password);
        hikari.setMaximumPoolSize(limits.poolSize());
        hikari.setConnectionTimeout(limits.connectionTimeout().toMillis());
        hikari.setValidationTimeout(2_000);
        hikari.addDataSourceProperty("connectTimeout", "5");
        hikari.addDataSourceProperty("socketTimeout", String.valueOf(limits.socketTimeout().toSeconds()));
        hikari.addDataSourceProperty("options", "-c statement_timeout=" + limits.statementTimeout().toMillis() + " -c jit=off");
        hikari.setInitializationFailTimeout(-1);
        return new HikariDataSource(hikari);
    }
}
