package io.storescheduler.application.booking;

import static io.storescheduler.application.shared.Outcomes.done;
import static io.storescheduler.application.shared.Outcomes.refused;
import static io.storescheduler.application.booking.BookingScenario.NOW;
import static io.storescheduler.application.booking.BookingScenario.STORE;
import static io.storescheduler.application.booking.BookingScenario.TWO_PM;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.storescheduler.application.booking.AddBookingClientUseCase.AddBookingClientCommand;
import io.storescheduler.application.booking.AddCharacterClientMatchUseCase.AddCharacterClientMatchCommand;
import io.storescheduler.application.booking.AddCharacterDmMatchUseCase.AddCharacterDmMatchCommand;
import io.storescheduler.application.booking.CreateIncompleteBookingUseCase.CreateIncompleteBookingCommand;
import io.storescheduler.application.booking.PatchCharacterClientMatchUseCase.PatchCharacterClientMatchCommand;
import io.storescheduler.application.booking.PatchCharacterDmMatchUseCase.PatchCharacterDmMatchCommand;
import io.storescheduler.application.booking.RemoveBookingClientUseCase.RemoveBookingClientCommand;
import io.storescheduler.application.booking.RemoveCharacterClientMatchUseCase.RemoveCharacterClientMatchCommand;
import io.storescheduler.application.booking.RemoveCharacterDmMatchUseCase.RemoveCharacterDmMatchCommand;
import io.storescheduler.application.shared.FieldChange;
import io.storescheduler.application.shared.Outcome;
import io.storescheduler.application.shared.Refusal;
import io.storescheduler.application.shared.UseCaseFailure;
import io.storescheduler.domain.booking.CharacterClientMatch;
import io.storescheduler.domain.booking.CharacterDmMatch;
import io.storescheduler.domain.booking.ConflictReport;
import io.storescheduler.domain.id.BookingId;
import io.storescheduler.domain.id.CharacterId;
import io.storescheduler.domain.id.ClientId;
import io.storescheduler.domain.id.DmId;
import io.storescheduler.domain.id.MatchId;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The party and match use cases, which all change a booking through {@link BookingEdits}. */
class BookingEditsTest {

    private static final OptionalLong ANY_VERSION = OptionalLong.empty();

    private final BookingScenario scenario = new BookingScenario();
    private final BookingServices services = scenario.services();

    @Test
    void adding_a_client_puts_it_in_the_party_bumps_the_version_once_and_stamps_the_clock() {
        var id = scenario.incomplete(TWO_PM, null);
        var before = scenario.booking(id);

        var view = done(addClient(id, scenario.li.id()));

        assertEquals(List.of(scenario.li.id()), view.booking().clientIds());
        assertEquals(before.version() + 1, view.booking().version());
        assertEquals(NOW, view.booking().updatedAt());
        assertEquals(before.createdAt(), view.booking().createdAt());
        assertEquals(view.booking(), scenario.booking(id));
    }

    @Test
    void adding_a_client_to_a_scheduled_booking_is_refused() {
        var id = scenario.scheduled(TWO_PM, null);

        assertRefusedWithoutChange(Refusal.Kind.CONFLICT, "booking_not_editable", () -> addClient(id, scenario.zhao.id()));
    }

    @Test
    void a_client_of_another_store_is_an_invalid_reference() {
        var id = scenario.incomplete(TWO_PM, null);

        var failure = assertRefusedWithoutChange(Refusal.Kind.INVALID, "client_not_found",
                () -> addClient(id, scenario.elsewhere.id()));

        assertEquals("client_id", failure.errors().getFirst().field());
    }

    @Test
    void a_client_is_in_a_party_once() {
        var id = scenario.incomplete(TWO_PM, null);
        scenario.join(id, scenario.li.id());

        assertRefusedWithoutChange(Refusal.Kind.CONFLICT, "client_already_in_party", () -> addClient(id, scenario.li.id()));
    }

