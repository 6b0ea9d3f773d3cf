package io.storescheduler.bootstrap;

import io.storescheduler.adapter.http.SchedulerApi;
import io.storescheduler.application.access.Actor;
import io.storescheduler.application.access.CreateActorUseCase.CreateActorCommand;
import io.storescheduler.application.access.CreateStoreUseCase.CreateStoreCommand;
import io.storescheduler.application.booking.AddBookingClientUseCase.AddBookingClientCommand;
import io.storescheduler.application.booking.AddCharacterClientMatchUseCase.AddCharacterClientMatchCommand;
import io.storescheduler.application.booking.AddCharacterDmMatchUseCase.AddCharacterDmMatchCommand;
import io.storescheduler.application.booking.BookingFilter;
import io.storescheduler.application.booking.BookingView;
import io.storescheduler.application.booking.ConfirmBookingUseCase.ConfirmBookingCommand;
import io.storescheduler.application.booking.CreateIncompleteBookingUseCase.CreateIncompleteBookingCommand;
import io.storescheduler.application.booking.ListBookingsUseCase.ListBookingsQuery;
import io.storescheduler.application.catalogue.CatalogueRepository.NewCharacter;
import io.storescheduler.application.catalogue.ManageClientsUseCase.CreateClientCommand;
import io.storescheduler.application.catalogue.ManageDmsUseCase.CreateDmCommand;
import io.storescheduler.application.catalogue.ManageRoomsUseCase.CreateRoomCommand;
import io.storescheduler.application.catalogue.ManageScriptsUseCase.CreateScriptCommand;
import io.storescheduler.application.shared.Outcome;
import io.storescheduler.application.shared.Page;
import io.storescheduler.application.shared.PageRequest;
import io.storescheduler.domain.booking.Booking;
import io.storescheduler.domain.booking.BookingStatus;
import io.storescheduler.domain.catalogue.Script;
import io.storescheduler.domain.catalogue.ScriptCharacter;
import io.storescheduler.domain.id.BookingId;
import io.storescheduler.domain.id.CharacterId;
import io.storescheduler.domain.id.ClientId;
import io.storescheduler.domain.id.DmId;
import io.storescheduler.domain.id.ScriptId;
import io.storescheduler.domain.id.StoreId;
import io.storescheduler.domain.store.OpeningHours;
import io.storescheduler.domain.store.Store;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code SCHEDULER_DEMO=1}: a store to try the API on, loaded through the use cases the API calls,
 * once: a later start finds it by name and adds nothing. Every start gives the demo store a new
 * staff token and revokes the one of the start before, as a token is shown once and never again.
 */
final class DemoStore {

    static final String NAME = "Demo: Mystery House";
    static final String DESK = "demo front desk";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String SOLO_SCRIPT = "Letter from Nobody";
    private static final List<String> CLIENTS = List.of("Li Wei", "Wang Fang", "Zhang Min", "Liu Yang", "Chen Jie",
            "Yang Lin", "Zhao Lei", "Huang Mei", "Zhou Tao", "Wu Hua");
    /** The loader acts as an admin: it creates a store and an actor, as only an admin may. */
    private static final Actor LOADER = new Actor(0, "demo loader", true, Set.of());

    /** The demo store, whether this start created it, a new staff token, and what the guide's commands use. */
    record Demo(Store store, boolean created, String token, ScriptId soloScriptId, CharacterId soloCharacterId, ClientId clientId,
            Optional<BookingId> conflictingBookingId, ZonedDateTime tryAt, LocalDate boardDay) {

        /** The day board's page of the demo's busiest day: the day of its conflicting games. */
        String boardUrl(String baseUrl) {
            return baseUrl + "/board/stores/" + store.id() + "/days/" + boardDay;
        }
    }

    private final SchedulerApi.UseCases useCases;
    private final Clock clock;

    private DemoStore(SchedulerApi.UseCases useCases, Clock clock) {
        this.useCases = useCases;
        this.clock = clock;
    }

    /** Loads the demo store unless it exists, and gives it a new staff token. */
    static Demo load(SchedulerApi.UseCases useCases, Clock clock) {
        return new DemoStore(useCases, clock).load();
    }

    private Demo load() {
        var existing = Page.all(page -> useCases.access().listStores().list(LOADER, page)).stream()
                .filter(s -> s.name().equals(NAME)).findFirst();
        var store = existing.orElseGet(this::create);
        var solo = Page.all(page -> useCases.catalogue().scripts().listScripts(store.id(), page)).stream()
                .filter(s -> s.name().equals(SOLO_SCRIPT)).findFirst().orElseThrow();
        var client = useCases.catalogue().clients().listClients(store.id(), CLIENTS.getFirst(), PageRequest.first()).items().getFirst();
        var conflicting = conflictingBooking(store.id());
        return new Demo(store, existing.isEmpty(), newDeskToken(store.id()), solo.id(), players(solo).getFirst().id(),
                client.id(), conflicting.map(Booking::id), tomorrow().atTime(10, 0).atZone(ZONE),
                conflicting.map(b -> LocalDate.ofInstant(b.startAt(), ZONE)).orElseGet(this::tomorrow));
    }

