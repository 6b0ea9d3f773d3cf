package io.storescheduler.adapter.web.signin;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.storescheduler.adapter.web.session.BoardSessions;
import io.storescheduler.adapter.web.shared.BoardGuard;
import io.storescheduler.adapter.web.shared.Desk;
import io.storescheduler.adapter.web.shared.Templates;
import io.storescheduler.adapter.web.shared.Texts;
import io.storescheduler.application.access.Actor;
import io.storescheduler.application.access.AuthenticateActorUseCase;
import io.storescheduler.application.access.ListStoresUseCase;
import io.storescheduler.application.limits.RateLimiter;
import io.storescheduler.application.shared.PageRequest;
import io.storescheduler.domain.store.Store;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Signing in and out, the stores a desk may open, and the language switch. A sign-in takes a
 * staff or admin token once and keeps it on the server; the browser gets only a session cookie
 * ({@code HttpOnly}, {@code SameSite=Strict}, {@code Secure} over HTTPS). Failed sign-ins count
 * against the address's bucket of failed authentications, shared with the API.
 */
public record SignInRoutes(BoardGuard guard, BoardSessions sessions, Templates templates, UseCases useCases, Clock clock) {

    /**
     * What signing in calls: the token's actor, the stores it may see, the failed-authentication
     * limit of an address, and the actor's own rate, which every sign-in takes from as a request.
     */
    public record UseCases(AuthenticateActorUseCase authenticate, ListStoresUseCase stores, RateLimiter failedSignIns,
            RateLimiter perActor) {}

    static final String SIGN_IN_COOKIE = "board_sign_in";
    private static final int MAX_TOKEN_LENGTH = 512;

    public void register(RoutesConfig routes) {
        routes.get("/board", this::home);
        routes.post("/board/login", this::signIn);
        routes.post("/board/logout", guard.form(this::signOut));
        routes.get("/board/language/{code}", this::switchLanguage);
        routes.get("/board/stores/{store_id}", guard.store((ctx, desk) ->
                BoardGuard.redirect(ctx, desk.storePath() + "/days/" + LocalDate.now(clock.withZone(desk.store().timezone())))));
    }

    private void home(Context ctx) throws Exception {
        guard.pageOr(this::stores, c -> signInPage(c, 200, Optional.empty())).handle(ctx);
    }

    /** The board page a sign-in goes on to: the one asked for before it, else the stores. */
    private static String next(String asked) {
        return BoardGuard.isBoardPath(asked) ? asked : "/board";
    }

    private void stores(Context ctx, Desk desk) {
        var stores = useCases.stores().list(desk.actor(), new PageRequest(PageRequest.MAX_LIMIT, 0));
        templates.answer(ctx, 200, "stores.jte", Map.of("t", desk.texts(), "desk", desk,
                "stores", stores.items().stream().map(this::entry).toList(), "more", stores.total() > stores.items().size()));
    }

    /** A store the desk may open, with the path of its day today. */
    public record StoreEntry(String name, String timezone, String todayPath) {}

    private StoreEntry entry(Store store) {
        return new StoreEntry(store.name(), store.timezone().getId(),
                "/board/stores/" + store.id() + "/days/" + LocalDate.now(clock.withZone(store.timezone())));
    }

    void signInPage(Context ctx, int status, Optional<String> error) {
        var texts = BoardGuard.texts(ctx);
        var formToken = BoardSessions.randomToken();
        ctx.res().addHeader("Set-Cookie", cookie(ctx, SIGN_IN_COOKIE, formToken, "/board/login"));
        var parameters = new HashMap<String, Object>(Map.of("t", texts, "formToken", formToken,
                "next", next(Optional.ofNullable(ctx.queryParam("next")).orElse(ctx.formParam("next")))));
        error.ifPresent(e -> parameters.put("error", texts.get(e)));
        templates.answer(ctx, status, "signin.jte", parameters);
    }

    private void signIn(Context ctx) {
        var formToken = ctx.formParam(BoardGuard.CSRF_FIELD);
        if (formToken == null || !formToken.equals(ctx.cookie(SIGN_IN_COOKIE))) {
            signInPage(ctx, 403, Optional.of("signin.expired"));
            return;
        }
        var token = Optional.ofNullable(ctx.formParam("token")).map(String::strip).filter(t -> !t.isEmpty() && t.length() <= MAX_TOKEN_LENGTH);
        var actor = token.flatMap(t -> authenticate(ctx, t));
        if (actor.isEmpty()) {
            failed(ctx);
            return;
        }
        if (!useCases.perActor().take(Long.toString(actor.get().id())).allowed()) {
            signInPage(ctx, 429, Optional.of("signin.too_many"));
            return;
        }
        var session = sessions.open(actor.get().id(), token.get());
        ctx.res().addHeader("Set-Cookie", cookie(ctx, BoardGuard.SESSION_COOKIE, session.id(), "/board"));
        BoardGuard.redirect(ctx, next(ctx.formParam("next")));
    }

    private Optional<Actor> authenticate(Context ctx, String token) {
        return useCases.failedSignIns().hasRoom(ctx.ip())
                ? useCases.authenticate().authenticate(token)
                : useCases.authenticate().authenticateWithoutLookup(token);
    }

    private void failed(Context ctx) {
        var decision = useCases.failedSignIns().take(ctx.ip());
        if (decision.allowed()) {
            signInPage(ctx, 401, Optional.of("signin.unknown_token"));
        } else {
            ctx.header("Retry-After", Long.toString(Math.max(1, decision.secondsToRetry())));
            signInPage(ctx, 429, Optional.of("signin.too_many"));
        }
    }

    private void signOut(Context ctx, Desk desk) {
        sessions.close(desk.session().id());
        ctx.res().addHeader("Set-Cookie", BoardGuard.SESSION_COOKIE + "=; Path=/board; Max-Age=0; HttpOnly; SameSite=Strict");
        BoardGuard.redirect(ctx, "/board");
    }

    /** Remembers the language chosen, in a cookie, and goes back to the board page it was chosen on. */
    private void switchLanguage(Context ctx) {
        var language = Texts.Language.ofCode(ctx.pathParam("code")).orElse(Texts.Language.EN);
        var back = Optional.ofNullable(ctx.queryParam("back")).filter(BoardGuard::isBoardPath).orElse("/board");
        ctx.res().addHeader("Set-Cookie", BoardGuard.LANGUAGE_COOKIE + "=" + language.code() + "; Path=/board; Max-Age=31536000; SameSite=Strict");
        ctx.status(303).header("Location", back);
    }

    static String cookie(Context ctx, String name, String value, String path) {
        var secure = "https".equalsIgnoreCase(ctx.scheme()) ? "; Secure" : "";
        return name + "=" + value + "; Path=" + path + "; HttpOnly; SameSite=Strict" + secure;
    }
}
