package io.storescheduler.bootstrap.http;

import static io.storescheduler.bootstrap.http.Fixtures.SHANGHAI;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every route of the day board, as the server registers it, walked with hostile path values,
 * without a session, with a session of another store, and posted without the CSRF token: none
 * answers a 5xx, another store's pages are 403, and no post without the token changes anything
 * (the store's bookings read the same through the API afterwards).
 */
class BoardRoutesHttpTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern PARAMETER = Pattern.compile("\\{([a-z_]+)}");
    /** The board's routes this walk knows: a new one must be added here, with the values to walk it with. */
    private static final List<String> KNOWN = List.of("GET /board", "GET /board/assets/{name}", "GET /board/language/{code}",
            "GET /board/stores/{store_id}", "GET /board/stores/{store_id}/bookings/{booking_id}/panel",
            "GET /board/stores/{store_id}/days/{day}", "POST /board/login", "POST /board/logout");
    private static final Map<String, List<String>> HOSTILE = Map.of(
            "store_id", List.of("0", "-1", "x", "99999999999999999999", "%00", "1%27%20OR%201=1"),
            "booking_id", List.of("0", "-7", "1.5", "99999999999999999999", "%2e%2e"),
            "day", List.of("2026-02-30", "0000-01-01", "%2e%2e", "2026-12-05T00:00", "9".repeat(2_000)),
            "name", List.of("..%2fboard.css", "%2e%2e%2fboard.js", "htmx.min.js%00", "x".repeat(2_000)),
            "code", List.of("xx", "%0d%0aSet-Cookie:%20a=b", "zh-Hant"));

    @RegisterExtension
    static final TestServer server = TestServer.perClass();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void the_walk_knows_every_board_route_the_server_has() {
        assertEquals(new TreeSet<>(KNOWN), new TreeSet<>(server.boardRoutes()));
    }

    @Test
    void no_board_route_answers_a_5xx_to_hostile_values_with_or_without_a_session(StoreSetup store) throws Exception {
        var cookie = signIn(store);
        var answered = 0;
        for (var route : server.boardRoutes()) {
            for (var path : hostilePaths(route.split(" ", 2)[1], store.storeId)) {
                for (var session : new String[] {cookie, null}) {
                    var status = send(route.split(" ")[0], path, session, "").statusCode();
                    assertTrue(status < 500, route + " " + path + " answered " + status);
                    answered++;
                }
            }
        }
        assertTrue(answered > 50, "the walk sent " + answered + " requests");
    }

    @Test
    void another_stores_pages_are_403_for_every_board_route_of_a_store(StoreSetup store) throws Exception {
        var theirs = server.newStore(SHANGHAI);
        var booking = theirs.incompleteBooking("2026-12-05T19:00:00+08:00", null);
        var cookie = signIn(store);
        var storeRoutes = server.boardRoutes().stream().filter(r -> r.contains("{store_id}")).toList();
        assertTrue(storeRoutes.size() >= 3, storeRoutes::toString);
        for (var route : storeRoutes) {
            var path = route.split(" ", 2)[1].replace("{store_id}", Long.toString(theirs.storeId))
                    .replace("{booking_id}", Long.toString(booking)).replace("{day}", "2026-12-05");
            assertEquals(403, send(route.split(" ")[0], path, cookie, "").statusCode(), route);
        }
    }

    @Test
    void no_board_post_without_the_csrf_token_changes_anything(StoreSetup store) throws Exception {
        var booking = store.incompleteBooking("2026-12-05T19:00:00+08:00", null);
        var before = store.get(booking).toString();
        var cookie = signIn(store);
        for (var route : server.boardRoutes().stream().filter(r -> r.startsWith("POST ")).toList()) {
            var path = route.split(" ", 2)[1].replace("{store_id}", Long.toString(store.storeId))
                    .replace("{booking_id}", Long.toString(booking)).replace("{day}", "2026-12-05")
                    .replaceAll("\\{[a-z_]+}", "1");
            var status = send("POST", path, cookie, "_csrf=forged&version=1&token=" + store.token).statusCode();
            assertEquals(403, status, route);
        }
        assertEquals(before, store.get(booking).toString());
        assertEquals(200, send("GET", "/board", cookie, "").statusCode(), "the session is still open: the forged logout did nothing");
        assertTrue(send("GET", "/board", cookie, "").body().contains("class=\"sign-out\""));
    }

    private static List<String> hostilePaths(String template, long storeId) {
        var paths = new ArrayList<String>();
        var matcher = PARAMETER.matcher(template);
        var names = new ArrayList<String>();
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        if (names.isEmpty()) {
            return List.of(template, template + "?next=%2F%2Fevil.example&back=https%3A%2F%2Fevil.example&view=" + "v".repeat(3_000));
        }
        for (var name : names) {
            for (var value : HOSTILE.get(name)) {
                paths.add(fill(template.replace("{" + name + "}", value), storeId));
            }
        }
        return paths;
    }

    private static String fill(String path, long storeId) {
        return path.replace("{store_id}", Long.toString(storeId)).replace("{booking_id}", "1").replace("{day}", "2026-12-05")
                .replace("{name}", "board.css").replace("{code}", "en");
    }

    private String signIn(StoreSetup store) throws Exception {
        var page = send("GET", "/board", null, "");
        var matcher = CSRF.matcher(page.body());
        assertTrue(matcher.find());
        var formCookie = page.headers().allValues("Set-Cookie").getFirst().split(";")[0];
        var login = send("POST", "/board/login", formCookie, "_csrf=" + matcher.group(1) + "&token=" + store.token);
        return login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("board_session=")).findFirst()
                .orElseThrow().split(";")[0];
    }

    private HttpResponse<String> send(String method, String path, String cookie, String form) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(form));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