    @Test
    void a_stale_expected_version_is_refused_and_changes_nothing() {
        var id = scenario.incomplete(TWO_PM, null);
        var stale = OptionalLong.of(scenario.booking(id).version());
        scenario.join(id, scenario.li.id());

        var failure = assertRefusedWithoutChange(Refusal.Kind.STALE, "version_mismatch",
                () -> services.addClient().addClient(new AddBookingClientCommand(STORE, id, stale, scenario.wang.id())));

        assertEquals("booking " + id + " is at version 1, not 0", failure.detail());
    }

    @Test
    void removing_a_client_takes_its_character_match_with_it() {
        var id = scenario.ready(TWO_PM, null);
        var wangPlaysTheMaid = scenario.booking(id).clientMatches().get(1);

        var view = done(services.removeClient().removeClient(new RemoveBookingClientCommand(STORE, id, ANY_VERSION, scenario.li.id())));

        assertEquals(List.of(scenario.wang.id()), view.booking().clientIds());
        assertEquals(List.of(wangPlaysTheMaid), view.booking().clientMatches());
    }

    @Test
    void removing_a_client_not_in_the_party_is_not_found() {
        var id = scenario.ready(TWO_PM, null);

        assertRefusedWithoutChange(Refusal.Kind.NOT_FOUND, "client_not_in_party", () -> services.removeClient()
                .removeClient(new RemoveBookingClientCommand(STORE, id, ANY_VERSION, scenario.zhao.id())));
    }

    @Test
    void a_client_plays_a_non_dm_character_of_the_script_only() {
        var id = scenario.incomplete(TWO_PM, null);
        scenario.join(id, scenario.li.id());

        assertRefusedWithoutChange(Refusal.Kind.INVALID, "character_not_playable",
                () -> addClientMatch(id, scenario.conductor, scenario.li.id()));
        assertRefusedWithoutChange(Refusal.Kind.INVALID, "character_not_playable",
                () -> addClientMatch(id, scenario.teaParty.characters().getFirst().id(), scenario.li.id()));
    }

    @Test
    void only_a_client_of_the_party_is_matched() {
        var id = scenario.incomplete(TWO_PM, null);
        scenario.join(id, scenario.li.id());

        assertRefusedWithoutChange(Refusal.Kind.INVALID, "client_not_in_party",
                () -> addClientMatch(id, scenario.detective, scenario.wang.id()));
    }

    @Test
    void a_character_and_a_client_are_each_in_one_match_at_most() {
        var id = scenario.incomplete(TWO_PM, null);
        scenario.join(id, scenario.li.id());
        scenario.join(id, scenario.wang.id());
        scenario.match(id, scenario.detective, scenario.li.id());

        assertRefusedWithoutChange(Refusal.Kind.CONFLICT, "character_already_matched",
                () -> addClientMatch(id, scenario.detective, scenario.wang.id()));
        assertRefusedWithoutChange(Refusal.Kind.CONFLICT, "client_already_matched",
                () -> addClientMatch(id, scenario.maid, scenario.li.id()));
    }

    @Test
    void matching_a_booking_without_a_script_is_refused() {
        var id = done(services.create()
                .create(new CreateIncompleteBookingCommand(STORE, TWO_PM, null, null, null))).booking().id();
        scenario.join(id, scenario.li.id());

        assertRefusedWithoutChange(Refusal.Kind.CONFLICT, "script_missing", () -> addClientMatch(id, scenario.detective, scenario.li.id()));
    }

    @Test
    void a_client_match_changes_character_under_the_rules_of_a_new_match_that_replaces_it() {
        var id = scenario.incomplete(TWO_PM, null);
        scenario.join(id, scenario.li.id());
        var matchId = scenario.match(id, scenario.detective, scenario.li.id());

        var view = done(patchClientMatch(id, matchId, FieldChange.setTo(scenario.maid)));

        assertEquals(List.of(new CharacterClientMatch(matchId, scenario.maid, scenario.li.id())), view.booking().clientMatches());
        assertEquals(view.booking().clientMatches(), done(patchClientMatch(id, matchId, FieldChange.setTo(scenario.maid))).booking().clientMatches(),
                "a match does not stand in its own way");
    }

