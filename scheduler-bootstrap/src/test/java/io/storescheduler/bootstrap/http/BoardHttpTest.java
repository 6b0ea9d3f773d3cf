package io.storescheduler.bootstrap.http;

import static io.storescheduler.bootstrap.http.Fixtures.SHANGHAI;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The day board over plain HTTP, where a browser hides what matters: the statuses, the session
 * cookie's flags, the Content-Security-Policy, the CSRF check, the language chosen from
 * {@code Accept-Language}, and that no malformed address answers a 500.
 */
class BoardHttpTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern COOKIE = Pattern.compile("board_sign_in=([^;]+)");

    @RegisterExtension
    static final TestServer server = TestServer.perClass();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void signing_in_sets_an_http_only_strict_session_cookie_and_the_page_never_holds_the_token(StoreSetup store) throws Exception {
        var signIn = get("/board", null, null);
        assertEquals(200, signIn.statusCode());
        var login = post("/board/login", formCookie(signIn), "_csrf=" + csrf(signIn) + "&token=" + enc(store.token));
        assertEquals(303, login.statusCode());
        var cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("board_session=")).findFirst().orElseThrow();
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Path=/board"), cookie);
        var stores = get("/board", session(login), null);
        assertEquals(200, stores.statusCode());
        assertFalse(stores.body().contains(store.token), "the token is kept on the server only");
        var day = get("/board/stores/" + store.storeId + "/days/2026-12-05", session(login), null);
        assertEquals(200, day.statusCode());
        assertFalse(day.body().contains(store.token));
    }

    @Test
    void every_page_carries_a_content_security_policy_without_inline_scripts_or_styles(StoreSetup store) throws Exception {
        var page = get("/board", null, null);
        var policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(policy.contains("script-src 'self'") && policy.contains("style-src 'self'"), policy);
        assertFalse(policy.contains("unsafe-inline") || policy.contains("unsafe-eval"), policy);
        assertFalse(page.body().contains("<script>") || page.body().contains("style=\""), "no inline script or style in the page");
        assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElseThrow());
    }

    @Test
    void a_wrong_token_or_a_sign_in_without_its_form_token_opens_no_session(StoreSetup store) throws Exception {
        var signIn = get("/board", null, null);
        var wrong = post("/board/login", formCookie(signIn), "_csrf=" + csrf(signIn) + "&token=not-a-token");
        assertEquals(401, wrong.statusCode());
        var forged = post("/board/login", null, "_csrf=made-up&token=" + enc(store.token));
        assertEquals(403, forged.statusCode(), "a sign-in posted from another site has no form token");
        for (var answer : List.of(wrong, forged)) {
            assertTrue(answer.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("board_session=")));
        }
    }

    @Test
    void a_post_without_the_sessions_csrf_token_is_refused_and_keeps_the_session(StoreSetup store) throws Exception {
        var session = signIn(store);
        assertEquals(403, post("/board/logout", session, "_csrf=wrong").statusCode());
        assertEquals(403, post("/board/logout", session, "").statusCode());
        var stores = get("/board", session, null);
        assertEquals(200, stores.statusCode());
        assertTrue(stores.body().contains("class=\"sign-out\""), "still signed in");
    }

    @Test
    void another_stores_pages_are_403_and_malformed_addresses_400_never_500(StoreSetup store) throws Exception {
        var other = server.newStore(SHANGHAI);
        var session = signIn(store);
        var base = "/board/stores/" + store.storeId;
        assertEquals(403, get("/board/stores/" + other.storeId + "/days/2026-12-05", session, null).statusCode());
        assertEquals(403, get("/board/stores/" + other.storeId + "/bookings/1/panel", session, null).statusCode());
        for (var bad : List.of(base + "/days/2026-13-05", base + "/days/yesterday", base + "/days/+10000-01-01",
                base + "/days/2026-12-05?booking=x", base + "/days/2026-12-05?booking=-1", "/board/stores/x/days/2026-12-05",
                "/board/stores/99999999999999999999/days/2026-12-05", base + "/bookings/0/panel")) {
            var answer = get(bad, session, null);
            assertEquals(400, answer.statusCode(), bad);
            assertTrue(answer.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"), bad);
        }
        assertEquals(404, get(base + "/bookings/999999/panel", session, null).statusCode());
        var signedOut = get(base + "/days/2026-12-05", null, null);
        assertEquals(303, signedOut.statusCode(), "without a session a day sends to the sign-in page");
        assertEquals("/board?next=" + enc(base + "/days/2026-12-05"), signedOut.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void a_sign_in_goes_on_to_the_board_page_asked_for_and_never_to_another_host(StoreSetup store) throws Exception {
        var day = "/board/stores/" + store.storeId + "/days/2026-12-05?view=dms";
        var signIn = get("/board?next=" + enc(day), null, null);
        var login = post("/board/login", formCookie(signIn), "_csrf=" + csrf(signIn) + "&next=" + enc(day) + "&token=" + enc(store.token));
        assertEquals(303, login.statusCode());
        assertEquals(day, login.headers().firstValue("Location").orElseThrow());
        for (var elsewhere : List.of("https://evil.example/board", "//evil.example/board", "/api/v1/stores", "/board\\..\\x")) {
            var page = get("/board?next=" + enc(elsewhere), null, null);
            var away = post("/board/login", formCookie(page), "_csrf=" + csrf(page) + "&next=" + enc(elsewhere) + "&token=" + enc(store.token));
            assertEquals("/board", away.headers().firstValue("Location").orElseThrow(), elsewhere);
        }
    }

    @Test
    void the_language_follows_accept_language_until_the_desk_switches_it(StoreSetup store) throws Exception {
        assertTrue(get("/board", null, "zh-CN,zh;q=0.9,en;q=0.5").body().contains("<html lang=\"zh-Hans\">"));
        assertTrue(get("/board", null, "fr-FR, en;q=0.5").body().contains("<html lang=\"en\">"));
        assertTrue(get("/board", null, "not a ;; header").body().contains("<html lang=\"en\">"));
        var switched = get("/board/language/en?back=%2Fboard", null, "zh-CN");
        assertEquals(303, switched.statusCode());
        var cookie = switched.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        assertTrue(get("/board", cookie, "zh-CN").body().contains("<html lang=\"en\">"));
        var elsewhere = get("/board/language/zh?back=https%3A%2F%2Fevil.example%2F", null, null);
        assertEquals("/board", elsewhere.headers().firstValue("Location").orElseThrow(), "the switch never sends to another host");
        assertEquals("/board", get("/board/language/zh?back=%2F%2Fevil.example", null, null).headers().firstValue("Location").orElseThrow());
    }

    private String signIn(StoreSetup store) throws Exception {
        var signIn = get("/board", null, null);
        return session(post("/board/login", formCookie(signIn), "_csrf=" + csrf(signIn) + "&token=" + enc(store.token)));
    }

    private static String csrf(HttpResponse<String> page) {
        var matcher = CSRF.matcher(page.body());
        assertTrue(matcher.find(), page.body());
        return matcher.group(1);
    }

    private static String formCookie(HttpResponse<String> page) {
        var matcher = COOKIE.matcher(String.join("\n", page.headers().allValues("Set-Cookie")));
        assertTrue(matcher.find());
        return "board_sign_in=" + matcher.group(1);
    }

    private static String session(HttpResponse<String> login) {
        return login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("board_session=")).findFirst()
                .orElseThrow().split(";")[0];
    }

    private HttpResponse<String> get(String path, String cookie, String language) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String cookie, String form) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
