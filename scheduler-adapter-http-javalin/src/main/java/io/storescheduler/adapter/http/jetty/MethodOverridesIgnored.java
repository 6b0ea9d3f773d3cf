package io.storescheduler.adapter.http.jetty;

import java.util.List;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The method of a request is its request line's. Javalin takes {@code X-HTTP-Method-Override} for
 * the method when it is sent, so a GET (which proxies, caches and browsers treat as safe) could
 * revoke an actor or cancel a booking; these headers are taken off every request before it gets
 * there, the similar ones other frameworks honour included.
 */
public final class MethodOverridesIgnored extends Handler.Wrapper {

    static final List<String> HEADERS = List.of("X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override");

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (HEADERS.stream().noneMatch(request.getHeaders()::contains)) {
            return super.handle(request, response, callback);
        }
        var headers = HttpFields.build(request.getHeaders());
        HEADERS.forEach(headers::remove);
        var withoutOverrides = headers.asImmutable();
        return super.handle(new Request.Wrapper(request) {
            @Override
            public HttpFields getHeaders() {
                return withoutOverrides;
            }
        }, response, callback);
    }
}
