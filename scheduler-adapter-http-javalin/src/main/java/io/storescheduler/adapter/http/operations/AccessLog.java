package io.storescheduler.adapter.http.operations;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.storescheduler.adapter.http.shared.RequestIds;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One log line per answered request (method, route template, path, status, duration, request id,
 * store id), and the request id in the logging context of every line written while it runs. The
 * query string and the headers are never logged: they can carry a client's name or phone, and
 * the {@code Authorization} header a token.
 */
public record AccessLog(ExchangeListener listener) {

    /** The logging-context key of the request id, on every line written while a request runs. */
    public static final String REQUEST_ID = "request_id";
    private static final Logger LOG = LoggerFactory.getLogger("io.storescheduler.access");

    public void register(JavalinConfig config) {
        config.routes.before(ctx -> MDC.put(REQUEST_ID, RequestIds.assign(ctx)));
        config.requestLogger.http(this::answered);
    }

    private void answered(Context ctx, Float millis) {
        var exchange = new Exchange(Exchange.methodLabel(ctx.method().name()), route(ctx), ctx.path(), ctx.statusCode(), millis,
                RequestIds.of(ctx), storeId(ctx));
        MDC.put(REQUEST_ID, exchange.requestId());
        try {
            var line = LOG.atInfo()
                    .addKeyValue("method", exchange.method())
                    .addKeyValue("route", exchange.route())
                    .addKeyValue("path", exchange.path())
                    .addKeyValue("status", exchange.status())
                    .addKeyValue("duration_ms", rounded(exchange.durationMillis()));
            exchange.storeId().ifPresent(id -> line.addKeyValue("store_id", id));
            line.log("{} {} {} in {} ms", exchange.method(), exchange.path(), exchange.status(), rounded(exchange.durationMillis()));
            listener.exchanged(exchange);
        } finally {
            MDC.remove(REQUEST_ID);
        }
    }

    private static double rounded(double millis) {
        return Math.round(millis * 100) / 100.0;
    }

    private static String route(Context ctx) {
        var endpoint = ctx.endpoints().matchedHttpEndpoint();
        return endpoint == null ? Exchange.UNMATCHED : endpoint.path;
    }

    private static OptionalLong storeId(Context ctx) {
        var raw = ctx.pathParamMap().get("store_id");
        try {
            return raw == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(raw));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