    @Test
    void a_match_of_another_booking_is_not_found() {
        var id = scenario.ready(TWO_PM, null);
        var other = scenario.ready(TWO_PM, null);
        var othersMatch = scenario.booking(other).clientMatches().getFirst().id();

        assertRefusedWithoutChange(Refusal.Kind.NOT_FOUND, "character_client_match_not_found",
                () -> patchClientMatch(id, othersMatch, FieldChange.setTo(scenario.maid)));
        assertRefusedWithoutChange(Refusal.Kind.NOT_FOUND, "character_client_match_not_found", () -> services.removeClientMatch()
                .removeClientMatch(new RemoveCharacterClientMatchCommand(STORE, id, ANY_VERSION, othersMatch)));
    }

    @Test
    void dm_match_changes_take_the_schedule_lock_and_client_match_changes_do_not() {
        var id = scenario.incomplete(TWO_PM, null);
        scenario.join(id, scenario.li.id());
        var dmMatch = scenario.dm(id, scenario.conductor, scenario.chen.id());
        var clientMatch = scenario.match(id, scenario.detective, scenario.li.id());
        var lockedRead = List.of("begin", "lock store 1", "find booking " + id + " for update");
        var unlockedRead = List.of("begin", "find booking " + id + " for update");

        assertEquals(lockedRead, eventsUpToTheRead(() -> addDm(id, null, scenario.sun.id())));
        assertEquals(lockedRead, eventsUpToTheRead(() -> services.patchDmMatch().patchDmMatch(
                new PatchCharacterDmMatchCommand(STORE, id, ANY_VERSION, dmMatch, FieldChange.setTo(null), FieldChange.keep()))));
        assertEquals(lockedRead, eventsUpToTheRead(() -> services.removeDmMatch()
                .removeDmMatch(new RemoveCharacterDmMatchCommand(STORE, id, ANY_VERSION, dmMatch))));

        assertEquals(unlockedRead, eventsUpToTheRead(() -> addClient(id, scenario.wang.id())));
        assertEquals(unlockedRead, eventsUpToTheRead(() -> patchClientMatch(id, clientMatch, FieldChange.setTo(scenario.maid))));
        assertEquals(unlockedRead, eventsUpToTheRead(() -> addClientMatch(id, scenario.detective, scenario.wang.id())));
        assertEquals(unlockedRead, eventsUpToTheRead(() -> services.removeClientMatch()
                .removeClientMatch(new RemoveCharacterClientMatchCommand(STORE, id, ANY_VERSION, clientMatch))));
        assertEquals(unlockedRead, eventsUpToTheRead(() -> services.removeClient()
                .removeClient(new RemoveBookingClientCommand(STORE, id, ANY_VERSION, scenario.wang.id()))));
    }

    @Test
    void a_dm_joining_a_scheduled_booking_brings_the_conflict_with_another_game_of_that_dm() {
        var first = scenario.scheduled(TWO_PM, scenario.den.id());
        scenario.dm(first, scenario.conductor, scenario.chen.id());
        var second = scenario.scheduled(TWO_PM.plus(Duration.ofHours(2)), scenario.hall.id());

        var view = done(addDm(second, null, scenario.chen.id()));

        assertEquals(List.of(first), view.conflicts().bookingIds());
        assertEquals(List.of(second), done(services.get().get(STORE, first)).conflicts().bookingIds());
    }

    @Test
    void a_dm_leaving_frees_both_bookings_of_their_conflict() {
        var first = scenario.scheduled(TWO_PM, scenario.den.id());
        scenario.dm(first, null, scenario.chen.id());
        var second = scenario.scheduled(TWO_PM, scenario.hall.id());
        var matchId = scenario.dm(second, null, scenario.chen.id());

        var view = done(services.removeDmMatch().removeDmMatch(new RemoveCharacterDmMatchCommand(STORE, second, ANY_VERSION, matchId)));

        assertEquals(ConflictReport.none(), view.conflicts());
        assertEquals(ConflictReport.none(), done(services.get().get(STORE, first)).conflicts());
    }

