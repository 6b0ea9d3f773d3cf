package io.storescheduler.bootstrap.http;

import static io.storescheduler.bootstrap.http.ApiClient.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The edge of the server, before any route decides: the method is the request line's, a known path
 * answers a method it has no route for with 405 and {@code Allow}, made-up methods add no metric
 * series, Jetty's own refusals are problem+json, answers carry their safety headers, and a body
 * that trickles in is cut off.
 */
class HttpEdgeHttpTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    @Test
    void a_get_asking_to_be_a_delete_revokes_no_actor() {
        var store = server.newStore("UTC");
        var actor = server.api().post(server.adminToken, "/api/v1/actors", object("name", "Kept", "store_ids", List.of(store.storeId), "admin", false))
                .expect(201);
        var path = "/api/v1/actors/" + actor.get("id").asLong();
        var before = DatabaseSnapshot.whole(server);

        for (var header : List.of("X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override")) {
            var answer = server.api().send("GET", path, server.adminToken, null, null, Map.of(header, "DELETE"));
            answer.expectProblem(405, "method_not_allowed");
            assertEquals("DELETE", answer.header("Allow"));
        }

        assertEquals(before, DatabaseSnapshot.whole(server), "an override header changed rows");
        server.api().get(actor.get("token").asText(), store.path).expect(200);
    }

    @Test
    void a_get_asking_to_be_a_post_cancels_no_booking() {
        var store = server.newStore("UTC");
        var booking = store.incompleteBooking("2026-12-05T14:00:00Z", null);
        var before = DatabaseSnapshot.whole(server);

        var answer = server.api().send("GET", store.booking(booking) + "/cancel", store.token, null, null, Map.of("X-HTTP-Method-Override", "POST"));

        answer.expectProblem(405, "method_not_allowed");
        assertEquals("POST", answer.header("Allow"));
        assertEquals(before, DatabaseSnapshot.whole(server), "an override header changed rows");
        assertEquals("incomplete", store.get(booking).get("status").asText());
    }

    @Test
    void a_known_path_asked_with_another_method_is_405_listing_its_methods() {
        var store = server.newStore("UTC");

        var put = server.api().send("PUT", store.path + "/rooms", store.token, ApiClient.JSON_TYPE, "{}", Map.of());
        put.expectProblem(405, "method_not_allowed");
        assertEquals(List.of("GET", "POST"), methods(put.header("Allow")));

        var made = RawHttp.send(server.port(), "BREW " + store.path + "/rooms/1 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + store.token
                + "\r\n", new byte[0]);
        assertEquals(405, made.status(), made.body());
        assertEquals("application/problem+json", made.header("Content-Type"));
        assertEquals(List.of("GET", "PATCH"), methods(made.header("Allow")));

        server.api().send("PUT", "/api/v1/no-such-route", store.token, null, null, Map.of()).expectProblem(404, "not_found");
    }

    @Test
    void head_does_not_bypass_the_token_check() {
        var store = server.newStore("UTC");

        for (var token : new String[] {null, store.token}) {
            var answer = server.api().send("HEAD", store.path + "/rooms", token, null, null, Map.of());
            assertEquals(405, answer.status(), "HEAD answers no GET, with or without a token");
            assertEquals(List.of("GET", "POST"), methods(answer.header("Allow")));
            assertEquals("", answer.text(), "a HEAD answer has no body");
        }
    }

    @Test
    void made_up_methods_add_one_other_series_to_the_metrics_however_many_there_are() {
        var random = new Random(7);
        var methods = new ArrayList<String>();
        for (int i = 0; i < 40; i++) {
            methods.add("M" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36).toUpperCase(Locale.ROOT));
        }
        var before = server.api().get(null, "/metrics").text();

        for (var method : methods) {
            var answer = RawHttp.send(server.port(), method + " /api/v1/stores HTTP/1.1\r\nHost: x\r\n", new byte[0]);
            assertEquals(405, answer.status(), method + ": " + answer.body());
        }
        var after = server.api().get(null, "/metrics").text();

        for (var method : methods) {
            assertFalse(after.contains(method), method + " labels a series");
        }
        assertEquals(methods.size(), MetricsHttpTest.value(after, "http_server_requests_seconds_count", Map.of("method", "OTHER", "status", "405"))
                - MetricsHttpTest.value(before, "http_server_requests_seconds_count", Map.of("method", "OTHER", "status", "405")));
        var labelled = Pattern.compile("method=\"([^\"]*)\"").matcher(after).results().map(m -> m.group(1))
                .collect(Collectors.toSet());
        assertTrue(Set.of("GET", "POST", "PATCH", "DELETE", "OTHER").containsAll(labelled), labelled::toString);
    }

    @Test
    void answers_carry_no_store_and_nosniff_problems_included() {
        var store = server.newStore("UTC");
        for (var answer : List.of(server.api().get(store.token, store.path + "/rooms"), server.api().get(null, store.path + "/rooms"),
                server.api().get(store.token, "/api/v1/no-such-route"))) {
            assertEquals("no-store", answer.header("Cache-Control"), answer.text());
            assertEquals("nosniff", answer.header("X-Content-Type-Options"), answer.text());
        }
    }

    @Test
    void jettys_own_refusals_are_problems() {
        var longUri = RawHttp.send(server.port(), "GET /api/v1/stores?q=" + "x".repeat(20 * 1024) + " HTTP/1.1\r\nHost: x\r\n", new byte[0]);
        assertJettyProblem(longUri, 414, "uri_too_long");

        var bigHeaders = new StringBuilder("GET /api/v1/stores HTTP/1.1\r\nHost: x\r\n");
        for (int i = 0; i < 100; i++) {
            bigHeaders.append("X-Filler-").append(i).append(": ").append("y".repeat(1024)).append("\r\n");
        }
        assertJettyProblem(RawHttp.send(server.port(), bigHeaders.toString(), new byte[0]), 431, "headers_too_large");

        assertJettyProblem(RawHttp.send(server.port(), "GET /api/v1/stores HTTP/9.9 what\r\nHost: x\r\n", new byte[0]), 400, "bad_request");
        assertJettyProblem(RawHttp.send(server.port(), "GET /api/v1/%zz HTTP/1.1\r\nHost: x\r\n", new byte[0]), 400, "bad_request");
    }

    @Test
    void a_body_that_trickles_in_is_cut_off() throws Exception {
        var store = server.newStore("UTC");
        var before = DatabaseSnapshot.whole(server);
        try (var socket = RawHttp.connect(server.port())) {
            var out = socket.getOutputStream();
            out.write(("POST " + store.path + "/rooms HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + store.token
                    + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            var trickle = new Thread(() -> trickle(socket));
            trickle.setDaemon(true);
            trickle.start();

            var answer = RawHttp.read(socket.getInputStream());

            trickle.interrupt();
            assertNotEquals(201, answer.status(), answer.body());
            assertTrue(answer.status() == 0 || answer.status() == 408, answer.status() + " " + answer.body());
        }
        assertEquals(before, DatabaseSnapshot.whole(server), "a cut-off body changed rows");
    }

    /** One byte a second, until the server stops reading or the body is sent (which takes far past any limit). */
    private static void trickle(Socket socket) {
        try {
            for (int i = 0; i < 998 && !Thread.currentThread().isInterrupted(); i++) {
                Thread.sleep(1_000);
                socket.getOutputStream().write(' ');
                socket.getOutputStream().flush();
            }
        } catch (IOException | InterruptedException stopped) {
            // the server closed the connection, or the test is done
        }
    }

    private static void assertJettyProblem(RawHttp.Answer answer, int status, String code) {
        assertEquals(status, answer.status(), answer.body());
        assertEquals("application/problem+json", answer.header("Content-Type"), answer.body());
        JsonNode body;
        try {
            body = ApiClient.JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + answer.body(), e);
        }
        assertEquals(code, body.path("code").asText(), answer.body());
        assertEquals(status, body.path("status").asInt(), answer.body());
        assertEquals(answer.header("X-Request-Id"), body.path("request_id").asText(), "the answer's request id is in its problem");
        assertEquals("nosniff", answer.header("X-Content-Type-Options"), answer.body());
        assertFalse(answer.body().contains("Exception") || answer.body().contains("jetty"), answer.body());
    }

    private static List<String> methods(String allow) {
        assertTrue(allow != null && !allow.isBlank(), "no Allow header");
        return Arrays.stream(allow.split(",")).map(String::trim).sorted().toList();
    }

}
