package io.storescheduler.application.booking;

import static io.storescheduler.application.booking.BookingScenario.NOW;
import static io.storescheduler.application.booking.BookingScenario.SIX_PM;
import static io.storescheduler.application.booking.BookingScenario.STORE;
import static io.storescheduler.application.booking.BookingScenario.TWO_PM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storescheduler.application.booking.AddBookingClientUseCase.AddBookingClientCommand;
import io.storescheduler.application.booking.AddCharacterClientMatchUseCase.AddCharacterClientMatchCommand;
import io.storescheduler.application.booking.AddCharacterDmMatchUseCase.AddCharacterDmMatchCommand;
import io.storescheduler.application.booking.CancelBookingUseCase.CancelBookingCommand;
import io.storescheduler.application.booking.CompleteBookingUseCase.CompleteBookingCommand;
import io.storescheduler.application.booking.ConfirmBookingUseCase.ConfirmBookingCommand;
import io.storescheduler.application.booking.PatchBookingUseCase.PatchBookingCommand;
import io.storescheduler.application.booking.PatchCharacterClientMatchUseCase.PatchCharacterClientMatchCommand;
import io.storescheduler.application.booking.RemoveBookingClientUseCase.RemoveBookingClientCommand;
import io.storescheduler.application.booking.RemoveCharacterClientMatchUseCase.RemoveCharacterClientMatchCommand;
import io.storescheduler.application.booking.RemoveCharacterDmMatchUseCase.RemoveCharacterDmMatchCommand;
import io.storescheduler.application.shared.FieldChange;
import io.storescheduler.application.shared.Outcome;
import io.storescheduler.domain.booking.Booking;
import io.storescheduler.domain.booking.BookingLifecycle;
import io.storescheduler.domain.booking.CharacterClientMatch;
import io.storescheduler.domain.booking.CharacterDmMatch;
import io.storescheduler.domain.id.BookingId;
import io.storescheduler.domain.id.CharacterId;
import io.storescheduler.domain.id.ClientId;
import io.storescheduler.domain.id.DmId;
import io.storescheduler.domain.id.MatchId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random sequences of every booking write, valid and not, on a few bookings of one store: each
 * either succeeds, bumping that booking's version exactly once and stamping the clock's instant
 * while no other booking changes, or is refused as a use-case failure (or a refusal value) that
 * leaves everything as it was. Nothing else may escape: that would be a 500.
 */
class BookingVersionPropertyTest {

    private static final int STEPS = 400;

