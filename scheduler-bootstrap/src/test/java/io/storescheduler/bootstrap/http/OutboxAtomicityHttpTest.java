package io.storescheduler.bootstrap.http;

import static io.storescheduler.bootstrap.http.ApiClient.object;
import static io.storescheduler.bootstrap.http.Fixtures.SHANGHAI;
import static io.storescheduler.bootstrap.http.Fixtures.TWO_PM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.storescheduler.bootstrap.http.ApiClient.Answer;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The outbox commits with the change or not at all: each booking write is run again and again,
 * its database session killed at each of its steps in turn (every statement, then the commit).
 * Killed, it answers 503 and the store's rows are what they were, events included: no event
 * without its change, no change without its event. Past its last step it succeeds with exactly
 * one new event, of its type, holding the booking as the answer shows it.
 */
class OutboxAtomicityHttpTest {

    private static final TransactionKills KILLS = new TransactionKills();

    @RegisterExtension
    static final TestServer server = TestServer.perClass(KILLS::wrap);

    @Test
    void creating_a_booking() {
        killAtEveryStep("booking.created", (store, setup) -> store.createBooking(TWO_PM, setup.script().id(), setup.roomId()),
                Setup::nothing);
    }

    @Test
    void adding_a_client_to_the_party() {
        killAtEveryStep("booking.party_changed",
                (store, setup) -> store.api.post(store.token, store.booking(setup.bookingId()) + "/clients", object("client_id", setup.clientId())),
                Setup::draft);
    }

    @Test
    void matching_a_client() {
        killAtEveryStep("booking.matches_changed", (store, setup) -> store.api.post(store.token,
                store.booking(setup.bookingId()) + "/character-client-matches",
                object("character_id", setup.script().playerCharacterIds().getFirst(), "client_id", setup.clientId())), Setup::partied);
    }

    @Test
    void changing_the_note() {
        killAtEveryStep("booking.changed", (store, setup) -> store.api.patch(store.token, store.booking(setup.bookingId()),
                object("note", "by the window"), Map.of()), Setup::draft);
    }

    @Test
    void confirming() {
        killAtEveryStep("booking.confirmed", (store, setup) -> store.confirm(setup.bookingId()), Setup::matched);
    }

    @Test
    void cancelling() {
        killAtEveryStep("booking.cancelled", (store, setup) -> store.cancel(setup.bookingId()), Setup::scheduled);
    }

    /** What a write needs before it runs: a script, a room, a client, and a booking in the state the write starts from. */
    record Setup(StoreSetup.Script script, long roomId, long clientId, long bookingId) {

        static Setup nothing(StoreSetup store) {
            return new Setup(store.script("Kept", 120, 1, 0), store.room("Hall", 6), store.client("Guest"), 0);
        }

        static Setup draft(StoreSetup store) {
            var setup = nothing(store);
            return new Setup(setup.script(), setup.roomId(), setup.clientId(), store.incompleteBooking(TWO_PM, setup.script().id()));
        }

        static Setup partied(StoreSetup store) {
            var setup = draft(store);
            store.addClient(setup.bookingId(), setup.clientId());
            return setup;
        }

        static Setup matched(StoreSetup store) {
            var setup = partied(store);
            store.matchClient(setup.bookingId(), setup.script().playerCharacterIds().getFirst(), setup.clientId());
            return setup;
        }

        static Setup scheduled(StoreSetup store) {
            var setup = matched(store);
            store.confirm(setup.bookingId()).expect(200);
            return setup;
        }
    }

    private static void killAtEveryStep(String type, BiFunction<StoreSetup, Setup, Answer> write, Function<StoreSetup, Setup> prepare) {
        for (int step = 1; step < 50; step++) {
            var store = server.newStore(SHANGHAI);
            var setup = prepare.apply(store);
            store.api.get(store.token, store.path).expect(200); // the token and store known before the kills begin
            var before = DatabaseSnapshot.ofStore(server, store.storeId);
            var eventsBefore = events(store).size();

            KILLS.killAt(step);
            var answer = write.apply(store, setup);
            KILLS.disarm();

            if (KILLS.killed()) {
                answer.expectProblem(503, "database_unavailable");
                assertEquals(before, DatabaseSnapshot.ofStore(server, store.storeId), type + " killed at step " + step + " left rows behind");
                continue;
            }
            var changed = answer.status() == 201 ? answer.expect(201) : answer.expect(200);
            var events = events(store);
            assertEquals(eventsBefore + 1, events.size(), type + ": one event for the change");
            assertEquals(type, events.get(events.size() - 1).get("type").asText());
            assertEquals(changed, events.get(events.size() - 1).get("booking"));
            assertTrue(step > 3, type + " ran in fewer steps than it can have: " + (step - 1));
            return;
        }
        fail(type + " never got past its kills");
    }

    private static JsonNode events(StoreSetup store) {
        return store.api.get(store.token, store.path + "/events?limit=200").expect(200).get("items");
    }
}
