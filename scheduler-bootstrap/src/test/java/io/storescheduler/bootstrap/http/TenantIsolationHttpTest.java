package io.storescheduler.bootstrap.http;

import static io.storescheduler.bootstrap.http.ApiClient.object;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storescheduler.bootstrap.http.ApiClient.Answer;
import io.storescheduler.bootstrap.http.RouteCatalog.Access;
import io.storescheduler.bootstrap.http.RouteCatalog.Route;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * No store sees or touches another's data, on any route the server has: each test walks every
 * registered route (see {@link RouteCatalog}), so a route added tomorrow is covered without an
 * edit. Store A's staff probes store B every way a path or a body can name it, and store B's rows
 * are the same afterwards. That a revoked token answers 401 at once is
 * {@code AdminRoutesHttpTest.a_revoked_token_is_refused_at_once}.
 */
class TenantIsolationHttpTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static List<Route> routes;
    private static FilledStore storeA;
    private static FilledStore storeB;

    @BeforeAll
    static void setUp() {
        routes = RouteCatalog.of(server);
        storeA = FilledStore.fill(server, "2026-12-05T14:00:00+08:00");
        storeB = FilledStore.fill(server, "2026-12-05T14:00:00+08:00");
    }

    @Test
    void every_route_but_the_public_ones_answers_401_without_a_token_or_with_an_unknown_one() {
        whileStoreBStaysTheSame(route -> route.access().takesToken(), route -> {
            for (var token : new String[] {null, "unknown-" + HexFormat.of().formatHex(new byte[16])}) {
                var answer = send(route, storeB.path(route), token, body(route, storeB));
                answer.expectProblem(401, "unauthorized");
                assertEquals("Bearer", answer.header("WWW-Authenticate"), () -> route + " without a challenge");
            }
        });
    }

    @Test
    void a_staff_token_of_store_a_is_forbidden_on_every_route_of_store_b() {
        whileStoreBStaysTheSame(route -> route.access() == Access.STORE,
                route -> send(route, storeB.path(route), storeA.token, body(route, storeB)).expectProblem(403, "forbidden"));
    }

    @Test
    void a_staff_token_is_forbidden_on_every_admin_route_even_for_its_own_store() {
        whileStoreBStaysTheSame(route -> route.access() == Access.ADMIN,
                route -> send(route, storeA.path(route), storeA.token, body(route, storeA)).expectProblem(403, "forbidden"));
    }

    @Test
    void a_staff_token_reads_every_route_of_its_own_store() {
        var checked = new ArrayList<Route>();
        for (var route : routes) {
            if (route.access() == Access.STORE && route.method().equals("GET")) {
                var answer = send(route, storeA.path(route), storeA.token, null);
                assertEquals(200, answer.status(), () -> route + " on the caller's own store: " + answer.text());
                checked.add(route);
            }
        }
        assertFalse(checked.isEmpty(), "no store route to check");
    }

    @Test
    void every_id_of_store_b_in_a_path_of_store_a_is_not_found() {
        whileStoreBStaysTheSame(route -> route.access() == Access.STORE && route.pathParameters().size() > 1, route -> {
            var ids = route.pathParameters().stream().filter(name -> !name.equals("store_id")).toList();
            var allOfB = route.path(name -> name.equals("store_id") ? storeA.pathValue(route, name) : storeB.pathValue(route, name));
            expectNotFound(route, send(route, allOfB, storeA.token, body(route, storeA)));
            for (var foreign : ids) {
                var oneOfB = route.path(name -> (name.equals(foreign) ? storeB : storeA).pathValue(route, name));
                expectNotFound(route, send(route, oneOfB, storeA.token, body(route, storeA)));
            }
        });
    }

    @Test
    void every_id_of_store_b_in_a_body_on_store_a_is_refused() {
        var probed = new ArrayList<String>();
        whileStoreBStaysTheSame(route -> route.access() == Access.STORE && route.bodySchema().isPresent(), route -> {
            var schema = route.bodySchema().get();
            for (var field : SchemaBodies.fields(schema)) {
                if (!field.endsWith("_id")) {
                    continue;
                }
                var body = body(route, storeA);
                body.set(field, SchemaBodies.value(SchemaBodies.property(schema, field), field, name -> storeB.bodyValue(route, name)));
                var answer = send(route, storeA.path(route), storeA.token, body);
                assertTrue(answer.status() == 422 || answer.status() == 404,
                        () -> route + " with " + field + " of store B: " + answer.status() + " " + answer.text());
                answer.expectProblem(answer.status(), answer.json().path("code").asText());
                probed.add(route + " " + field);
            }
        });
        assertTrue(probed.size() >= 10, "too few body ids probed: " + probed);
    }

    @Test
    void an_actor_row_holds_only_a_hash_of_its_token() throws Exception {
        var created = server.api().post(server.adminToken, "/api/v1/actors", object("name", "night desk", "store_ids", List.of(storeA.storeId)))
                .expect(201);
        var token = created.get("token").asText();

        try (var connection = server.connectToDatabase();
                var statement = connection.prepareStatement("SELECT a::text, a.token_hash FROM actor a WHERE a.id = ?")) {
            statement.setLong(1, created.get("id").asLong());
            try (var row = statement.executeQuery()) {
                assertTrue(row.next(), "the actor has a row");
                var text = row.getString(1);
                var hash = row.getBytes(2);
                var tokenBytes = token.getBytes(StandardCharsets.UTF_8);
                var decoded = Base64.getUrlDecoder().decode(token);
                assertFalse(text.contains(token), "the row holds the token's text: " + text);
                assertFalse(text.contains(HexFormat.of().formatHex(tokenBytes)), "the row holds the token's bytes");
                assertFalse(text.contains(HexFormat.of().formatHex(decoded)), "the row holds the token's random bytes");
                assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(tokenBytes), hash, "token_hash is the SHA-256 of the token");
            }
        }
    }

    @Test
    void tokens_carry_at_least_128_random_bits_and_no_two_are_alike() {
        var tokens = new HashSet<String>();
        for (int i = 0; i < 20; i++) {
            var token = server.api().post(server.adminToken, "/api/v1/actors", object("name", "desk " + i, "store_ids", List.of(storeA.storeId)))
                    .expect(201).get("token").asText();
            assertTrue(token.matches("[A-Za-z0-9_-]+"), () -> "not base64url: " + token);
            assertTrue(Base64.getUrlDecoder().decode(token).length >= 16, () -> "fewer than 128 bits: " + token);
            assertTrue(tokens.add(token), "a token came twice");
        }
    }

    @Test
    void the_actor_list_never_shows_a_token() {
        var token = server.api().post(server.adminToken, "/api/v1/actors", object("name", "auditor", "store_ids", List.of(storeA.storeId)))
                .expect(201).get("token").asText();

        for (var offset = 0; ; offset += 200) {
            var page = server.api().get(server.adminToken, "/api/v1/actors?limit=200&offset=" + offset);
            var body = page.expect(200);
            assertFalse(page.text().contains(token), "the actor list shows a token");
            assertFalse(page.text().contains(storeA.token) || page.text().contains(storeB.token), "the actor list shows a token");
            body.get("items").forEach(actor -> assertEquals(Set.of("id", "name", "store_ids", "admin"), fieldNames(actor)));
            if (body.get("items").isEmpty()) {
                break;
            }
        }
    }

    private static Set<String> fieldNames(com.fasterxml.jackson.databind.JsonNode node) {
        var names = new HashSet<String>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Runs {@code probe} on every route {@code which} picks (at least one), then checks that store B's rows are as they were. */
    private static void whileStoreBStaysTheSame(Predicate<Route> which, Consumer<Route> probe) {
        var before = DatabaseSnapshot.ofStore(server, storeB.storeId);
        var picked = routes.stream().filter(which).toList();
        assertFalse(picked.isEmpty(), "no route to probe");
        picked.forEach(probe);
        assertEquals(before, DatabaseSnapshot.ofStore(server, storeB.storeId), "store B's rows changed");
    }

    private static void expectNotFound(Route route, Answer answer) {
        assertEquals(404, answer.status(), () -> route + " -> " + answer.status() + " " + answer.text());
        answer.expectProblem(404, answer.json().path("code").asText());
    }

    /** A body of the route's required fields, with the ids of {@code store}; null for a route without a body. */
    private static com.fasterxml.jackson.databind.node.ObjectNode body(Route route, FilledStore store) {
        return route.bodySchema().map(schema -> SchemaBodies.required(schema, field -> store.bodyValue(route, field))).orElse(null);
    }

    private static Answer send(Route route, String path, String token, Object body) {
        var text = body == null ? null : body.toString();
        return server.api().send(route.method(), path, token, body == null ? null : ApiClient.JSON_TYPE, text, Map.of());
    }
}
