package io.storescheduler.bootstrap.http;

import static io.storescheduler.bootstrap.http.RouteCatalog.mainType;
import static io.storescheduler.bootstrap.http.RouteCatalog.resolve;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.storescheduler.bootstrap.http.ApiClient.Answer;
import io.storescheduler.bootstrap.http.RouteCatalog.Access;
import io.storescheduler.bootstrap.http.RouteCatalog.Route;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Thousands of seeded random requests over every route of the OpenAPI document: valid ones made
 * from its schemas with ids of the caller's store (so many succeed and move bookings along: clients
 * join, characters get matched, bookings are confirmed, cancelled, completed), and mutated ones (a
 * required field dropped, a wrong type, a random string, a boundary number, a random id or path
 * segment, a wrong token). Every answer is below 500, one the document lists for its route, in its
 * schema (ApiClient holds every exchange to the document), and leaks nothing of the server's
 * insides. At the end every booking's conflicts agree with a recount. A failure names its seed.
 */
class RandomRequestsHttpTest {

    private static final long[] SEEDS = {20261205L, 7L, 424242L};
    private static final int REQUESTS_PER_SEED = 1000;
    private static final List<String> LEAKS = List.of("Exception", "at io.", "org.jooq", "SQL", ".java", "/work/", "io.storescheduler");
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789 -_éü中文字";
    private static final List<String> ZONES = List.of("Asia/Shanghai", "Europe/Berlin", "America/New_York", "UTC", "Asia/Kolkata");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static List<Route> routes;
    private static FilledStore otherStore;

    @BeforeAll
    static void setUp() {
        routes = RouteCatalog.of(server);
        otherStore = FilledStore.fill(server, "2026-12-01T10:00:00+08:00");
    }

    @Test
    void random_requests_never_fail_the_server_nor_break_the_document_and_conflicts_stay_true() {
        var scheduled = 0;
        var succeeded = 0;
        for (var seed : SEEDS) {
            var run = new Run(seed);
            for (int i = 0; i < REQUESTS_PER_SEED; i++) {
                run.next(i);
            }
            run.assertConflictsAreTrue();
            scheduled += run.scheduledCount();
            succeeded += run.succeeded;
        }
        assertTrue(succeeded > SEEDS.length * REQUESTS_PER_SEED / 5, "too few requests succeeded to move anything along: " + succeeded);
        assertTrue(scheduled > 0, "no booking was ever confirmed");
    }

    /** One seed's requests, on a store of its own, and what its answers taught it about that store. */
    private static final class Run {

        private final long seed;
        private final Random random;
        private final FilledStore store;
        private final Map<String, List<Long>> pools = new HashMap<>();
        private final Map<Long, JsonNode> scripts = new HashMap<>();
        private final Map<Long, JsonNode> bookings = new LinkedHashMap<>();
        private final Set<Long> everScheduled = new HashSet<>();
        private int succeeded;
        private String request = "";

        Run(long seed) {
            this.seed = seed;
            this.random = new Random(seed);
            this.store = FilledStore.fill(server, "2026-12-02T14:00:00+08:00");
            pool("room_id").add(store.roomId);
            pool("script_id").add(store.script.id());
            pool("dm_id").addAll(List.of(store.dmId, store.freeDmId));
            pool("client_id").addAll(List.of(store.partyClientId, store.unmatchedClientId, store.outsideClientId));
            pool("slot_id").add(store.slotId);
            pool("webhook_id").add(store.webhookId);
            scripts.put(store.script.id(), server.api().get(store.token, store.setup.path + "/scripts/" + store.script.id()).expect(200));
            remember(store.setup.get(store.bookingId));
        }

