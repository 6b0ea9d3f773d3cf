package io.storescheduler.adapter.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.storescheduler.adapter.http.access.AccessRoutes;
import io.storescheduler.adapter.http.access.Guard;
import io.storescheduler.adapter.http.availability.AvailabilityRoutes;
import io.storescheduler.adapter.http.booking.BookingListRoutes;
import io.storescheduler.adapter.http.booking.BookingRoutes;
import io.storescheduler.adapter.http.booking.PartyRoutes;
import io.storescheduler.adapter.http.calendar.CalendarRoutes;
import io.storescheduler.adapter.http.catalogue.CatalogueRoutes;
import io.storescheduler.adapter.http.event.EventRoutes;
import io.storescheduler.adapter.http.jetty.MethodOverridesIgnored;
import io.storescheduler.adapter.http.jetty.ProblemErrorHandler;
import io.storescheduler.adapter.http.limits.InMemoryRateLimiter;
import io.storescheduler.adapter.http.limits.RequestLimits;
import io.storescheduler.adapter.http.operations.AccessLog;
import io.storescheduler.adapter.http.operations.ExchangeListener;
import io.storescheduler.adapter.http.operations.SharedCheck;
import io.storescheduler.adapter.http.shared.AllowedMethods;
import io.storescheduler.adapter.http.shared.Answers;
import io.storescheduler.adapter.http.shared.Constraints;
import io.storescheduler.adapter.http.shared.Json;
import io.storescheduler.adapter.http.shared.JsonBodies;
import io.storescheduler.adapter.http.shared.OpenApiDocument;
import io.storescheduler.adapter.http.shared.Problems;
import io.storescheduler.adapter.http.shared.RequestBody;
import io.storescheduler.adapter.http.slot.SlotRoutes;
import io.storescheduler.adapter.http.webhook.WebhookRoutes;
import io.storescheduler.application.availability.FindAvailabilityUseCase;
import io.storescheduler.application.booking.ListBookingsUseCase;
import io.storescheduler.application.event.ReadEventsUseCase;
import io.storescheduler.application.slot.ManageSlotsUseCase;
import io.storescheduler.application.webhook.ManageWebhooksUseCase;
import jakarta.validation.Validation;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * The HTTP face of the service: every route under {@code /api/v1}, the health probes, the metrics,
 * the access log, the rate limits, and the mapping of every failure to problem+json. Built from use cases; knows
 * nothing of the database. Stopping it is graceful: it stops accepting connections at once and
 * gives the requests in flight up to {@link #SHUTDOWN_GRACE} to finish.
 */
public final class SchedulerApi {

    /**
     * Everything the routes call, by feature: the guard's and each route class's own group, or its
     * one use case where it calls only one.
     */
    public record UseCases(
            Guard.UseCases guard,
            AccessRoutes.UseCases access,
            CatalogueRoutes.UseCases catalogue,
            BookingRoutes.UseCases bookings,
            ListBookingsUseCase listBookings,
            PartyRoutes.UseCases party,
            ManageSlotsUseCase slots,
            CalendarRoutes.UseCases calendars,
            ReadEventsUseCase events,
            ManageWebhooksUseCase webhooks,
            FindAvailabilityUseCase availability) {}

    /** The Prometheus text exposition format that {@code GET /metrics} answers in. */
    public static final String METRICS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    public static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);
    /** How long one readiness check answers every probe: probes cannot use up the connection pool. */
    public static final Duration READINESS_SHARED_FOR = Duration.ofSeconds(1);

    /**
     * A request whose body stops arriving for this long is cut off, freeing its thread. Longer than
     * a request may wait on the database (the 5 s pool wait and the 15 s statement timeout).
     */
    static final Duration REQUEST_IDLE_TIMEOUT = Duration.ofSeconds(30);

    private final UseCases useCases;
    private final BooleanSupplier databaseReachable;
    private final ExchangeListener exchanges;
    private final Supplier<String> metrics;
    private final RequestLimits limits;
    private final ObjectMapper mapper = Json.mapper();
    private final Answers answers = new Answers(mapper);
    private final Problems problems = new Problems(mapper);
    private final JsonBodies bodies = new JsonBodies(mapper, new Constraints(Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory().getValidator()));

    /**
     * {@code exchanges} is told of every answered request; {@code metrics} gives the text
     * {@code GET /metrics} answers, in the Prometheus text format; {@code limits} are the rate
     * limits of the API routes. {@code databaseReachable} is asked at most once a second, by one
     * readiness probe at a time.
     */
    public SchedulerApi(UseCases useCases, BooleanSupplier databaseReachable, ExchangeListener exchanges,
            Supplier<String> metrics, RequestLimits limits) {
        this.useCases = useCases;
        this.databaseReachable = new SharedCheck(databaseReachable, READINESS_SHARED_FOR);
        this.exchanges = exchanges;
        this.metrics = metrics;
        this.limits = limits;
    }

    /** A server with every route registered, not yet started. */
    public Javalin create(String host, int port) {
        return create(host, port, config -> { });
    }

    /**
     * A server with every route registered and those {@code others} registers beside them (another
     * driving adapter's pages on the same port), not yet started. Their answers keep their own
     * content when it is a page ({@code text/html}); any other 404 becomes problem+json.
     */
    public Javalin create(String host, int port, Consumer<JavalinConfig> others) {
        return Javalin.create(config -> configure(config, host, port, others));
    }

    private void configure(JavalinConfig config, String host, int port, Consumer<JavalinConfig> others) {
        server(config, host, port);
        new AccessLog(exchanges).register(config);
        config.routes.before(SchedulerApi::answerHeaders);
        config.routes.before(new AllowedMethods(config.unsafe.internalRouter)::refuseHead);
        operationalRoutes(config.routes);
        featureRoutes(config.routes);
        others.accept(config);
        errorPages(config.routes);
    }

    /** Jetty: where it listens, its limits, a graceful stop, and problem+json for its own errors. */
    private void server(JavalinConfig config, String host, int port) {
        config.jetty.host = host;
        config.jetty.port = port;
        config.startup.showJavalinBanner = false;
        config.http.maxRequestSize = RequestBody.MAX_BYTES;
        config.router.ignoreTrailingSlashes = true;
        config.http.prefer405over404 = true;
        config.jetty.modifyServer(server -> {
            server.setStopTimeout(SHUTDOWN_GRACE.toMillis());
            server.insertHandler(new GracefulHandler());
            server.insertHandler(new MethodOverridesIgnored());
            server.setErrorHandler(new ProblemErrorHandler(mapper));
        });
        config.jetty.modifyHttpConfiguration(http -> http.setIdleTimeout(REQUEST_IDLE_TIMEOUT.toMillis()));
    }

    /** The health probes, the metrics and this API's own document: no token, no store. */
    private void operationalRoutes(RoutesConfig routes) {
        routes.get("/health/live", ctx -> answers.ok(ctx, Map.of("status", "up")));
        routes.get("/health/ready", ctx -> {
            var ready = databaseReachable.getAsBoolean();
            answers.json(ctx, ready ? 200 : 503, Map.of("status", ready ? "ready" : "database unreachable"));
        });
        routes.get("/metrics", ctx -> ctx.contentType(METRICS_CONTENT_TYPE).result(metrics.get()));
        var openApi = OpenApiDocument.json();
        var docsPage = OpenApiDocument.docsPage();
        routes.get(OpenApiDocument.JSON_PATH, ctx -> ctx.contentType("application/json").result(openApi));
        routes.get(OpenApiDocument.DOCS_PATH, ctx -> ctx.contentType("text/html; charset=utf-8").result(docsPage));
    }

    /** Every route under {@code /api/v1}, each feature's behind the guard. */
    private void featureRoutes(RoutesConfig routes) {
        var guard = new Guard(useCases.guard(), problems, limits);
        new AccessRoutes(guard, bodies, answers, useCases.access()).register(routes);
        new CatalogueRoutes(guard, bodies, answers, useCases.catalogue()).register(routes);
        new BookingRoutes(guard, bodies, answers, useCases.bookings()).register(routes);
        new BookingListRoutes(guard, answers, useCases.listBookings()).register(routes);
        new PartyRoutes(guard, bodies, answers, useCases.party()).register(routes);
        new SlotRoutes(guard, bodies, answers, useCases.slots()).register(routes);
        new CalendarRoutes(guard, answers, useCases.calendars(),
                new InMemoryRateLimiter(CalendarRoutes.PER_CALENDAR), new InMemoryRateLimiter(CalendarRoutes.KEY_FAILURES)).register(routes);
        new EventRoutes(guard, answers, useCases.events()).register(routes);
        new WebhookRoutes(guard, bodies, answers, useCases.webhooks()).register(routes);
        new AvailabilityRoutes(guard, answers, useCases.availability()).register(routes);
    }

    /** Every failure as problem+json: the routes' exceptions, and Javalin's own 404 and 405. */
    private void errorPages(RoutesConfig routes) {
        routes.exception(Exception.class, problems::handle);
        routes.error(404, "*", ctx -> {
            if (!answeredAlready(ctx.res().getContentType())) {
                problems.write(ctx, 404, "not_found", "no route " + ctx.method() + " " + ctx.path(), Map.of());
            }
        });
        // Javalin writes its own 405 text after the exception's problem: the problem is put back
        routes.error(405, "*", problems::methodNotAllowed);
    }

    /** A 404 that is already problem+json, or another adapter's page, keeps its body. */
    private static boolean answeredAlready(String contentType) {
        return contentType != null && (contentType.startsWith(Problems.CONTENT_TYPE) || contentType.startsWith("text/html"));
    }

    private static void answerHeaders(Context ctx) {
        ctx.header("Cache-Control", Problems.CACHE_CONTROL);
        ctx.header(Problems.NOSNIFF_HEADER, Problems.NOSNIFF);
    }
}
