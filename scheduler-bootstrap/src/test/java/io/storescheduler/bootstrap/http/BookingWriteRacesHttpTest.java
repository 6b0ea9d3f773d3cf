package io.storescheduler.bootstrap.http;

import static io.storescheduler.bootstrap.http.ApiClient.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storescheduler.bootstrap.http.ApiClient.Answer;
import io.storescheduler.bootstrap.http.StoreSetup.Script;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every write to a booking, raced against confirm and against itself on one booking, over HTTP on
 * the real PostgreSQL. The writes are taken from the routes the server registers, so a write route
 * added tomorrow fails {@link #every_booking_write_route_has_an_operation_here} until it is raced
 * too. Each pair runs seeded rounds in a store of its own: a booking is brought into a random state
 * (party full, short or over; DMs or none; sometimes scheduled), then both requests leave together
 * from a barrier. Afterwards the database is checked with SQL of this test's own, not the service's
 * code: every scheduled booking's party is a strict bijection, every match belongs to the booking's
 * script, a scheduled booking sits in an active room that seats its party, one slot per start and
 * each scheduled booking in the slot of its start, every end follows from the script, every
 * booking's conflicts as the API answers them equal a recount, and no request answered a 5xx.
 */
class BookingWriteRacesHttpTest {

    private static final long SEED = 20_261_201L;
    private static final int ROUNDS = 10;
    private static final long SAFETY_TIMEOUT_SECONDS = 120;
    private static final String BOOKING = "/api/v1/stores/{store_id}/bookings/{booking_id}";
    private static final String SLOTS = "/api/v1/stores/{store_id}/slots";
    private static final String CONFIRM = "POST " + BOOKING + "/confirm";
    private static final Set<String> WRITE_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Map<String, Operation> OPERATIONS = operations();

    private static TestServer server;

    @BeforeAll
    static void startServer() {
        server = TestServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void every_booking_write_route_has_an_operation_here() {
        assertEquals(new TreeSet<>(bookingWriteRoutes()), new TreeSet<>(OPERATIONS.keySet()),
                "every route that writes a booking, its party, matches, room, time or slot needs an operation in OPERATIONS");
    }

    @TestFactory
    Stream<DynamicTest> each_write_raced_with_confirm_and_with_itself_keeps_every_invariant() {
        var pairs = new ArrayList<List<String>>();
        for (var route : bookingWriteRoutes()) {
            pairs.add(List.of(CONFIRM, route));
            if (!route.equals(CONFIRM)) {
                pairs.add(List.of(route, route));
            }
        }
        return pairs.stream().map(pair -> DynamicTest.dynamicTest(pair.get(0) + " | " + pair.get(1), () -> racePair(pair)));
    }

    private static List<String> bookingWriteRoutes() {
        return server.routes().stream()
                .filter(route -> WRITE_METHODS.contains(route.substring(0, route.indexOf(' '))))
                .filter(route -> route.contains(BOOKING) || route.contains(SLOTS))
                .toList();
    }

    private static void racePair(List<String> pair) throws Exception {
        var random = new Random(SEED ^ pair.hashCode());
        var store = RaceStore.create(server.newStore("Asia/Shanghai"));
        var answers = new ArrayList<Answer>();
        for (int round = 0; round < ROUNDS; round++) {
            var fixture = store.fixture(random);
            var requests = pair.stream()
                    .map(route -> Objects.requireNonNull(OPERATIONS.get(route), () -> "no operation for " + route).request(fixture, random))
                    .toList();
            answers.addAll(together(store.setup.api, store.setup.token, requests));
        }
        for (var answer : answers) {
            assertTrue(answer.status() < 500, () -> pair + ": a racing request failed on the server: " + answer.status() + " " + answer.text());
        }
        new StoreInvariants(server, store.setup).assertAll(pair.toString());
    }

    /** Sends every request at once: each thread waits at one barrier, then sends. */
    private static List<Answer> together(ApiClient api, String token, List<Request> requests) throws Exception {
        var barrier = new CyclicBarrier(requests.size());
        var pool = Executors.newFixedThreadPool(requests.size());
        try {
            var futures = requests.stream().map(request -> pool.submit(() -> {
                barrier.await(SAFETY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                return request.send(api, token);
            })).toList();
            var answers = new ArrayList<Answer>();
            for (var future : futures) {
                answers.add(future.get(SAFETY_TIMEOUT_SECONDS, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    /** One request: a method, a path with its ids filled in, and a JSON body or none. */
    record Request(String method, String path, Object body) {

        Answer send(ApiClient api, String token) {
            var text = body == null ? null : ApiClient.JSON.valueToTree(body).toString();
            return api.send(method, path, token, body == null ? null : ApiClient.JSON_TYPE, text, Map.of());
        }
    }

    /** How the harness calls one write route on a round's booking, with arguments drawn from the round's random. */
    @FunctionalInterface
    interface Operation {
        Request request(Fixture fixture, Random random);
    }

    private static Map<String, Operation> operations() {
        var operations = new HashMap<String, Operation>();
        operations.put("PATCH " + BOOKING, (f, r) -> f.request("PATCH", BOOKING, patchBody(f, r)));
        operations.put(CONFIRM, (f, r) -> f.request("POST", BOOKING + "/confirm", null));
        operations.put("POST " + BOOKING + "/cancel", (f, r) -> f.request("POST", BOOKING + "/cancel", null));
        operations.put("POST " + BOOKING + "/complete", (f, r) -> f.request("POST", BOOKING + "/complete", null));
        operations.put("POST " + BOOKING + "/clients", (f, r) -> f.request("POST", BOOKING + "/clients",
                object("client_id", pick(r, f.store.clients))));
        operations.put("DELETE " + BOOKING + "/clients/{client_id}", (f, r) -> f.request("DELETE",
                BOOKING + "/clients/" + pick(r, f.store.clients), null));
        operations.put("POST " + BOOKING + "/character-client-matches", (f, r) -> f.request("POST",
                BOOKING + "/character-client-matches", clientMatchBody(f, r)));
        operations.put("PATCH " + BOOKING + "/character-client-matches/{match_id}", (f, r) -> f.request("PATCH",
                BOOKING + "/character-client-matches/" + pickOr(r, f.clientMatchIds, Long.MAX_VALUE), clientMatchBody(f, r)));
        operations.put("DELETE " + BOOKING + "/character-client-matches/{match_id}", (f, r) -> f.request("DELETE",
                BOOKING + "/character-client-matches/" + pickOr(r, f.clientMatchIds, Long.MAX_VALUE), null));
        operations.put("POST " + BOOKING + "/character-dm-matches", (f, r) -> f.request("POST",
                BOOKING + "/character-dm-matches", dmMatchBody(f, r)));
        operations.put("PATCH " + BOOKING + "/character-dm-matches/{match_id}", (f, r) -> f.request("PATCH",
                BOOKING + "/character-dm-matches/" + pickOr(r, f.dmMatchIds, Long.MAX_VALUE), dmMatchBody(f, r)));
        operations.put("DELETE " + BOOKING + "/character-dm-matches/{match_id}", (f, r) -> f.request("DELETE",
                BOOKING + "/character-dm-matches/" + pickOr(r, f.dmMatchIds, Long.MAX_VALUE), null));
        operations.put("POST " + SLOTS, (f, r) -> f.request("POST", SLOTS,
                object("start_at", r.nextBoolean() ? f.startAt : f.store.otherStart(f.startAt, r))));
        operations.put("PATCH " + SLOTS + "/{slot_id}", (f, r) -> f.request("PATCH", SLOTS + "/" + f.slotId,
                r.nextBoolean() ? object("start_at", f.store.otherStart(f.startAt, r)) : object("note", "moved tables")));
        operations.put("DELETE " + SLOTS + "/{slot_id}", (f, r) -> f.request("DELETE", SLOTS + "/" + f.slotId, null));
        return Map.copyOf(operations);
    }

    private static Object patchBody(Fixture f, Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> object("note", "party of " + r.nextInt(10));
            case 1 -> object("start_at", f.store.otherStart(f.startAt, r));
            case 2 -> object("room_id", pick(r, f.store.rooms));
            default -> object("script_id", r.nextBoolean() ? f.store.duo.id() : f.store.solo.id());
        };
    }

    private static Object clientMatchBody(Fixture f, Random r) {
        return object("character_id", pick(r, f.store.duo.playerCharacterIds()), "client_id", pick(r, f.store.clients));
    }

    private static Object dmMatchBody(Fixture f, Random r) {
        return object("character_id", r.nextBoolean() ? f.store.duo.dmCharacterIds().get(0) : null, "dm_id", pick(r, f.store.dms));
    }

    private static long pick(Random random, List<Long> ids) {
        return ids.get(random.nextInt(ids.size()));
    }

    private static long pickOr(Random random, List<Long> ids, long none) {
        return ids.isEmpty() ? none : pick(random, ids);
    }

    /**
     * A store for one pair's rounds: a two-player script with a DM character and a one-player
     * script, rooms that seat the party, one too small and one closed, three clients and two DMs.
     * Rounds start at one of a few overlapping times of one day, so bookings share rooms, DMs and
     * slots.
     */
    record RaceStore(StoreSetup setup, Script duo, Script solo, List<Long> rooms, List<Long> clients, List<Long> dms) {

        private static final List<String> STARTS = List.of(
                "2027-01-04T10:00:00+08:00", "2027-01-04T12:00:00+08:00", "2027-01-04T14:00:00+08:00");

        static RaceStore create(StoreSetup setup) {
            var closed = setup.room("Closed", 6);
            setup.api.patch(setup.token, setup.path + "/rooms/" + closed, object("active", false), Map.of()).expect(200);
            var rooms = List.of(setup.room("Hall", 6), setup.room("Den", 4), setup.room("Nook", 1), closed);
            var clients = List.of(setup.client("Ann"), setup.client("Bo"), setup.client("Cy"));
            var dms = List.of(setup.dm("Ada"), setup.dm("Lin"));
            return new RaceStore(setup, setup.script("Night Train", 180, 2, 1), setup.script("Letter", 90, 1, 0), rooms, clients, dms);
        }

        String otherStart(String start, Random random) {
            var others = new ArrayList<>(STARTS);
            others.remove(start);
            return others.get(random.nextInt(others.size()));
        }

        /** A new booking in a random state, with the slot of its start made if it was not there. */
        Fixture fixture(Random random) {
            var startAt = STARTS.get(random.nextInt(STARTS.size()));
            var preferred = random.nextBoolean() ? null : rooms.get(random.nextInt(rooms.size() - 1));
            var bookingId = setup.createBooking(startAt, duo.id(), preferred).expect(201).get("id").asLong();
            // half the time a party that confirm accepts; else one with no matches yet, one client over, or one alone
            var shape = random.nextInt(20);
            var partySize = shape < 14 ? 2 : shape < 17 ? 3 : 1;
            var matched = shape < 10 ? 2 : shape < 14 ? 0 : shape < 17 ? 1 : 0;
            var clientMatchIds = new ArrayList<Long>();
            for (int i = 0; i < partySize; i++) {
                setup.addClient(bookingId, clients.get(i));
            }
            for (int i = 0; i < matched; i++) {
                clientMatchIds.add(lastId(setup.matchClient(bookingId, duo.playerCharacterIds().get(i), clients.get(i)).get("character_client_matches")));
            }
            var dmMatchIds = new ArrayList<Long>();
            if (random.nextBoolean()) {
                var match = setup.matchDm(bookingId, random.nextBoolean() ? duo.dmCharacterIds().get(0) : null, dms.get(random.nextInt(dms.size())));
                dmMatchIds.add(lastId(match.get("character_dm_matches")));
            }
            if (partySize == 2 && matched == 2 && random.nextInt(5) == 0) {
                setup.confirm(bookingId).expect(200);
            }
            return new Fixture(this, bookingId, startAt, List.copyOf(clientMatchIds), List.copyOf(dmMatchIds), slotAt(startAt));
        }

        private long slotAt(String startAt) {
            var created = setup.api.post(setup.token, setup.path + "/slots", object("start_at", startAt));
            if (created.status() == 201) {
                return created.json().get("id").asLong();
            }
            created.expectProblem(409, "slot_exists");
            var instant = OffsetDateTime.parse(startAt).toInstant();
            var query = "?from=" + instant + "&to=" + instant.plusSeconds(1);
            return setup.api.get(setup.token, setup.path + "/slots" + query).expect(200).get("items").get(0).get("id").asLong();
        }

        private static long lastId(com.fasterxml.jackson.databind.JsonNode matches) {
            var ids = new ArrayList<Long>();
            matches.forEach(match -> ids.add(match.get("id").asLong()));
            return Collections.max(ids);
        }
    }

    /** One round's booking as the harness left it before the race. */
    record Fixture(RaceStore store, long bookingId, String startAt, List<Long> clientMatchIds, List<Long> dmMatchIds, long slotId) {

        Request request(String method, String template, Object body) {
            var path = template.replace("{store_id}", String.valueOf(store.setup.storeId))
                    .replace("{booking_id}", String.valueOf(bookingId));
            return new Request(method, path, body);
        }
    }
}