        void next(int index) {
            var route = random.nextInt(4) == 0 ? progressStep() : routes.get(random.nextInt(routes.size()));
            var mutated = random.nextInt(10) < 3;
            var bookingId = pick("booking_id");
            var path = route.path(name -> pathValue(name, bookingId, route));
            var token = tokenFor(route);
            var body = route.bodySchema().map(schema -> (Object) body(schema, bookingId, route)).orElse(null);
            var headers = new HashMap<String, String>();
            if (hasHeader(route, "If-Match") && random.nextBoolean()) {
                headers.put("If-Match", "\"" + bookings.getOrDefault(bookingId, NODES.objectNode()).path("version").asLong(0) + "\"");
            }
            var query = query(route);
            var unknownRoute = false;
            if (mutated) {
                switch (random.nextInt(6)) {
                    case 0 -> token = random.nextBoolean() ? null : random.nextBoolean() ? "bogus-" + asciiWord(12) : otherStore.token;
                    case 1 -> {
                        if (!route.pathParameters().isEmpty()) {
                            var victim = route.pathParameters().get(random.nextInt(route.pathParameters().size()));
                            path = route.path(name -> name.equals(victim) ? randomId() : pathValue(name, bookingId, route));
                        }
                    }
                    case 2 -> {
                        // two segments: one alone could name a route of its own (GET /stores + /x is GET /stores/{store_id})
                        path = path + "/" + word(6).replace(' ', '-') + "/" + word(6).replace(' ', '-');
                        unknownRoute = true;
                    }
                    case 3 -> headers.put("If-Match", asciiWord(5));
                    default -> body = route.bodySchema().map(schema -> mutate(schema, body(schema, bookingId, route))).orElse(body);
                }
            }
            var text = body == null ? null : body instanceof String raw ? raw : body.toString();
            request = "seed " + seed + ", request " + index + ": " + route.method() + " " + path + query + " body " + text + " headers " + headers
                    + " token " + (token == null ? "none" : token.equals(server.adminToken) ? "admin" : token.equals(store.token) ? "staff" : "other");
            try {
                var answer = server.api().send(route.method(), path + query, token, body == null ? null : ApiClient.JSON_TYPE, text, headers);
                check(unknownRoute ? routeOf(route.method(), path).orElse(route) : route, answer, unknownRoute);
                learn(route, answer);
            } catch (AssertionError e) {
                throw new AssertionError(request + "\n" + e.getMessage(), e);
            }
        }

        /**
         * The route whose template a path made up to be unknown matches after all, such as
         * {@code /stores/{store_id}} for {@code /stores} with a word added: its statuses are the ones to expect.
         */
        private Optional<Route> routeOf(String method, String path) {
            return routes.stream()
                    .filter(known -> known.method().equals(method)
                            && path.matches(known.path().replaceAll("\\{[^}]+}", "[^/]+")))
                    .findFirst();
        }

        private void check(Route route, Answer answer, boolean unknownRoute) {
            if (answer.status() >= 500) {
                fail(answer.status() + " " + answer.text());
            }
            // a word added to /stores is a store id, which a staff token is refused (403) before it is looked up
            var listed = route.statuses().contains(answer.status())
                    || unknownRoute && (answer.status() == 404 || answer.status() == 405 || answer.status() == 403);
            assertTrue(listed, () -> answer.status() + ", a status the document does not list: " + answer.text());
            if (route.access() != Access.PUBLIC) {
                // a new token or secret is random text, which may spell "SQL" by chance
                var shown = answer.text().replaceAll("\"(token|secret)\":\"[^\"]*\"", "\"$1\":\"\"");
                for (var leak : LEAKS) {
                    assertTrue(!shown.contains(leak), () -> "an answer that leaks '" + leak + "': " + answer.text());
                }
            }
        }

