package io.storescheduler.adapter.web.shared;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.storescheduler.adapter.web.session.BoardSession;
import io.storescheduler.adapter.web.session.BoardSessions;
import io.storescheduler.application.access.AuthenticateActorUseCase;
import io.storescheduler.application.access.AuthorizeStoreUseCase;
import io.storescheduler.application.limits.RateLimiter;
import io.storescheduler.application.shared.Outcome;
import io.storescheduler.application.shared.Refusal;
import io.storescheduler.application.shared.UseCaseFailure;
import io.storescheduler.domain.id.StoreId;
import io.storescheduler.domain.store.Store;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What stands before every board page, as the API's guard stands before its routes: the session
 * (none, expired or revoked: the sign-in page), the actor's rate limit, shared with the API, the
 * store of the path (another store's page is a 403 page, as the API answers 403), and the CSRF
 * token of every form post. Failures become pages in the desk's language; no exception escapes.
 */
public record BoardGuard(BoardGuard.Access access, BoardSessions sessions, Templates templates) {

    public static final String SESSION_COOKIE = "board_session";
    public static final String LANGUAGE_COOKIE = "board_lang";
    public static final String CSRF_FIELD = "_csrf";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    private static final Logger LOG = LoggerFactory.getLogger(BoardGuard.class);

    @FunctionalInterface
    public interface DeskHandler {
        void handle(Context ctx, Desk desk) throws Exception;
    }

    @FunctionalInterface
    public interface StoreHandler {
        void handle(Context ctx, StoreDesk desk) throws Exception;
    }

    /** The use cases the guard calls, and the API's per-actor rate limit. */
    public record Access(AuthenticateActorUseCase authenticate, AuthorizeStoreUseCase authorize, RateLimiter perActor) {}

    /** A page of a signed-in desk; without a session, the sign-in page, which comes back to the page asked for after it. */
    public Handler page(DeskHandler handler) {
        return pageOr(handler, ctx -> redirect(ctx, "GET".equals(ctx.method().name()) ? signInFor(ctx) : "/board"));
    }

    private static String signInFor(Context ctx) {
        var asked = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
        return "/board?next=" + java.net.URLEncoder.encode(asked, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Only a path of the board's own: never another host, so no redirect the board makes can lead elsewhere. */
    public static boolean isBoardPath(String path) {
        return path != null && path.startsWith("/board") && !path.startsWith("//")
                && path.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '\\');
    }

    /** A page of a signed-in desk, or {@code signedOut} without a session. */
    public Handler pageOr(DeskHandler handler, Handler signedOut) {
        return ctx -> answering(ctx, () -> {
            var desk = desk(ctx);
            if (desk.isEmpty()) {
                signedOut.handle(ctx);
                return;
            }
            handler.handle(ctx, desk.get());
        });
    }

    /** A page of the path's store, for a desk allowed for it. */
    public Handler store(StoreHandler handler) {
        return page((ctx, desk) -> {
            var storeId = Forms.pathId(ctx, "store_id", StoreId::new);
            switch (access.authorize().authorize(desk.actor(), storeId)) {
                case Outcome.Done<Store>(var store) -> handler.handle(ctx, new StoreDesk(desk, store));
                case Outcome.Refused<Store>(var refusal) -> refusedPage(ctx, desk.texts(), refusal);
            }
        });
    }

    /** A form post of the path's store: refused with a 403 page unless it carries the session's CSRF token. */
    public Handler storeForm(StoreHandler handler) {
        return store((ctx, desk) -> {
            if (!csrfGiven(ctx, desk.desk().session())) {
                problem(ctx, desk.texts(), 403, "problem.csrf");
                return;
            }
            handler.handle(ctx, desk);
        });
    }

    /** A form post of a signed-in desk, checked for its CSRF token. */
    public Handler form(DeskHandler handler) {
        return page((ctx, desk) -> {
            if (!csrfGiven(ctx, desk.session())) {
                problem(ctx, desk.texts(), 403, "problem.csrf");
                return;
            }
            handler.handle(ctx, desk);
        });
    }

    /** The desk of this request's session, if it has one whose token still names an actor; a revoked one is closed. */
    public Optional<Desk> desk(Context ctx) {
        var session = sessions.find(ctx.cookie(SESSION_COOKIE));
        if (session.isEmpty()) {
            return Optional.empty();
        }
        var actor = access.authenticate().authenticate(session.get().bearerToken());
        if (actor.isEmpty()) {
            sessions.close(session.get().id());
            return Optional.empty();
        }
        var decision = access.perActor().take(Long.toString(actor.get().id()));
        if (!decision.allowed()) {
            throw new RateLimitedPage(decision.secondsToRetry());
        }
        return Optional.of(new Desk(session.get(), actor.get(), texts(ctx)));
    }

    /** The words for this request: the language the desk switched to, else the browser's. */
    public static Texts texts(Context ctx) {
        var chosen = Texts.Language.ofCode(String.valueOf(ctx.cookie(LANGUAGE_COOKIE)));
        return Texts.of(chosen.orElseGet(() -> Texts.fromAcceptLanguage(ctx.header("Accept-Language"))));
    }

    /** After a post: a 303 to {@code location}, or for htmx, which would follow a 303 inside the page, its own redirect header. */
    public static void redirect(Context ctx, String location) {
        if ("true".equals(ctx.header("HX-Request"))) {
            ctx.status(204).header("HX-Redirect", location);
        } else {
            ctx.status(303).header("Location", location);
        }
    }

    public void refusedPage(Context ctx, Texts texts, Refusal refusal) {
        switch (refusal.kind()) {
            case FORBIDDEN -> problem(ctx, texts, 403, "problem.forbidden");
            case NOT_FOUND -> problem(ctx, texts, 404, "problem.not_found");
            default -> problem(ctx, texts, 409, "problem.conflict");
        }
    }

    public void problem(Context ctx, Texts texts, int status, String key) {
        templates.answer(ctx, status, "problem.jte", Map.of("t", texts, "status", status,
                "title", texts.get(key + ".title"), "message", texts.get(key + ".message")));
    }

    private boolean csrfGiven(Context ctx, BoardSession session) {
        var given = ctx.header(CSRF_HEADER);
        return BoardSessions.csrfMatches(session, given != null ? given : ctx.formParam(CSRF_FIELD));
    }

    private interface Body {
        void run() throws Exception;
    }

    private void answering(Context ctx, Body body) throws Exception {
        try {
            body.run();
        } catch (BadInput e) {
            templates.answer(ctx, 400, "problem.jte", Map.of("t", texts(ctx), "status", 400,
                    "title", texts(ctx).get("problem.bad_input.title"), "message", e.getMessage()));
        } catch (RateLimitedPage e) {
            ctx.header("Retry-After", Long.toString(Math.max(1, e.secondsToRetry)));
            problem(ctx, texts(ctx), 429, "problem.rate_limited");
        } catch (UseCaseFailure e) {
            failure(ctx, e);
        }
    }

    private void failure(Context ctx, UseCaseFailure e) {
        if (e.kind() == UseCaseFailure.Kind.UNAVAILABLE) {
            ctx.header("Retry-After", "5");
            problem(ctx, texts(ctx), 503, "problem.unavailable");
            return;
        }
        LOG.info("board request refused at the database: {} {}", e.code(), e.getMessage());
        problem(ctx, texts(ctx), 409, "problem.conflict");
    }

    private static final class RateLimitedPage extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final long secondsToRetry;

        RateLimitedPage(long secondsToRetry) {
            super(null, null, false, false);
            this.secondsToRetry = secondsToRetry;
        }
    }
}
