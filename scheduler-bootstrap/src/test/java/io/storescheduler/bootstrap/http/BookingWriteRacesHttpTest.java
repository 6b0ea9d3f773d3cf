package io.storescheduler.bootstrap.http;

import static io.storescheduler.bootstrap.http.ApiClient.object;
import static io.storescheduler.bootstrap.http.Fixtures.SHANGHAI;
import static java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME;
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
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
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
 * A pair none of whose requests ever succeeded was no race and fails, and so does a write that
 * succeeded in no round at all.
 */
class BookingWriteRacesHttpTest {

    private static final long SEED = 20_261_201L;
    private static final int ROUNDS = 10;
    private static final String BOOKING = "/api/v1/stores/{store_id}/bookings/{booking_id}";
    private static final String SLOTS = "/api/v1/stores/{store_id}/slots";
    private static final String CONFIRM = "POST " + BOOKING + "/confirm";
    private static final Set<String> WRITE_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Map<String, Operation> OPERATIONS = operations();

    private static final Set<String> SUCCEEDED = ConcurrentHashMap.newKeySet();

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    /** Every write succeeded in some round: one that only ever met refusals was never raced for real. */
    @AfterAll
    static void every_write_succeeded_somewhere() {
        if (SUCCEEDED.isEmpty()) {
            return; // the races were not run, only the route check
        }
        var raced = new TreeSet<>(OPERATIONS.keySet());
        raced.removeAll(SUCCEEDED);
        assertEquals(Set.of(), raced, "writes that never succeeded in any round");
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
        var store = RaceStore.create(server.newStore(SHANGHAI));
        var outcomes = new TreeMap<String, List<String>>();
        for (int round = 0; round < ROUNDS; round++) {
            var fixture = store.fixture(random, round, Shape.of(round, random));
            var requests = pair.stream()
                    .map(route -> Objects.requireNonNull(OPERATIONS.get(route), () -> "no operation for " + route).request(fixture, random))
                    .toList();
            var answers = together(store.setup.api, store.setup.token, requests, random);
            for (int i = 0; i < answers.size(); i++) {
                var answer = answers.get(i);
                assertTrue(answer.status() < 500, () -> pair + ": a racing request failed on the server: " + answer.status() + " " + answer.text());
                outcomes.computeIfAbsent(pair.get(i), route -> new ArrayList<>())
                        .add(answer.status() + (answer.status() < 300 ? "" : " " + answer.json().path("code").asText()));
            }
        }
        outcomes.forEach((route, answered) -> answered.stream().filter(outcome -> outcome.startsWith("2"))
                .forEach(success -> SUCCEEDED.add(route)));
        assertTrue(outcomes.values().stream().flatMap(List::stream).anyMatch(outcome -> outcome.startsWith("2")),
                () -> pair + ": no request of the pair ever succeeded, so no round was a race: " + outcomes);
        new StoreInvariants(server, store.setup).assertAll(pair.toString());
    }