        private void learn(Route route, Answer answer) {
            if (answer.status() / 100 != 2 || !String.valueOf(answer.header("Content-Type")).startsWith(ApiClient.JSON_TYPE)) {
                return;
            }
            succeeded++;
            var json = answer.json();
            if (json.has("character_client_matches")) {
                remember(json);
            } else if (route.method().equals("POST") && json.has("id") && !json.has("token")) {
                var kind = switch (route.path().substring(route.path().lastIndexOf('/') + 1)) {
                    case "rooms" -> "room_id";
                    case "scripts" -> "script_id";
                    case "dms" -> "dm_id";
                    case "clients" -> "client_id";
                    case "slots" -> "slot_id";
                    case "webhooks" -> "webhook_id";
                    default -> null;
                };
                if (kind != null) {
                    pool(kind).add(json.get("id").asLong());
                }
                if ("script_id".equals(kind)) {
                    scripts.put(json.get("id").asLong(), json);
                }
            } else if (json.has("token")) {
                pool("actor_id").add(json.get("id").asLong());
            }
        }

        private void remember(JsonNode booking) {
            var id = booking.get("id").asLong();
            if (booking.path("store_id").asLong() != store.storeId) {
                return;
            }
            if (!bookings.containsKey(id)) {
                pool("booking_id").add(id);
            }
            bookings.put(id, booking);
            if (List.of("scheduled", "completed").contains(booking.get("status").asText())) {
                everScheduled.add(id);
            }
        }

        /** The route that moves a random booking one step nearer to being scheduled, completed or cancelled. */
        private Route progressStep() {
            var booking = bookings.get(pick("booking_id"));
            var status = booking == null ? "" : booking.get("status").asText();
            var suffix = switch (status) {
                case "incomplete" -> {
                    var script = scripts.get(booking.path("script_id").asLong());
                    if (script == null) {
                        yield "/bookings/{booking_id}";
                    }
                    var players = characters(script, false).size();
                    var party = booking.get("client_ids").size();
                    yield party < players ? "/bookings/{booking_id}/clients"
                            : booking.get("character_client_matches").size() < players ? "/bookings/{booking_id}/character-client-matches"
                            : random.nextInt(5) == 0 ? "/bookings/{booking_id}/character-dm-matches" : "/bookings/{booking_id}/confirm";
                }
                case "scheduled" -> random.nextBoolean() ? "/bookings/{booking_id}/complete" : "/bookings/{booking_id}/cancel";
                default -> "/bookings/incomplete";
            };
            var path = "/api/v1/stores/{store_id}" + suffix;
            var method = suffix.equals("/bookings/{booking_id}") ? "PATCH" : "POST";
            return routes.stream().filter(r -> r.path().equals(path) && r.method().equals(method)).findFirst()
                    .orElseGet(() -> routes.get(random.nextInt(routes.size())));
        }

        private String tokenFor(Route route) {
            return switch (route.access()) {
                case PUBLIC, CALENDAR_KEY -> null;
                case ADMIN -> server.adminToken;
                case STORE -> random.nextInt(10) == 0 ? server.adminToken : store.token;
                case ANY_ACTOR -> random.nextBoolean() ? server.adminToken : store.token;
            };
        }

        private String pathValue(String name, long bookingId, Route route) {
            var booking = bookings.get(bookingId);
            return switch (name) {
                case "store_id" -> Long.toString(store.storeId);
                case "booking_id" -> Long.toString(bookingId);
                case "actor_id" -> pool("actor_id").isEmpty() ? randomId() : Long.toString(pick("actor_id"));
                case "match_id" -> {
                    var kind = route.path().contains("/character-client-matches/") ? "character_client_matches" : "character_dm_matches";
                    var matches = booking == null ? NODES.arrayNode() : booking.get(kind);
                    yield matches.isEmpty() ? randomId() : matches.get(random.nextInt(matches.size())).get("id").asText();
                }
                case "client_id" -> route.path().contains("/bookings/") && booking != null && !booking.get("client_ids").isEmpty()
                        ? booking.get("client_ids").get(random.nextInt(booking.get("client_ids").size())).asText()
                        : Long.toString(pick(name));
                default -> {
                    if (!pools.containsKey(name)) {
                        fail("path parameter {" + name + "} of " + route + " has no pool of ids: add it to RandomRequestsHttpTest.Run");
                    }
                    yield Long.toString(pick(name));
                }
            };
        }

