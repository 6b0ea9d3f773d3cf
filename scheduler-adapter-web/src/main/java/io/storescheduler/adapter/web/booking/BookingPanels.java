package io.storescheduler.adapter.web.booking;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.storescheduler.adapter.web.shared.BoardGuard;
import io.storescheduler.adapter.web.shared.Forms;
import io.storescheduler.adapter.web.shared.StoreDesk;
import io.storescheduler.adapter.web.shared.Templates;
import io.storescheduler.application.booking.BookingView;
import io.storescheduler.application.booking.GetBookingUseCase;
import io.storescheduler.application.catalogue.ManageClientsUseCase;
import io.storescheduler.application.catalogue.ManageDmsUseCase;
import io.storescheduler.application.catalogue.ManageRoomsUseCase;
import io.storescheduler.application.catalogue.ManageScriptsUseCase;
import io.storescheduler.application.shared.Outcome;
import io.storescheduler.domain.booking.Booking;
import io.storescheduler.domain.booking.CharacterClientMatch;
import io.storescheduler.domain.catalogue.Client;
import io.storescheduler.domain.catalogue.Dm;
import io.storescheduler.domain.catalogue.Room;
import io.storescheduler.domain.catalogue.Script;
import io.storescheduler.domain.catalogue.ScriptCharacter;
import io.storescheduler.domain.id.BookingId;
import io.storescheduler.domain.id.CharacterId;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A booking's panel, opened from its block: as a fragment for htmx ({@code .../panel}), or inside
 * the day's page when the day is asked for with {@code booking}. Reads the booking and what it
 * names (script, clients, room, DMs) through the use cases the API reads them with.
 */
public record BookingPanels(BoardGuard guard, Templates templates, UseCases useCases) {

    /** What a panel is read through. */
    public record UseCases(GetBookingUseCase get, ManageScriptsUseCase scripts, ManageClientsUseCase clients,
            ManageRoomsUseCase rooms, ManageDmsUseCase dms) {}

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    public void register(RoutesConfig routes) {
        routes.get("/board/stores/{store_id}/bookings/{booking_id}/panel", guard.store(this::fragment));
    }

    private void fragment(Context ctx, StoreDesk desk) {
        switch (useCases.get().get(desk.store().id(), Forms.pathId(ctx, "booking_id", BookingId::new))) {
            case Outcome.Done<BookingView>(var view) -> templates.answer(ctx, 200, "panel.jte",
                    Map.of("t", desk.texts(), "desk", desk, "panel", panel(desk, view, dayPath(desk, view.booking()))));
            case Outcome.Refused<BookingView>(var refusal) -> guard.refusedPage(ctx, desk.texts(), refusal);
        }
    }

    /** The path of the day the booking starts on, in the store's time zone. */
    public static String dayPath(StoreDesk desk, Booking booking) {
        return desk.storePath() + "/days/" + LocalDate.ofInstant(booking.startAt(), desk.store().timezone());
    }

    /** The panel of booking {@code id} of the desk's store, or empty when the store has no such booking. */
    public Optional<BookingPanel> panel(StoreDesk desk, BookingId id, String dayPath) {
        return switch (useCases.get().get(desk.store().id(), id)) {
            case Outcome.Done<BookingView>(var view) -> Optional.of(panel(desk, view, dayPath));
            case Outcome.Refused<BookingView> refused -> Optional.empty();
        };
    }

    BookingPanel panel(StoreDesk desk, BookingView view, String dayPath) {
        var booking = view.booking();
        var texts = desk.texts();
        var zone = desk.store().timezone();
        var script = Optional.ofNullable(booking.scriptId()).flatMap(id -> done(useCases.scripts().getScript(desk.store().id(), id)));
        var start = booking.startAt().atZone(zone);
        var time = TIME.format(start) + (booking.endAt() == null ? "" : "–" + TIME.format(booking.endAt().atZone(zone)));
        return new BookingPanel(booking.id().value(), booking.status().code(), texts.get("status." + booking.status().code()),
                script.map(Script::name).orElse(texts.get("booking.no_script")), start.toLocalDate().toString(), time,
                TIME.format(start), roomName(desk, booking), booking.version(), Optional.ofNullable(booking.note()).orElse(""),
                party(desk, booking, script), dms(desk, booking), view.conflicts().hasConflict(),
                conflictText(desk, view), dayPath, desk.storePath() + "/bookings/" + booking.id());
    }

    private String roomName(StoreDesk desk, Booking booking) {
        return Optional.ofNullable(booking.roomId()).flatMap(id -> done(useCases.rooms().getRoom(desk.store().id(), id)))
                .map(Room::name).orElse("");
    }

    private List<BookingPanel.PartyLine> party(StoreDesk desk, Booking booking, Optional<Script> script) {
        return booking.clientIds().stream().map(clientId -> new BookingPanel.PartyLine(clientId.value(),
                done(useCases.clients().getClient(desk.store().id(), clientId)).map(Client::name).orElse("#" + clientId),
                booking.clientMatches().stream().filter(m -> m.clientId().equals(clientId)).findFirst()
                        .map(CharacterClientMatch::characterId).flatMap(c -> characterName(script, c)).orElse(""))).toList();
    }

    private List<String> dms(StoreDesk desk, Booking booking) {
        return booking.dmMatches().stream().map(match -> done(useCases.dms().getDm(desk.store().id(), match.dmId()))
                .map(Dm::name).orElse("#" + match.dmId())).toList();
    }

    private String conflictText(StoreDesk desk, BookingView view) {
        if (!view.conflicts().hasConflict()) {
            return "";
        }
        var ids = view.conflicts().bookingIds().stream().map(id -> "#" + id).toList();
        return desk.texts().get("block.clashes", String.join(", ", ids));
    }

    private static Optional<String> characterName(Optional<Script> script, CharacterId id) {
        return script.flatMap(s -> s.characters().stream().filter(c -> c.id().equals(id)).findFirst()).map(ScriptCharacter::name);
    }

    private static <T> Optional<T> done(Outcome<T> outcome) {
        return outcome instanceof Outcome.Done<T>(var value) ? Optional.of(value) : Optional.empty();
    }
}