    /** Sends every request at once, each after its head start. */
    private static List<Answer> together(ApiClient api, String token, List<Request> requests, Random random) throws Exception {
        var calls = requests.stream().map(request -> {
            // a seeded head start of up to 3 ms varies which request reaches the database first
            var headStartNanos = random.nextInt(3_000_000);
            return (Callable<Answer>) () -> {
                LockSupport.parkNanos(headStartNanos);
                return request.send(api, token);
            };
        }).toList();
        return Racing.atOnce(calls);
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
                object("client_id", mostly(r, outside(f.store.clients, f.party), f.store.clients))));
        operations.put("DELETE " + BOOKING + "/clients/{client_id}", (f, r) -> f.request("DELETE",
                BOOKING + "/clients/" + pick(r, f.store.clients), null));
        operations.put("POST " + BOOKING + "/character-client-matches", (f, r) -> f.request("POST",
                BOOKING + "/character-client-matches", clientMatchBody(f, r)));
        operations.put("PATCH " + BOOKING + "/character-client-matches/{match_id}", (f, r) -> clientMatchPatch(f, r));
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

    /** Half the time a match set to what it is (a change all the same: the version moves), else to a new pair. */
    private static Request clientMatchPatch(Fixture f, Random r) {
        if (f.clientMatchIds.isEmpty()) {
            return f.request("PATCH", BOOKING + "/character-client-matches/" + Long.MAX_VALUE, clientMatchBody(f, r));
        }
        var i = r.nextInt(f.clientMatchIds.size());
        var body = r.nextBoolean() ? object("character_id", f.matchedCharacters.get(i), "client_id", f.matchedClients.get(i))
                : clientMatchBody(f, r);
        return f.request("PATCH", BOOKING + "/character-client-matches/" + f.clientMatchIds.get(i), body);
    }

    /** Mostly a character and a party client both still free, so the match can be made; else any of either. */
    private static Object clientMatchBody(Fixture f, Random r) {
        var characters = f.store.duo.playerCharacterIds();
        return object("character_id", mostly(r, outside(characters, f.matchedCharacters), characters),
                "client_id", mostly(r, outside(f.party, f.matchedClients), f.store.clients));
    }

    private static Object dmMatchBody(Fixture f, Random r) {
        return object("character_id", r.nextBoolean() ? f.store.duo.dmCharacterIds().get(0) : null, "dm_id", pick(r, f.store.dms));
    }

    private static long pick(Random random, List<Long> ids) {
        return ids.get(random.nextInt(ids.size()));
    }

    /** Three times in four one of {@code likely} (when there is one), else one of {@code any}. */
    private static long mostly(Random random, List<Long> likely, List<Long> any) {
        return likely.isEmpty() || random.nextInt(4) == 0 ? pick(random, any) : pick(random, likely);
    }

    private static List<Long> outside(List<Long> ids, List<Long> taken) {
        return ids.stream().filter(id -> !taken.contains(id)).toList();
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

        /** Another of the starting times of {@code start}'s day. */
        String otherStart(String start, Random random) {
            var time = OffsetDateTime.parse(start);
            var others = new ArrayList<String>();
            for (var candidate : STARTS) {
                var other = OffsetDateTime.parse(candidate).withDayOfMonth(time.getDayOfMonth()).withMonth(time.getMonthValue());
                if (!other.isEqual(time)) {
                    others.add(other.format(ISO_OFFSET_DATE_TIME));
                }
            }
            return others.get(random.nextInt(others.size()));
        }

        /**
         * A new booking of the given shape, with the slot of its start made if it was not there.
         * Even rounds play on a day they share, so their bookings meet in rooms, DMs and slots; odd
         * rounds on a day of their own, where slots are free to move and go.
         */
        Fixture fixture(Random random, int round, Shape shape) {
            var day = round % 2 == 0 ? 0 : round;
            var startAt = OffsetDateTime.parse(STARTS.get(random.nextInt(STARTS.size()))).plusDays(day).format(ISO_OFFSET_DATE_TIME);
            var preferred = random.nextBoolean() ? null : rooms.get(random.nextInt(rooms.size() - 1));
            var bookingId = setup.createBooking(startAt, duo.id(), preferred).expect(201).get("id").asLong();
            var clientMatchIds = new ArrayList<Long>();
            for (int i = 0; i < shape.partySize; i++) {
                setup.addClient(bookingId, clients.get(i));
            }
            for (int i = 0; i < shape.matched; i++) {
                clientMatchIds.add(lastId(setup.matchClient(bookingId, duo.playerCharacterIds().get(i), clients.get(i)).get("character_client_matches")));
            }
            var party = clients.subList(0, shape.partySize);
            var matchedClients = clients.subList(0, shape.matched);
            var matchedCharacters = duo.playerCharacterIds().subList(0, shape.matched);
            var dmMatchIds = new ArrayList<Long>();
            if (random.nextBoolean()) {
                var match = setup.matchDm(bookingId, random.nextBoolean() ? duo.dmCharacterIds().get(0) : null, dms.get(random.nextInt(dms.size())));
                dmMatchIds.add(lastId(match.get("character_dm_matches")));
            }
            if (shape.scheduled) {
                setup.confirm(bookingId).expect(200);
            }
            return new Fixture(this, bookingId, startAt, party, matchedClients, matchedCharacters,
                    List.copyOf(clientMatchIds), List.copyOf(dmMatchIds), slotAt(startAt));
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

    /**
     * The state a round's booking starts the race in: its party, how many of its clients have a
     * character, and whether it is scheduled already. The first round is always a scheduled booking
     * and the second one confirm accepts, so that every write has a state it can succeed in.
     */
    record Shape(int partySize, int matched, boolean scheduled) {

        static Shape of(int round, Random random) {
            if (round < 2) {
                return new Shape(2, 2, round == 0);
            }
            // half the time a party confirm accepts; else no matches yet, one client over, or one alone
            var draw = random.nextInt(20);
            if (draw < 10) {
                return new Shape(2, 2, draw < 2);
            }
            return draw < 14 ? new Shape(2, 0, false) : draw < 17 ? new Shape(3, 1, false) : new Shape(1, 0, false);
        }
    }

    /** One round's booking as the harness left it before the race. */
    record Fixture(RaceStore store, long bookingId, String startAt, List<Long> party, List<Long> matchedClients,
            List<Long> matchedCharacters, List<Long> clientMatchIds, List<Long> dmMatchIds, long slotId) {

        Request request(String method, String template, Object body) {
            var path = template.replace("{store_id}", String.valueOf(store.setup.storeId))
                    .replace("{booking_id}", String.valueOf(bookingId));
            return new Request(method, path, body);
        }
    }
}