        /** A body the schema allows: its required fields, and each optional one half the time. */
        private ObjectNode body(JsonNode schema, long bookingId, Route route) {
            schema = resolve(schema);
            var body = NODES.objectNode();
            var required = SchemaBodies.requiredFields(schema);
            for (var field : SchemaBodies.fields(schema)) {
                if (required.contains(field) || random.nextBoolean()) {
                    body.set(field, value(SchemaBodies.property(schema, field), field, bookingId, route));
                }
            }
            return body;
        }

        private JsonNode value(JsonNode schema, String field, long bookingId, Route route) {
            if (RouteCatalog.allows(schema, "null") && random.nextInt(5) == 0) {
                return NODES.nullNode();
            }
            var booking = bookings.get(bookingId);
            switch (field) {
                case "character_id" -> {
                    var script = booking == null ? null : scripts.get(booking.path("script_id").asLong());
                    var characters = script == null ? List.<Long>of() : characters(script, route.path().contains("dm-matches"));
                    return NODES.numberNode(characters.isEmpty() ? random.nextInt(50) + 1 : characters.get(random.nextInt(characters.size())));
                }
                case "client_id" -> {
                    var party = booking == null || route.path().endsWith("/clients") ? NODES.arrayNode() : booking.get("client_ids");
                    return NODES.numberNode(party.isEmpty() ? pick("client_id") : party.get(random.nextInt(party.size())).asLong());
                }
                case "store_ids" -> {
                    return NODES.arrayNode().add(store.storeId);
                }
                case "timezone" -> {
                    return NODES.textNode(ZONES.get(random.nextInt(ZONES.size())));
                }
                case "start_at" -> {
                    return NODES.textNode(startAt());
                }
                default -> {
                    if (field.endsWith("_id")) {
                        if (!pools.containsKey(field)) {
                            fail("body field " + field + " of " + route + " has no pool of ids: add it to RandomRequestsHttpTest.Run");
                        }
                        return NODES.numberNode(pick(field));
                    }
                }
            }
            return switch (mainType(schema)) {
                case "string" -> NODES.textNode(word(1 + random.nextInt(Math.min(schema.path("maxLength").asInt(20), 20))));
                case "integer" -> {
                    var min = schema.path("minimum").asLong(1);
                    yield NODES.numberNode(min + random.nextInt((int) Math.min(schema.path("maximum").asLong(min + 300) - min + 1, 300)));
                }
                case "boolean" -> NODES.booleanNode(random.nextBoolean());
                case "array" -> {
                    var array = NODES.arrayNode();
                    var items = resolve(schema.path("items"));
                    for (int i = 0; i < Math.max(schema.path("minItems").asInt(0), 1 + random.nextInt(4)); i++) {
                        array.add(mainType(items).equals("object") ? body(items, bookingId, route) : value(items, field, bookingId, route));
                    }
                    yield array;
                }
                case "object" -> body(schema, bookingId, route);
                default -> fail("cannot make a value of " + schema + " for " + field);
            };
        }

        /** The body with one thing wrong: a required field dropped, a wrong type, a random string, a boundary number, or no JSON at all. */
        private Object mutate(JsonNode schema, ObjectNode body) {
            var fields = SchemaBodies.fields(schema);
            var field = fields.isEmpty() ? "name" : fields.get(random.nextInt(fields.size()));
            var required = SchemaBodies.requiredFields(schema);
            List<Supplier<Object>> mutations = List.of(
                    () -> required.isEmpty() ? body.put("unexpected", 1) : body.without(required.get(random.nextInt(required.size()))),
                    () -> body.set(field, random.nextBoolean() ? NODES.booleanNode(true) : NODES.arrayNode().add(1)),
                    () -> body.put(field, word(1 + random.nextInt(300))),
                    () -> body.set(field, boundaryNumber()),
                    () -> "{\"" + field + "\": " + word(4),
                    () -> body.put(List.of("status", "store_id", "version", "id").get(random.nextInt(4)), 1));
            return mutations.get(random.nextInt(mutations.size())).get();
        }

