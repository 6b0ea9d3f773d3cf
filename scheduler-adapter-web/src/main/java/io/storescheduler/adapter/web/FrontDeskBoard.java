package io.storescheduler.adapter.web;

import com.github.benmanes.caffeine.cache.Ticker;
import io.javalin.config.JavalinConfig;
import io.storescheduler.adapter.web.booking.BookingPanels;
import io.storescheduler.adapter.web.day.DayRoutes;
import io.storescheduler.adapter.web.session.BoardSessions;
import io.storescheduler.adapter.web.shared.Assets;
import io.storescheduler.adapter.web.shared.BoardGuard;
import io.storescheduler.adapter.web.shared.Templates;
import io.storescheduler.adapter.web.signin.SignInRoutes;
import java.time.Clock;
import java.time.Duration;

/**
 * The front desk's day board: server-rendered pages under {@code /board} on the API's own server,
 * calling the same use cases the API calls. A second driving adapter beside the REST one, which it
 * knows nothing of: it signs a desk in with a token, keeps the session on the server, and draws a
 * store's day with its bookings, their conflicts and their actions.
 */
public final class FrontDeskBoard {

    /** A session is forgotten after this long without a request. */
    public static final Duration DEFAULT_IDLE = Duration.ofMinutes(30);

    /** Everything the board calls, by page. */
    public record UseCases(BoardGuard.Access access, SignInRoutes.UseCases signIn, DayRoutes.UseCases day,
            BookingPanels.UseCases panels) {}

    private final UseCases useCases;
    private final Clock clock;
    private final BoardSessions sessions;
    private final Templates templates = new Templates();

    public FrontDeskBoard(UseCases useCases, Clock clock, Duration idle) {
        this(useCases, clock, new BoardSessions(idle, Ticker.systemTicker()));
    }

    /** A board whose sessions are {@code sessions}: a test gives them a ticker of its own. */
    public FrontDeskBoard(UseCases useCases, Clock clock, BoardSessions sessions) {
        this.useCases = useCases;
        this.clock = clock;
        this.sessions = sessions;
    }

    /** Registers the board's routes and assets on the server {@code config} builds. */
    public void register(JavalinConfig config) {
        var routes = config.routes;
        var guard = new BoardGuard(useCases.access(), sessions, templates);
        var panels = new BookingPanels(guard, templates, useCases.panels());
        new Assets().register(routes);
        new SignInRoutes(guard, sessions, templates, useCases.signIn(), clock).register(routes);
        new DayRoutes(guard, sessions, templates, useCases.day(), panels, clock).register(routes);
        panels.register(routes);
    }
}
