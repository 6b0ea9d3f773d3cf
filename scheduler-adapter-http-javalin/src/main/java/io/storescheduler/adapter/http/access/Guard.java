package io.storescheduler.adapter.http.access;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.storescheduler.adapter.http.shared.ApiProblem;
import io.storescheduler.application.access.Actor;
import io.storescheduler.application.access.AuthenticateActorUseCase;
import io.storescheduler.application.access.AuthorizeStoreUseCase;
import io.storescheduler.application.shared.UseCaseFailure;
import io.storescheduler.domain.store.Store;
import java.util.List;

/**
 * Authentication and the store check, before anything else about a request is looked at: no or an
 * unknown token is a 401, a store the actor is not allowed for a 403, whatever the body or ids.
 */
public final class Guard {

    /** A handler of a route under {@code /stores/{store_id}}, given the store the caller may act on. */
    @FunctionalInterface
    public interface StoreHandler {
        void handle(Context ctx, Store store) throws Exception;
    }

    /** A handler given the authenticated caller. */
    @FunctionalInterface
    public interface ActorHandler {
        void handle(Context ctx, Actor actor) throws Exception;
    }

    private static final String BEARER = "bearer ";

    private final AuthenticateActorUseCase authenticate;
    private final AuthorizeStoreUseCase authorize;

    public Guard(AuthenticateActorUseCase authenticate, AuthorizeStoreUseCase authorize) {
        this.authenticate = authenticate;
        this.authorize = authorize;
    }

    public Handler store(StoreHandler handler) {
        return ctx -> {
            var actor = actor(ctx);
            handler.handle(ctx, authorize.authorize(actor, storeId(ctx, actor)));
        };
    }

    public Handler admin(Handler handler) {
        return ctx -> {
            if (!actor(ctx).admin()) {
                throw UseCaseFailure.forbidden("this route is for admins");
            }
            handler.handle(ctx);
        };
    }

    public Handler authenticated(ActorHandler handler) {
        return ctx -> handler.handle(ctx, actor(ctx));
    }

    private Actor actor(Context ctx) {
        var header = ctx.header("Authorization");
        if (header == null || header.length() <= BEARER.length() || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw unauthorized("send Authorization: Bearer <token>");
        }
        return authenticate.authenticate(header.substring(BEARER.length()).trim())
                .orElseThrow(() -> unauthorized("the token is unknown or revoked"));
    }

    private static long storeId(Context ctx, Actor actor) {
        try {
            return Long.parseLong(ctx.pathParam("store_id"));
        } catch (NumberFormatException e) {
            if (!actor.admin()) {
                throw UseCaseFailure.forbidden("this token is not allowed for store '" + ctx.pathParam("store_id") + "'");
            }
            throw ApiProblem.notFound("no store '" + ctx.pathParam("store_id") + "'");
        }
    }

    private static ApiProblem unauthorized(String detail) {
        return new ApiProblem(401, "unauthorized", detail, List.of());
    }
}