        private JsonNode boundaryNumber() {
            return List.<JsonNode>of(NODES.numberNode(0), NODES.numberNode(-1), NODES.numberNode(Integer.MAX_VALUE),
                    NODES.numberNode(Long.MAX_VALUE), NODES.numberNode(new BigInteger("9223372036854775808")),
                    NODES.numberNode(new BigDecimal("1e400")), NODES.numberNode(2.5)).get(random.nextInt(7));
        }

        /** Query parameters: each documented one a third of the time, valid mostly, malformed sometimes. */
        private String query(Route route) {
            var parts = new ArrayList<String>();
            for (var parameter : route.queryParameters()) {
                if (random.nextInt(3) != 0) {
                    continue;
                }
                var name = parameter.get("name").asText();
                var schema = resolve(parameter.path("schema"));
                var value = random.nextInt(5) == 0 ? List.of("abc", "-1", "", "99999999999999999999", "2026-13-01").get(random.nextInt(5))
                        : switch (name) {
                            case "limit" -> Integer.toString(1 + random.nextInt(200));
                            case "offset" -> Integer.toString(random.nextInt(20));
                            case "from", "to" -> startAt().replace("+", "%2B");
                            case "status" -> schema.path("items").path("enum").get(random.nextInt(schema.path("items").path("enum").size())).asText();
                            case "q" -> word(3).replace(' ', 'x');
                            default -> name.endsWith("_id") && pools.containsKey(name) ? Long.toString(pick(name)) : word(3).replace(' ', 'x');
                        };
                parts.add(name + "=" + value);
            }
            return parts.isEmpty() ? "" : "?" + String.join("&", parts);
        }

        void assertConflictsAreTrue() {
            var all = new ArrayList<JsonNode>();
            for (var offset = 0; ; offset += 200) {
                var page = server.api().get(store.token, store.setup.path + "/bookings?limit=200&offset=" + offset).expect(200);
                page.get("items").forEach(all::add);
                if (page.get("items").isEmpty() || all.size() >= page.get("total").asInt()) {
                    break;
                }
            }
            try {
                ConflictRecount.assertEveryConflictListIsTrueAndSymmetric(all);
            } catch (AssertionError e) {
                throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
            }
        }

        /** How many bookings were confirmed: scheduled now, or completed since. */
        /** The bookings seen scheduled at some point, whatever became of them later (a cancel, say). */
        int scheduledCount() {
            return everScheduled.size();
        }

        private static List<Long> characters(JsonNode script, boolean dm) {
            var ids = new ArrayList<Long>();
            script.get("characters").forEach(c -> {
                if (c.get("is_dm").asBoolean() == dm) {
                    ids.add(c.get("id").asLong());
                }
            });
            return ids;
        }

        private static boolean hasHeader(Route route, String name) {
            for (var parameter : route.operation().path("parameters")) {
                if (resolve(parameter).path("name").asText().equals(name)) {
                    return true;
                }
            }
            return false;
        }

        private String startAt() {
            return "2026-12-0" + (2 + random.nextInt(2)) + "T" + (10 + random.nextInt(10)) + ":" + (random.nextBoolean() ? "00" : "30") + ":00+08:00";
        }

        private String randomId() {
            return Long.toString(1 + (random.nextLong() & Long.MAX_VALUE) % 1_000_000);
        }

        private String word(int length) {
            var word = new StringBuilder();
            for (int i = 0; i < length; i++) {
                word.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            return word.toString();
        }

        /** A word a header can carry. */
        private String asciiWord(int length) {
            return word(length * 3).replaceAll("[^a-z0-9]", "").concat("x");
        }

        private List<Long> pool(String kind) {
            return pools.computeIfAbsent(kind, k -> new ArrayList<>());
        }

        private long pick(String kind) {
            var pool = pool(kind);
            return pool.isEmpty() ? 1 + random.nextInt(1000) : pool.get(random.nextInt(pool.size()));
        }
    }
}
