package io.storescheduler.bootstrap.http;

import io.storescheduler.application.limits.RatePolicy;
import io.storescheduler.bootstrap.SchedulerApplication;
import io.storescheduler.bootstrap.SchedulerConfig.RateLimits;
import io.storescheduler.bootstrap.SchedulerMetrics;
import io.storescheduler.bootstrap.WebhookSettings;
import io.storescheduler.db.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The real server, in-process, on a fresh PostgreSQL database of its own; one per test class.
 * A class registers it once, and it starts before the class's tests and stops after them:
 * {@code @RegisterExtension static final TestServer server = TestServer.perClass();}
 * A test that takes a {@link StoreSetup} parameter gets a fresh store in {@link Fixtures#SHANGHAI}
 * with a staff token for it alone, so tests never see each other's rows.
 */
final class TestServer implements AutoCloseable, BeforeAllCallback, AfterAllCallback, ParameterResolver {

    /**
     * Limits no test meets unless it means to: several send thousands of requests a second with one
     * token, or without a known one, from the one address they all share.
     */
    static final RateLimits GENEROUS_LIMITS = new RateLimits(RateLimits.actorPolicy(1_000_000, 1_000_000),
            new RatePolicy("failed-authentication", 1_000_000, 1_000_000));

    /** Tests send webhooks to receivers of their own on 127.0.0.1, which only this allows. */
    static final WebhookSettings LOOPBACK_WEBHOOKS = new WebhookSettings(true, Clock.systemUTC());

    /**
     * For a server whose data source a test wraps to count or break what the requests send: no
     * delivery worker runs, whose polling would be counted (or broken) with them.
     */
    static final WebhookSettings WITHOUT_WEBHOOK_WORKERS = new WebhookSettings(true, Clock.systemUTC(), 0);

    final String adminToken = "admin-" + UUID.randomUUID();
    private final UnaryOperator<DataSource> wrapping;
    private final RateLimits rateLimits;
    private final WebhookSettings webhooks;
    private TestDatabase database;
    private SchedulerApplication application;
    private ApiClient api;

    private TestServer(UnaryOperator<DataSource> wrapping, RateLimits rateLimits) {
        this(wrapping, rateLimits, LOOPBACK_WEBHOOKS);
    }

    private TestServer(UnaryOperator<DataSource> wrapping, RateLimits rateLimits, WebhookSettings webhooks) {
        this.wrapping = wrapping;
        this.rateLimits = rateLimits;
        this.webhooks = webhooks;
    }

    /** Like {@link #perClass()}, delivering webhooks as {@code webhooks} says (its clock, say). */
    static TestServer perClass(WebhookSettings webhooks) {
        return new TestServer(UnaryOperator.identity(), GENEROUS_LIMITS, webhooks);
    }

    /** A server for the test class that registers it as an extension. */
    static TestServer perClass() {
        return new TestServer(UnaryOperator.identity(), GENEROUS_LIMITS);
    }

    /** Like {@link #perClass()}, its data source {@code wrapping} the test database's, e.g. to count what it sends; no webhook worker runs. */
    static TestServer perClass(UnaryOperator<DataSource> wrapping) {
        return new TestServer(wrapping, GENEROUS_LIMITS, WITHOUT_WEBHOOK_WORKERS);
    }

    /** Like {@link #perClass()}, with the rate limits {@code rateLimits}. */
    static TestServer perClass(RateLimits rateLimits) {
        return new TestServer(UnaryOperator.identity(), rateLimits);
    }

    /** A server started now, for a test that needs one of its own; the caller closes it. */
    static TestServer start() {
        return new TestServer(UnaryOperator.identity(), GENEROUS_LIMITS).started();
    }

    /** Like {@link #start()}, with the rate limits {@code rateLimits}, its data source {@code wrapping} the test database's. */
    static TestServer start(UnaryOperator<DataSource> wrapping, RateLimits rateLimits) {
        return new TestServer(wrapping, rateLimits, WITHOUT_WEBHOOK_WORKERS).started();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        started();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == StoreSetup.class;
    }

    @Override
    public StoreSetup resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return newStore(Fixtures.SHANGHAI);
    }

    private TestServer started() {
        database = TestDatabase.createEmpty();
        try {
            startApplication();
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        return this;
    }

    private void startApplication() {
        application = SchedulerApplication.start(wrapping.apply(database.dataSource()), database.dataSource(), () -> true, Optional.of(adminToken),
                "127.0.0.1", 0, new SchedulerMetrics(), rateLimits, webhooks);
        api = new ApiClient(application.port());
    }

    /** Stops the service, as a restart would, and starts it again on the same database (on another port). */
    void restart() {
        application.close();
        startApplication();
    }

    ApiClient api() {
        return api;
    }

    /** The port it listens on, for requests {@link ApiClient} cannot make ({@link RawHttp}). */
    int port() {
        return application.port();
    }

    /** A connection of the test's own to the server's database, e.g. to hold a lock the server will wait for. */
    Connection connectToDatabase() throws SQLException {
        return database.connect();
    }

    /**
     * Every route of the API the server registers, as {@code "GET /api/v1/stores/{store_id}/rooms"}:
     * the day board's pages under {@code /board} are another adapter's, outside the OpenAPI document.
     */
    List<String> routes() {
        return application.routes().stream().filter(route -> !isBoardRoute(route)).toList();
    }

    /** Every route of the day board the server registers, as {@code "GET /board/stores/{store_id}/days/{day}"}. */
    List<String> boardRoutes() {
        return application.routes().stream().filter(TestServer::isBoardRoute).toList();
    }

    private static boolean isBoardRoute(String route) {
        return route.split(" ", 2)[1].startsWith("/board");
    }

    /** A new store with a staff token allowed for it alone. */
    StoreSetup newStore(String timezone) {
        return StoreSetup.create(api, adminToken, timezone);
    }

    @Override
    public void close() {
        try {
            application.close();
        } finally {
            database.close();
        }
    }
}