    @Test
    void a_dm_named_in_a_request_must_be_active() {
        var id = scenario.incomplete(TWO_PM, null);

        var failure = assertRefusedWithoutChange(Refusal.Kind.INVALID, "dm_inactive", () -> addDm(id, null, scenario.retired.id()));

        assertEquals("dm_id", failure.errors().getFirst().field());
    }

    @Test
    void a_dm_character_is_played_once_and_a_free_dm_is_free_once() {
        var id = scenario.incomplete(TWO_PM, null);
        scenario.dm(id, scenario.conductor, scenario.chen.id());
        scenario.dm(id, null, scenario.sun.id());

        assertRefusedWithoutChange(Refusal.Kind.CONFLICT, "character_already_matched", () -> addDm(id, scenario.conductor, scenario.sun.id()));
        assertRefusedWithoutChange(Refusal.Kind.CONFLICT, "dm_already_matched", () -> addDm(id, null, scenario.sun.id()));
        assertRefusedWithoutChange(Refusal.Kind.INVALID, "character_not_dm", () -> addDm(id, scenario.detective, scenario.sun.id()));
    }

    @Test
    void a_dm_match_turned_free_keeps_its_dm() {
        var id = scenario.incomplete(TWO_PM, null);
        var matchId = scenario.dm(id, scenario.conductor, scenario.chen.id());

        var view = done(services.patchDmMatch().patchDmMatch(
                new PatchCharacterDmMatchCommand(STORE, id, ANY_VERSION, matchId, FieldChange.setTo(null), FieldChange.keep())));

        assertEquals(List.of(new CharacterDmMatch(matchId, null, scenario.chen.id())), view.booking().dmMatches());
    }

    @Test
    void an_edit_that_fails_after_writing_leaves_nothing_behind() {
        var id = scenario.scheduled(TWO_PM, null);
        var before = scenario.fakes.state();
        scenario.fakes.conflicts().becomeUnavailable();

        var failure = assertThrows(UseCaseFailure.class, () -> addDm(id, null, scenario.chen.id()));

        assertEquals(UseCaseFailure.Kind.UNAVAILABLE, failure.kind());
        assertEquals(before, scenario.fakes.state());
        assertEquals("rollback", scenario.fakes.events().events().getLast());
    }

    private Outcome<BookingView> addClient(BookingId bookingId, ClientId clientId) {
        return services.addClient().addClient(new AddBookingClientCommand(STORE, bookingId, ANY_VERSION, clientId));
    }

    private Outcome<BookingView> addClientMatch(BookingId bookingId, CharacterId characterId, ClientId clientId) {
        return services.addClientMatch()
                .addClientMatch(new AddCharacterClientMatchCommand(STORE, bookingId, ANY_VERSION, characterId, clientId));
    }

    private Outcome<BookingView> patchClientMatch(BookingId bookingId, MatchId matchId, FieldChange<CharacterId> characterId) {
        return services.patchClientMatch().patchClientMatch(
                new PatchCharacterClientMatchCommand(STORE, bookingId, ANY_VERSION, matchId, characterId, FieldChange.keep()));
    }

    private Outcome<BookingView> addDm(BookingId bookingId, CharacterId characterId, DmId dmId) {
        return services.addDmMatch().addDmMatch(new AddCharacterDmMatchCommand(STORE, bookingId, ANY_VERSION, characterId, dmId));
    }

    /** What the fakes saw from the start of {@code action} up to its first read of a booking for update. */
    private List<String> eventsUpToTheRead(Executable action) {
        scenario.fakes.events().clear();
        assertDoesNotThrow(action);
        var events = scenario.fakes.events().events();
        var read = events.stream().filter(event -> event.endsWith("for update")).findFirst().orElseThrow();
        return events.subList(0, events.indexOf(read) + 1);
    }

    private Refusal assertRefusedWithoutChange(Refusal.Kind kind, String code, Supplier<Outcome<?>> action) {
        var before = scenario.fakes.state();
        var failure = refused(action.get());
        assertEquals(kind, failure.kind(), failure::detail);
        assertEquals(code, failure.code());
        assertEquals(before, scenario.fakes.state(), "a refused change leaves nothing behind");
        return failure;
    }
}
