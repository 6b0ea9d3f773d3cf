package io.storescheduler.adapter.http.shared;

import io.javalin.http.Context;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Every request has an id, answered in the {@code X-Request-Id} header and written on its log
 * lines: the caller's own when it sends a usable one (1..128 letters, digits and {@code . _ : -}),
 * so one id follows a request through the caller's systems too; else a new random one. An unusable
 * id is replaced, not refused: it is a tracing aid, not part of the request.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = "scheduler.request-id";
    private static final Pattern USABLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {}

    /** Gives the request its id, answers it in the header, and returns it. */
    public static String assign(Context ctx) {
        var sent = ctx.header(HEADER);
        var id = sent != null && USABLE.matcher(sent).matches() ? sent : newId();
        ctx.attribute(ATTRIBUTE, id);
        ctx.header(HEADER, id);
        return id;
    }

    /** A new id, for a request that sent none it can keep, or that never reached a route (Jetty's own refusals). */
    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /** The id {@link #assign} gave the request, or null before that. */
    public static String of(Context ctx) {
        return ctx.attribute(ATTRIBUTE);
    }
}
