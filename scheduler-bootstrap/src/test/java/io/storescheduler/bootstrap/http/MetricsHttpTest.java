package io.storescheduler.bootstrap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code GET /metrics}: Prometheus text, without a token, labelled by route template, with counts that move. */
class MetricsHttpTest {

    private static final String BOOKING_ROUTE = "/api/v1/stores/{store_id}/bookings/{booking_id}";
    private static final String CONFIRM_ROUTE = BOOKING_ROUTE + "/confirm";

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    @Test
    void metrics_are_served_without_a_token_as_prometheus_text() {
        server.api().get(null, "/health/live").expect(200);

        var answer = server.api().get(null, "/metrics");

        assertEquals(200, answer.status());
        assertTrue(answer.header("Content-Type").startsWith("text/plain"), answer.header("Content-Type"));
        assertTrue(answer.text().contains("# TYPE http_server_requests_seconds histogram"), answer.text());
        assertTrue(value(answer.text(), "http_server_requests_seconds_count", Map.of("route", "/health/live")) >= 1);
        assertTrue(value(answer.text(), "jvm_memory_used_bytes", Map.of()) > 0, "JVM memory is measured");
    }

    @Test
    void requests_are_counted_and_timed_by_route_template_and_status(StoreSetup store) {
        var script = store.roomAndScript(120, 1, 0);
        var booking = store.matchedBooking("2026-12-05T14:00:00+08:00", script, null);
        var empty = store.incompleteBooking("2026-12-05T18:00:00+08:00", null);
        var before = scrape();

        store.get(booking);
        store.get(empty);
        store.confirm(booking).expect(200);
        store.confirm(empty).expectProblem(409, "confirm_preconditions_failed");
        server.api().get(store.token, store.path + "/no-such-route").expectProblem(404, "not_found");
        var after = scrape();

        assertEquals(2, moved(before, after, "http_server_requests_seconds_count",
                Map.of("method", "GET", "route", BOOKING_ROUTE, "status", "200")));
        assertEquals(1, moved(before, after, "http_server_requests_seconds_count",
                Map.of("method", "POST", "route", CONFIRM_ROUTE, "status", "200")));
        assertEquals(1, moved(before, after, "http_server_requests_seconds_count",
                Map.of("method", "POST", "route", CONFIRM_ROUTE, "status", "409")));
        assertEquals(1, moved(before, after, "http_server_requests_seconds_count",
                Map.of("method", "GET", "route", "unmatched", "status", "404")));
        assertEquals(2, moved(before, after, "http_server_requests_seconds_bucket",
                Map.of("method", "GET", "route", BOOKING_ROUTE, "status", "200", "le", "+Inf")));
        assertFalse(after.contains("/bookings/" + booking), "raw paths never label a series");
    }

    @Test
    void confirm_outcomes_and_the_conflicts_they_schedule_into_are_counted() {
        var store = server.newStore("UTC");
        store.room("Only room", 4);
        var script = store.script("Overlap", 120, 1, 0);
        var first = store.matchedBooking("2026-12-06T10:00:00Z", script, null);
        var second = store.matchedBooking("2026-12-06T11:00:00Z", script, null);
        var refused = store.incompleteBooking("2026-12-06T12:00:00Z", null);
        var before = scrape();

        store.confirm(first).expect(200);
        var overlapping = store.confirm(second).expect(200);
        store.confirm(refused).expectProblem(409, "confirm_preconditions_failed");
        store.confirm(first).expectProblem(409, "confirm_preconditions_failed");
        var after = scrape();

        assertTrue(overlapping.get("has_conflict").asBoolean(), "the only room was taken: overlap allowed");
        assertEquals(2, moved(before, after, "scheduler_confirm_total", Map.of("outcome", "scheduled")));
        assertEquals(2, moved(before, after, "scheduler_confirm_total", Map.of("outcome", "refused")));
        assertEquals(2, moved(before, after, "scheduler_confirm_conflicts_count", Map.of()));
        assertEquals(1, moved(before, after, "scheduler_confirm_conflicts_sum", Map.of()));
        assertEquals(1, moved(before, after, "scheduler_confirm_overlapping_total", Map.of()));
    }

    private static String scrape() {
        var answer = server.api().get(null, "/metrics");
        assertEquals(200, answer.status());
        return answer.text();
    }

    private static double moved(String before, String after, String name, Map<String, String> labels) {
        return value(after, name, labels) - value(before, name, labels);
    }

    /** The sum of the samples named {@code name} whose labels include {@code labels}; 0 when there is none. */
    static double value(String exposition, String name, Map<String, String> labels) {
        var sum = 0.0;
        for (var line : exposition.split("\n")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            var brace = line.indexOf('{');
            var space = line.lastIndexOf(' ');
            var sampleName = brace < 0 ? line.substring(0, space) : line.substring(0, brace);
            if (sampleName.equals(name) && labels(line, brace).entrySet().containsAll(labels.entrySet())) {
                sum += Double.parseDouble(line.substring(space + 1));
            }
        }
        return sum;
    }

    private static Map<String, String> labels(String line, int brace) {
        var labels = new HashMap<String, String>();
        if (brace < 0) {
            return labels;
        }
        var body = line.substring(brace + 1, line.lastIndexOf('}'));
        for (var pair : body.split("\",")) {
            var equals = pair.indexOf('=');
            labels.put(pair.substring(0, equals), pair.substring(equals + 2).replaceAll("\"$", ""));
        }
        return labels;
    }
}