    private BookingScenario scenario;
    private Random random;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 20_260_512})
    void every_successful_write_bumps_the_version_once_and_stamps_the_clock_and_every_refusal_changes_nothing(long seed) {
        scenario = new BookingScenario();
        random = new Random(seed);
        var ids = new ArrayList<>(List.of(scenario.incomplete(TWO_PM, null), scenario.ready(TWO_PM, scenario.den.id()),
                scenario.incomplete(SIX_PM, null)));
        int succeeded = 0;
        for (int step = 0; step < STEPS; step++) {
            var id = pick(ids);
            var now = NOW.plus(Duration.ofMinutes(step));
            if (checkStep(seed, step, id, now)) {
                succeeded++;
            }
            // a finished booking refuses everything, so a fresh one takes its place
            ids.replaceAll(each -> BookingLifecycle.canChangeNote(scenario.booking(each).status()) ? each : scenario.ready(TWO_PM, null));
        }
        assertTrue(succeeded > STEPS / 10 && succeeded < STEPS * 9 / 10, "both outcomes are exercised: " + succeeded + " of " + STEPS + " succeeded");
    }

    /** Runs one random write and checks its outcome; true when it succeeded. */
    private boolean checkStep(long seed, int step, BookingId id, Instant now) {
        var before = scenario.fakes.state();
        var booking = scenario.booking(id);
        var services = scenario.at(now);
        var version = expectedVersion(booking);
        String what = "seed " + seed + ", step " + step + ", booking " + id;
        boolean succeeded;
        try {
            succeeded = write(booking, version, services).isDone();
        } catch (RuntimeException bug) {
            throw new AssertionError(what + ": a refusal is answered, not thrown", bug);
        }
        if (succeeded) {
            assertEquals(booking.version() + 1, scenario.booking(id).version(), what);
            assertEquals(now, scenario.booking(id).updatedAt(), what);
            assertEquals(othersThan(id, before), othersThan(id, scenario.fakes.state()), what + ": other bookings changed");
        } else {
            assertEquals(before, scenario.fakes.state(), what + ": a refusal changed something");
        }
        return succeeded;
    }

    private Outcome<BookingView> write(Booking booking, OptionalLong version, BookingServices services) {
        var id = booking.id();
        return switch (random.nextInt(12)) {
            case 0 -> services.addClient().addClient(new AddBookingClientCommand(STORE, id, version, anyClient()));
            case 1 -> services.removeClient().removeClient(new RemoveBookingClientCommand(STORE, id, version, anyClient()));
            case 2 -> services.addClientMatch()
                    .addClientMatch(new AddCharacterClientMatchCommand(STORE, id, version, anyCharacter(), anyClient()));
            case 3 -> services.patchClientMatch().patchClientMatch(new PatchCharacterClientMatchCommand(STORE, id, version,
                    anyMatch(booking.clientMatches().stream().map(CharacterClientMatch::id).toList()),
                    FieldChange.setTo(anyCharacter()), random.nextBoolean() ? FieldChange.keep() : FieldChange.setTo(anyClient())));
            case 4 -> services.removeClientMatch().removeClientMatch(new RemoveCharacterClientMatchCommand(STORE, id, version,
                    anyMatch(booking.clientMatches().stream().map(CharacterClientMatch::id).toList())));
            case 5 -> services.addDmMatch()
                    .addDmMatch(new AddCharacterDmMatchCommand(STORE, id, version, random.nextBoolean() ? null : anyCharacter(), anyDm()));
            case 6 -> services.removeDmMatch().removeDmMatch(new RemoveCharacterDmMatchCommand(STORE, id, version,
                    anyMatch(booking.dmMatches().stream().map(CharacterDmMatch::id).toList())));
            case 7, 8 -> services.confirm().confirm(new ConfirmBookingCommand(STORE, id, version));
            case 9 -> services.cancel().cancel(new CancelBookingCommand(STORE, id, version));
            case 10 -> services.complete().complete(new CompleteBookingCommand(STORE, id, version));
            default -> services.patch().patch(new PatchBookingCommand(STORE, id, version,
                    maybe(pick(List.of(TWO_PM, SIX_PM, TWO_PM.plus(Duration.ofHours(1))))),
                    maybe(oneOrNone(scenario.nightTrain.id(), scenario.teaParty.id())),
                    maybe(oneOrNone(scenario.den.id(), scenario.hall.id())),
                    maybe("note " + random.nextInt(3))));
        };
    }

    /** Mostly no expectation, sometimes the current version, sometimes a stale one. */
    private OptionalLong expectedVersion(Booking booking) {
        return switch (random.nextInt(4)) {
            case 0 -> OptionalLong.of(booking.version());
            case 1 -> OptionalLong.of(booking.version() - 1);
            default -> OptionalLong.empty();
        };
    }

    private ClientId anyClient() {
        return pick(List.of(scenario.li.id(), scenario.wang.id(), scenario.zhao.id(), scenario.elsewhere.id()));
    }

    private CharacterId anyCharacter() {
        return pick(List.of(scenario.detective, scenario.maid, scenario.conductor, scenario.teaParty.characters().getFirst().id()));
    }

    private DmId anyDm() {
        return pick(List.of(scenario.chen.id(), scenario.sun.id(), scenario.retired.id()));
    }

    /** One of the booking's matches, or now and then an id that is no match of it. */
    private MatchId anyMatch(List<MatchId> matchIds) {
        return matchIds.isEmpty() || random.nextInt(5) == 0 ? new MatchId(-1) : pick(matchIds);
    }

    private <T> T oneOrNone(T a, T b) {
        return switch (random.nextInt(3)) {
            case 0 -> a;
            case 1 -> b;
            default -> null;
        };
    }

    private <T> FieldChange<T> maybe(T value) {
        return random.nextBoolean() ? FieldChange.keep() : FieldChange.setTo(value);
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    private static HashMap<BookingId, Booking> othersThan(BookingId id, InMemoryBookingPorts.State state) {
        var others = new HashMap<>(state.bookings().bookings());
        others.remove(id);
        return others;
    }
}
