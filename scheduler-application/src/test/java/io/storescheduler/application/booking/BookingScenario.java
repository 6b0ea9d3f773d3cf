package io.storescheduler.application.booking;

import static io.storescheduler.application.shared.Outcomes.done;

import io.storescheduler.application.booking.AddBookingClientUseCase.AddBookingClientCommand;
import io.storescheduler.application.booking.AddCharacterClientMatchUseCase.AddCharacterClientMatchCommand;
import io.storescheduler.application.booking.AddCharacterDmMatchUseCase.AddCharacterDmMatchCommand;
import io.storescheduler.application.booking.ConfirmBookingUseCase.ConfirmBookingCommand;
import io.storescheduler.application.booking.CreateIncompleteBookingUseCase.CreateIncompleteBookingCommand;
import io.storescheduler.application.catalogue.CatalogueRepository.NewCharacter;
import io.storescheduler.domain.booking.Booking;
import io.storescheduler.domain.catalogue.Client;
import io.storescheduler.domain.catalogue.Dm;
import io.storescheduler.domain.catalogue.Room;
import io.storescheduler.domain.catalogue.Script;
import io.storescheduler.domain.id.BookingId;
import io.storescheduler.domain.id.CharacterId;
import io.storescheduler.domain.id.ClientId;
import io.storescheduler.domain.id.DmId;
import io.storescheduler.domain.id.MatchId;
import io.storescheduler.domain.id.RoomId;
import io.storescheduler.domain.id.StoreId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalLong;

/**
 * One store's catalogue on the in-memory ports, and the bookings tests start from, made through
 * the services themselves at {@link #SETUP_TIME}: "Night Train" (a detective and a maid for
 * clients, a conductor for a DM, four hours), a den for four and a hall for six, three clients,
 * two active DMs and a retired one; and a second store with a client of its own.
 */
final class BookingScenario {

    static final StoreId STORE = new StoreId(1);
    static final StoreId OTHER_STORE = new StoreId(2);
    static final Instant SETUP_TIME = Instant.parse("2026-12-01T02:00:00Z");
    static final Instant NOW = Instant.parse("2026-12-02T03:00:00Z");
    static final Instant TWO_PM = Instant.parse("2026-12-05T06:00:00Z");
    static final Instant SIX_PM = TWO_PM.plus(Duration.ofHours(4));

    final InMemoryBookingPorts fakes = new InMemoryBookingPorts();
    final Script nightTrain;
    final CharacterId detective;
    final CharacterId maid;
    final CharacterId conductor;
    final Script teaParty;
    final Room den;
    final Room hall;
    final Client li;
    final Client wang;
    final Client zhao;
    final Client elsewhere;
    final Dm chen;
    final Dm sun;
    final Dm retired;

    BookingScenario() {
        var catalogue = fakes.catalogue();
        nightTrain = catalogue.insertScript(STORE, "Night Train", 240, List.of(new NewCharacter("Detective", false),
                new NewCharacter("Maid", false), new NewCharacter("Conductor", true)));
        detective = nightTrain.characters().get(0).id();
        maid = nightTrain.characters().get(1).id();
        conductor = nightTrain.characters().get(2).id();
        teaParty = catalogue.insertScript(STORE, "Tea Party", 90, List.of(new NewCharacter("Hatter", false)));
        den = catalogue.insertRoom(STORE, "Den", 4, true);
        hall = catalogue.insertRoom(STORE, "Hall", 6, true);
        li = catalogue.insertClient(STORE, "Li Wei", "13800000000");
        wang = catalogue.insertClient(STORE, "Wang Fang", null);
        zhao = catalogue.insertClient(STORE, "Zhao Lei", null);
        elsewhere = catalogue.insertClient(OTHER_STORE, "Someone Else", null);
        chen = catalogue.insertDm(STORE, "Chen", true);
        sun = catalogue.insertDm(STORE, "Sun", true);
        retired = catalogue.insertDm(STORE, "Retired", false);
    }

    /** The services with a clock standing at {@code now}. */
    BookingServices at(Instant now) {
        return fakes.services(Clock.fixed(now, ZoneOffset.UTC));
    }

    /** The services as the tests' actions see them: at {@link #NOW}, a while after the setup. */
    BookingServices services() {
        return at(NOW);
    }

    /** An incomplete "Night Train" booking with an empty party. */
    BookingId incomplete(Instant startAt, RoomId preferredRoomId) {
        return done(at(SETUP_TIME).create()
                .create(new CreateIncompleteBookingCommand(STORE, startAt, nightTrain.id(), preferredRoomId, null)))
                .booking().id();
    }

    /** An incomplete booking ready to confirm: Li plays the detective, Wang the maid. */
    BookingId ready(Instant startAt, RoomId preferredRoomId) {
        var id = incomplete(startAt, preferredRoomId);
        join(id, li.id());
        join(id, wang.id());
        match(id, detective, li.id());
        match(id, maid, wang.id());
        return id;
    }

    /** A booking confirmed into whichever room confirm chose. */
    BookingId scheduled(Instant startAt, RoomId preferredRoomId) {
        var id = ready(startAt, preferredRoomId);
        done(at(SETUP_TIME).confirm().confirm(new ConfirmBookingCommand(STORE, id, OptionalLong.empty())));
        return id;
    }

    void join(BookingId bookingId, ClientId clientId) {
        done(at(SETUP_TIME).addClient().addClient(new AddBookingClientCommand(STORE, bookingId, OptionalLong.empty(), clientId)));
    }

    MatchId match(BookingId bookingId, CharacterId characterId, ClientId clientId) {
        var view = done(at(SETUP_TIME).addClientMatch()
                .addClientMatch(new AddCharacterClientMatchCommand(STORE, bookingId, OptionalLong.empty(), characterId, clientId)));
        return view.booking().clientMatches().getLast().id();
    }

    MatchId dm(BookingId bookingId, CharacterId characterId, DmId dmId) {
        var view = done(at(SETUP_TIME).addDmMatch()
                .addDmMatch(new AddCharacterDmMatchCommand(STORE, bookingId, OptionalLong.empty(), characterId, dmId)));
        return view.booking().dmMatches().getLast().id();
    }

    /** The booking as stored, read without the event log seeing a read. */
    Booking booking(BookingId bookingId) {
        return fakes.bookings().inStore(STORE).filter(booking -> booking.id().equals(bookingId)).findFirst().orElseThrow();
    }
}