    private Store create() {
        var store = useCases.access().createStore().create(new CreateStoreCommand(NAME, ZONE, openingHours()));
        var id = store.id();
        createRooms(id);
        var nightTrain = script(id, "Night Train", 240, "Conductor", "Detective", "Heiress", "Stoker");
        var fogHarbour = script(id, "Fog Harbour", 180, "Harbour Master", "Captain", "Smuggler", "Lighthouse Keeper", "Widow");
        var solo = script(id, SOLO_SCRIPT, 120, "Narrator", "Reader");
        var dms = createDms(id, Set.of(fogHarbour.id(), solo.id()));
        var clients = createClients(id);
        var day = tomorrow();
        // Ada hosts both evening games, which overlap: the two bookings conflict through their DM.
        scheduled(id, nightTrain, at(day, 19), clients.subList(0, 3), dms.get(0));
        scheduled(id, fogHarbour, at(day, 20), clients.subList(3, 7), dms.get(0));
        scheduled(id, solo, at(day.plusDays(1), 15), clients.subList(7, 8), dms.get(1));
        var halfMatched = booking(id, nightTrain.id(), at(day.plusDays(1), 19), "two guests so far, one has a role");
        addClient(id, halfMatched, clients.get(8));
        addClient(id, halfMatched, clients.get(9));
        matchClient(id, halfMatched, players(nightTrain).getFirst().id(), clients.get(8));
        booking(id, null, at(day.plusDays(2), 14), "walk-in enquiry, no script chosen yet");
        return store;
    }

    private void createRooms(StoreId storeId) {
        done(useCases.catalogue().rooms().createRoom(new CreateRoomCommand(storeId, "Library", 6, true, 30)));
        done(useCases.catalogue().rooms().createRoom(new CreateRoomCommand(storeId, "Cellar", 4, true, 15)));
        done(useCases.catalogue().rooms().createRoom(new CreateRoomCommand(storeId, "Attic", 8, true, 20)));
    }

    /** Chen Jing hosts only the scripts given; Ada and Bo host every script. */
    private List<DmId> createDms(StoreId storeId, Set<ScriptId> chenJingScripts) {
        return Stream.of("Ada", "Bo", "Chen Jing")
                .map(name -> done(useCases.catalogue().dms().createDm(new CreateDmCommand(storeId, name, true,
                        name.equals("Chen Jing") ? chenJingScripts : null))).id()).toList();
    }

    private List<ClientId> createClients(StoreId storeId) {
        var clients = new ArrayList<ClientId>();
        for (int i = 0; i < CLIENTS.size(); i++) {
            var phone = "+86 138 0000 %04d".formatted(i + 1);
            clients.add(done(useCases.catalogue().clients().createClient(new CreateClientCommand(storeId, CLIENTS.get(i), phone))).id());
        }
        return clients;
    }

    /** Noon to 2 a.m. every day, to 3 a.m. on Friday and Saturday nights. */
    private static OpeningHours openingHours() {
        var days = new EnumMap<DayOfWeek, List<OpeningHours.Span>>(DayOfWeek.class);
        for (var day : DayOfWeek.values()) {
            var close = day == DayOfWeek.FRIDAY || day == DayOfWeek.SATURDAY ? LocalTime.of(3, 0) : LocalTime.of(2, 0);
            days.put(day, List.of(new OpeningHours.Span(LocalTime.NOON, close)));
        }
        return new OpeningHours(days);
    }

    private Script script(StoreId storeId, String name, int minutes, String dmCharacter, String... players) {
        var characters = new ArrayList<NewCharacter>();
        Stream.of(players).forEach(player -> characters.add(new NewCharacter(player, false)));
        characters.add(new NewCharacter(dmCharacter, true));
        return done(useCases.catalogue().scripts().createScript(new CreateScriptCommand(storeId, name, minutes, characters)));
    }

    /** A booking of {@code script} with every player character taken by one of {@code clients}, hosted by {@code dm}, confirmed. */
    private void scheduled(StoreId storeId, Script script, Instant startAt, List<ClientId> clients, DmId dmId) {
        var bookingId = booking(storeId, script.id(), startAt, null);
        var players = players(script);
        for (int i = 0; i < clients.size(); i++) {
            addClient(storeId, bookingId, clients.get(i));
            matchClient(storeId, bookingId, players.get(i).id(), clients.get(i));
        }
        var dmCharacter = script.characters().stream().filter(ScriptCharacter::dm).findFirst().orElseThrow();
        done(useCases.bookings().addDmMatch().addDmMatch(
                new AddCharacterDmMatchCommand(storeId, bookingId, OptionalLong.empty(), dmCharacter.id(), dmId)));
        done(useCases.bookings().confirm().confirm(new ConfirmBookingCommand(storeId, bookingId, OptionalLong.empty())));
    }

