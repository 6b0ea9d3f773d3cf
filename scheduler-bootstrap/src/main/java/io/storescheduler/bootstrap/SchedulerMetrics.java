package io.storescheduler.bootstrap;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.storescheduler.adapter.http.operations.Exchange;
import io.storescheduler.application.booking.ConfirmBookingUseCase;
import io.storescheduler.domain.webhook.DeliveryPolicy;
import java.time.Duration;
import java.util.function.DoubleSupplier;
import java.util.function.IntSupplier;

/**
 * The service's meters, served at {@code /metrics} in the Prometheus text format: the JVM, the
 * connection pool, every HTTP exchange by route template and status, and confirm outcomes. They
 * are wired here, around the rings, so neither the application nor the adapters know Micrometer.
 */
public final class SchedulerMetrics implements AutoCloseable {

    private static final Duration[] LATENCY_BUCKETS = {
        Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
        Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
        Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    public SchedulerMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        gc.bindTo(registry);
    }

    /** The pool's connections (active, idle, pending, timeouts, acquire times) as {@code hikaricp_*}. */
    public void watch(HikariDataSource pool) {
        pool.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
    }

    /** {@code http_server_requests_seconds{method, route, status}}, a latency histogram per route template. */
    void record(Exchange exchange) {
        Timer.builder("http.server.requests")
                .description("HTTP requests answered, by route template and status")
                .tags("method", exchange.method(), "route", exchange.route(), "status", String.valueOf(exchange.status()))
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .register(registry)
                .record(Duration.ofNanos(Math.round(exchange.durationMillis() * 1_000_000)));
    }

    /** {@code confirm} with its outcomes counted and the conflicts of each booking it schedules measured. */
    ConfirmBookingUseCase counted(ConfirmBookingUseCase confirm) {
        return new MeteredConfirmBooking(confirm, registry);
    }

    /** {@code scheduler_webhook_deliveries_total{outcome}}: delivered, retrying (failed, tried again later) or disabled. */
    void webhookDelivery(DeliveryPolicy.Decision decision) {
        var outcome = switch (decision) {
            case DeliveryPolicy.Decision.Delivered delivered -> "delivered";
            case DeliveryPolicy.Decision.RetryAt retry -> "retrying";
            case DeliveryPolicy.Decision.Disable disable -> "disabled";
        };
        Counter.builder("scheduler.webhook.deliveries")
                .description("Webhook delivery attempts, by what followed them")
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }

    /**
     * {@code scheduler_outbox_lag_seconds}: how long the oldest event still owed to an enabled
     * webhook has waited, read from the database at each scrape; NaN while it cannot be read.
     */
    void watchOutboxLag(DoubleSupplier oldestOwedSeconds) {
        Gauge.builder("scheduler.outbox.lag", () -> {
                    try {
                        return oldestOwedSeconds.getAsDouble();
                    } catch (RuntimeException unreadable) {
                        return Double.NaN;
                    }
                })
                .description("Age of the oldest event not yet delivered to an enabled webhook")
                .baseUnit("seconds")
                .register(registry);
    }

    /** {@code scheduler_event_feed_waiting}: the readers of the event feed this instance holds waiting. */
    void watchWaitingReaders(IntSupplier waiting) {
        Gauge.builder("scheduler.event.feed.waiting", waiting::getAsInt)
                .description("Readers of the event feed waiting for events")
                .register(registry);
    }

    String scrape() {
        return registry.scrape();
    }

    MeterRegistry registry() {
        return registry;
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
