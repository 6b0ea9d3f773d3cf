package io.storescheduler.adapter.http.access;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.storescheduler.adapter.http.limits.RequestLimits;
import io.storescheduler.adapter.http.shared.ApiProblem;
import io.storescheduler.adapter.http.shared.Idempotency;
import io.storescheduler.adapter.http.shared.Parameters;
import io.storescheduler.adapter.http.shared.Problems;
import io.storescheduler.application.access.Actor;
import io.storescheduler.application.access.AuthenticateActorUseCase;
import io.storescheduler.application.access.AuthorizeStoreUseCase;
import io.storescheduler.application.idempotency.IdempotencyKey;
import io.storescheduler.application.idempotency.IdempotencyUseCase;
import io.storescheduler.application.shared.Outcome;
import io.storescheduler.application.shared.Refusal;
import io.storescheduler.domain.id.StoreId;
import io.storescheduler.domain.store.Store;
import java.util.List;

/**
 * Authentication and the store check, before anything else about a request is looked at: no or an
 * unknown token is a 401, a store the actor is not allowed for a 403, whatever the body or ids. The
 * rate limits are applied here as well (429): per actor once it is known, per client address for
 * failed authentications.
 * Routes that create something are made safe to retry here too, as only the guard knows the
 * caller an {@code Idempotency-Key} belongs to.
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

    /** The use cases the guard calls: who the caller is, whether they may act on the store, and replays of creations. */
    public record UseCases(
            AuthenticateActorUseCase authenticate,
            AuthorizeStoreUseCase authorize,
            IdempotencyUseCase idempotency) {}

    private static final String BEARER = "bearer ";

    private final AuthenticateActorUseCase authenticate;
    private final AuthorizeStoreUseCase authorize;
    private final Idempotency idempotency;
    private final RequestLimits limits;
    private final Problems problems;

    public Guard(UseCases useCases, Problems problems, RequestLimits limits) {
        this.authenticate = useCases.authenticate();
        this.authorize = useCases.authorize();
        this.idempotency = new Idempotency(useCases.idempotency(), problems);
        this.limits = limits;
        this.problems = problems;
    }

    public Handler store(StoreHandler handler) {
        return ctx -> {
            switch (authorized(ctx, actor(ctx))) {
                case Outcome.Done<Store>(var store) -> handler.handle(ctx, store);
                case Outcome.Refused<Store>(var refusal) -> problems.refuse(ctx, refusal);
            }
        };
    }

    /** Like {@link #store}, for a POST that creates something: an {@code Idempotency-Key} makes it safe to retry. */
    public Handler storeCreation(StoreHandler handler) {
        return ctx -> {
            var actor = actor(ctx);
            switch (authorized(ctx, actor)) {
                case Outcome.Done<Store>(var store) -> idempotency.run(ctx, actor.id(), store.id(), () -> handler.handle(ctx, store));
                case Outcome.Refused<Store>(var refusal) -> problems.refuse(ctx, refusal);
            }
        };
    }

    public Handler admin(Handler handler) {
        return ctx -> {
            switch (adminActor(ctx)) {
                case Outcome.Done<Actor> allowed -> handler.handle(ctx);
                case Outcome.Refused<Actor>(var refusal) -> problems.refuse(ctx, refusal);
            }
        };
    }

    /** Like {@link #admin}, for a POST that creates something: an {@code Idempotency-Key} makes it safe to retry. */
    public Handler adminCreation(Handler handler) {
        return ctx -> {
            switch (adminActor(ctx)) {
                case Outcome.Done<Actor>(var admin) -> idempotency.run(ctx, admin.id(), IdempotencyKey.NO_STORE, () -> handler.handle(ctx));
                case Outcome.Refused<Actor>(var refusal) -> problems.refuse(ctx, refusal);
            }
        };
    }

    public Handler authenticated(ActorHandler handler) {
        return ctx -> handler.handle(ctx, actor(ctx));
    }

    private Outcome<Actor> adminActor(Context ctx) {
        return Outcome.done(actor(ctx)).ensure(Actor::admin, actor -> Refusal.forbidden("this route is for admins"));
    }

    private Outcome<Store> authorized(Context ctx, Actor actor) {
        return storeId(ctx, actor).flatMap(storeId -> authorize.authorize(actor, storeId));
    }

    private Actor actor(Context ctx) {
        var address = ctx.ip();
        var header = ctx.header("Authorization");
        if (header == null || header.length() <= BEARER.length() || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw limits.failedAuthentication(address, unauthorized("send Authorization: Bearer <token>"));
        }
        var token = header.substring(BEARER.length()).trim();
        var found = limits.mayLookUpTokensFrom(address) ? authenticate.authenticate(token) : authenticate.authenticateWithoutLookup(token);
        var actor = found.orElseThrow(() -> limits.failedAuthentication(address, unauthorized("the token is unknown or revoked")));
        limits.admit(actor);
        return actor;
    }

    /** The path's store id. One that is no number is forbidden to a staff token, as any store not theirs is, and not found for an admin. */
    private static Outcome<StoreId> storeId(Context ctx, Actor actor) {
        var raw = ctx.pathParam("store_id");
        var id = Parameters.positiveLong(raw);
        if (id.isPresent()) {
            return Outcome.done(new StoreId(id.getAsLong()));
        }
        if (!actor.admin()) {
            return Outcome.refused(Refusal.forbidden("this token is not allowed for store '" + raw + "'"));
        }
        throw ApiProblem.notFound("no store '" + raw + "'");
    }

    private static ApiProblem unauthorized(String detail) {
        return new ApiProblem(401, "unauthorized", detail, List.of());
    }
}