    private BookingId booking(StoreId storeId, ScriptId scriptId, Instant startAt, String note) {
        return done(useCases.bookings().create().create(new CreateIncompleteBookingCommand(storeId, startAt, scriptId, null, note)))
                .booking().id();
    }

    private void addClient(StoreId storeId, BookingId bookingId, ClientId clientId) {
        done(useCases.bookings().addClient().addClient(new AddBookingClientCommand(storeId, bookingId, OptionalLong.empty(), clientId)));
    }

    private void matchClient(StoreId storeId, BookingId bookingId, CharacterId characterId, ClientId clientId) {
        done(useCases.bookings().addClientMatch().addClientMatch(
                new AddCharacterClientMatchCommand(storeId, bookingId, OptionalLong.empty(), characterId, clientId)));
    }

    /** The demo is made of bookings the rules allow: a refusal is a bug of the demo. */
    private static <T> T done(Outcome<T> outcome) {
        return switch (outcome) {
            case Outcome.Done<T> done -> done.value();
            case Outcome.Refused<T> refused -> throw new IllegalStateException("the demo data was refused: " + refused.refusal());
        };
    }

    private String newDeskToken(StoreId storeId) {
        Page.all(useCases.access().listActors()::listActors).stream()
                .filter(actor -> actor.name().equals(DESK) && actor.storeIds().equals(Set.of(storeId)))
                .toList()
                .forEach(actor -> done(useCases.access().revokeActor().revoke(actor.id())));
        return done(useCases.access().createActor().create(new CreateActorCommand(DESK, Set.of(storeId), false))).token();
    }

    private Optional<Booking> conflictingBooking(StoreId storeId) {
        var scheduled = new BookingFilter(Set.of(BookingStatus.SCHEDULED), null, null, null, null, null);
        return Page.all(page -> useCases.listBookings().list(new ListBookingsQuery(storeId, scheduled, page))).stream()
                .filter(view -> view.conflicts().hasConflict())
                .map(BookingView::booking)
                .findFirst();
    }

    private static List<ScriptCharacter> players(Script script) {
        return script.characters().stream().filter(character -> !character.dm()).toList();
    }

    private LocalDate tomorrow() {
        return LocalDate.now(clock.withZone(ZONE)).plusDays(1);
    }

    private static Instant at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(ZONE).toInstant();
    }

    /** What to paste into a shell to try the demo store, for a server at {@code baseUrl}. */
    static String guide(Demo demo, String baseUrl) {
        var store = demo.store();
        var lines = new ArrayList<String>();
        lines.add(demo.created()
                ? "Demo store \"%s\" (id %s, %s) loaded: 3 rooms, 3 scripts, 3 DMs, 10 clients, 5 bookings (2 incomplete, 3 scheduled, 2 of them in conflict)."
                        .formatted(store.name(), store.id(), store.timezone())
                : "Demo store \"%s\" (id %s) already exists: nothing added.".formatted(store.name(), store.id()));
        lines.add("Staff token for it, new at this start (the previous start's demo token is revoked): " + demo.token());
        lines.add("Day board (sign in with the staff token): " + demo.boardUrl(baseUrl));
        lines.add("Try the API (paste into a shell):");
        lines.add("  T='Authorization: Bearer %s'; J='Content-Type: application/json'; S=%s/api/v1/stores/%s"
                .formatted(demo.token(), baseUrl, store.id()));
        lines.add("  B=$(curl -s -H \"$T\" -H \"$J\" $S/bookings/incomplete -d '{\"start_at\":\"%s\",\"script_id\":%s}' | grep -o '\"id\":[0-9]*' | head -1 | cut -d: -f2); echo \"booking $B\""
                .formatted(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(demo.tryAt()), demo.soloScriptId()));
        lines.add("  curl -s -H \"$T\" -H \"$J\" $S/bookings/$B/clients -d '{\"client_id\":%s}'".formatted(demo.clientId()));
        lines.add("  curl -s -H \"$T\" -H \"$J\" $S/bookings/$B/character-client-matches -d '{\"character_id\":%s,\"client_id\":%s}'"
                .formatted(demo.soloCharacterId(), demo.clientId()));
        lines.add("  curl -s -H \"$T\" -H \"$J\" -X POST $S/bookings/$B/confirm");
        demo.conflictingBookingId().ifPresent(id -> lines.add(
                "  curl -s -H \"$T\" $S/bookings/%s    # scheduled with has_conflict: true (its DM hosts an overlapping game)".formatted(id)));
        return String.join(System.lineSeparator(), lines);
    }
}
