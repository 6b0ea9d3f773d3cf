package io.storescheduler.adapter.http.shared;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.MethodNotAllowedResponse;
import io.javalin.router.InternalRouter;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * HEAD is answered like any method a path has no route for: 405 with {@code Allow}. Left to
 * Javalin, a HEAD on a GET route answers an empty 200 without running the route, and so without
 * its token check; running the GET instead would do a whole read to send no body. The document
 * offers no HEAD, and RFC 9110 lets a resource refuse a method it does not support.
 */
public record AllowedMethods(InternalRouter router) {

    /** A before-handler: a HEAD on a known path is refused; on an unknown one it goes on to the 404. */
    public void refuseHead(Context ctx) {
        if (!ctx.method().equals(HandlerType.HEAD)) {
            return;
        }
        var allowed = HandlerType.values().stream()
                .filter(method -> method.isHttpMethod() && router.findFirstHttpHandlerEntry(method, ctx.path()) != null)
                .map(HandlerType::name)
                .collect(Collectors.joining(","));
        if (!allowed.isEmpty()) {
            throw new MethodNotAllowedResponse("", Map.of("availableMethods", allowed));
        }
    }
}
