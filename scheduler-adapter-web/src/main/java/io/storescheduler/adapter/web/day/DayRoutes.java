package io.storescheduler.adapter.web.day;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.storescheduler.adapter.web.booking.BookingPanels;
import io.storescheduler.adapter.web.session.BoardSessions;
import io.storescheduler.adapter.web.shared.BoardGuard;
import io.storescheduler.adapter.web.shared.Forms;
import io.storescheduler.adapter.web.shared.StoreDesk;
import io.storescheduler.adapter.web.shared.Templates;
import io.storescheduler.application.booking.BookingFilter;
import io.storescheduler.application.booking.ListBookingsUseCase;
import io.storescheduler.application.booking.ListBookingsUseCase.ListBookingsQuery;
import io.storescheduler.application.catalogue.ManageDmsUseCase;
import io.storescheduler.application.catalogue.ManageRoomsUseCase;
import io.storescheduler.application.catalogue.ManageScriptsUseCase;
import io.storescheduler.application.shared.Page;
import io.storescheduler.domain.booking.BookingStatus;
import io.storescheduler.domain.catalogue.Script;
import io.storescheduler.domain.id.BookingId;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The day's page, {@code /board/stores/{store_id}/days/{yyyy-mm-dd}}: the store's rooms (or, with
 * {@code view=dms}, its DMs) against the day's local time, with the open booking's panel when
 * {@code booking} names one.
 */
public record DayRoutes(BoardGuard guard, BoardSessions sessions, Templates templates, UseCases useCases, BookingPanels panels,
        Clock clock) {

    /** What a day is read through: the store's catalogue and its bookings. */
    public record UseCases(ManageRoomsUseCase rooms, ManageScriptsUseCase scripts, ManageDmsUseCase dms, ListBookingsUseCase bookings) {}

    public static final String DAY = "/board/stores/{store_id}/days/{day}";

    public void register(RoutesConfig routes) {
        routes.get(DAY, guard.store(this::day));
    }

    private void day(Context ctx, StoreDesk desk) {
        var day = Forms.date("day", ctx.pathParam("day"));
        var dmView = "dms".equals(ctx.queryParam("view"));
        var data = load(desk, day);
        var path = dayPath(desk, day);
        var layout = new DayLayout(data, desk.texts(), path, dmView);
        var axis = layout.axis();
        var panel = ctx.queryParam("booking") == null ? null
                : panels.panel(desk, Forms.queryId(ctx, "booking", BookingId::new), path).orElse(null);
        var page = new DayPage(desk, day.toString(), label(desk, day), path, dayPath(desk, day.minusDays(1)),
                dayPath(desk, day.plusDays(1)), dayPath(desk, LocalDate.now(clock.withZone(desk.store().timezone()))), dmView,
                axis, layout.lanes(axis), layout.side(BookingStatus.INCOMPLETE), layout.side(BookingStatus.CANCELLED),
                sessions.takeFlash(desk.desk().session()).orElse(null), panel);
        var parameters = new HashMap<String, Object>(Map.of("t", desk.texts(), "page", page));
        templates.answer(ctx, 200, "day.jte", parameters);
    }

    DayData load(StoreDesk desk, LocalDate day) {
        var storeId = desk.store().id();
        var filter = new BookingFilter(Set.of(), DayData.start(desk.store(), day), DayData.start(desk.store(), day.plusDays(1)),
                null, null, null);
        var scripts = Page.all(page -> useCases.scripts().listScripts(storeId, page)).stream()
                .collect(Collectors.toMap(Script::id, Function.identity()));
        return new DayData(desk.store(), day, Page.all(page -> useCases.rooms().listRooms(storeId, page)),
                Page.all(page -> useCases.dms().listDms(storeId, page)), scripts,
                Page.all(page -> useCases.bookings().list(new ListBookingsQuery(storeId, filter, page))));
    }

    public static String dayPath(StoreDesk desk, LocalDate day) {
        return desk.storePath() + "/days/" + day;
    }

    private static String label(StoreDesk desk, LocalDate day) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(desk.texts().language().locale()).format(day);
    }
}
