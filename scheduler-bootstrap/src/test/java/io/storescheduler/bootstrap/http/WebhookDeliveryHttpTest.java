package io.storescheduler.bootstrap.http;

import static io.storescheduler.bootstrap.http.ApiClient.object;
import static io.storescheduler.bootstrap.http.Fixtures.SHANGHAI;
import static io.storescheduler.bootstrap.http.Fixtures.TWO_PM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.storescheduler.bootstrap.WebhookSettings;
import io.storescheduler.bootstrap.http.WebhookReceiver.Received;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Webhooks against a real receiver on 127.0.0.1: registration, delivery in order, retries of a
 * failing receiver (the deliveries' clock moved forward to reach them), disabling after a day,
 * the delivery log, and the metrics. The waits are safety nets against hanging, never measurements.
 */
class WebhookDeliveryHttpTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final MovableClock CLOCK = new MovableClock();

    @RegisterExtension
    static final TestServer server = TestServer.perClass(new WebhookSettings(true, CLOCK));

    @Test
    void a_webhook_is_registered_with_its_secret_shown_once_and_refused_for_what_it_cannot_be(StoreSetup store) {
        var hooks = store.path + "/webhooks";

        var created = store.api.post(store.token, hooks, object("url", "http://127.0.0.1:9/hook", "event_types", List.of("booking.confirmed")))
                .expect(201);

        assertTrue(created.get("secret").asText().startsWith("whsec_"));
        assertEquals(List.of("booking.confirmed"), texts(created.get("event_types")));
        var listed = store.api.get(store.token, hooks).expect(200).get("items");
        assertEquals(1, listed.size());
        assertFalse(listed.get(0).has("secret"), "the secret is shown once");
        store.api.post(store.token, hooks, object("url", "ftp://127.0.0.1/hook")).expectProblem(422, "invalid_webhook_url");
        store.api.post(store.token, hooks, object("url", "not a url")).expectProblem(422, "invalid_webhook_url");
        store.api.post(store.token, hooks, object("url", "http://user:pw@127.0.0.1/hook")).expectProblem(422, "invalid_webhook_url");
        store.api.post(store.token, hooks, object("url", "http://127.0.0.1/hook", "event_types", List.of("booking.lost")))
                .expectProblem(422, "invalid_value");
        store.api.post(store.token, hooks, object("event_types", List.of("booking.created"))).expectProblem(400, "missing_field");
        var other = server.newStore(SHANGHAI);
        store.api.get(store.token, other.path + "/webhooks").expectProblem(403, "forbidden");
        other.api.delete(other.token, other.path + "/webhooks/" + created.get("id").asLong()).expectProblem(404, "webhook_not_found");

        store.api.delete(store.token, hooks + "/" + created.get("id").asLong()).expect(204);
        assertEquals(0, store.api.get(store.token, hooks).expect(200).get("items").size());
        store.api.get(store.token, hooks + "/" + created.get("id").asLong() + "/deliveries").expectProblem(404, "webhook_not_found");
    }

    @Test
    void a_store_holds_at_most_ten_webhooks(StoreSetup store) {
        for (int i = 0; i < 10; i++) {
            store.api.post(store.token, store.path + "/webhooks", object("url", "http://127.0.0.1:9/hook" + i)).expect(201);
        }
        store.api.post(store.token, store.path + "/webhooks", object("url", "http://127.0.0.1:9/more")).expectProblem(409, "quota_exceeded");
    }

    @Test
    void a_receiver_that_fails_then_recovers_gets_every_event_once_more_in_order_and_the_log_shows_each_attempt() throws Exception {
        try (var receiver = WebhookReceiver.start().answering(500, 503, 500)) {
            var store = server.newStore(SHANGHAI);
            var hook = store.api.post(store.token, store.path + "/webhooks", object("url", receiver.url())).expect(201);
            var script = store.script("Hooked", 120, 1, 0);
            var bookingId = store.incompleteBooking(TWO_PM, script.id());
            store.api.patch(store.token, store.booking(bookingId), object("note", "first"), Map.of()).expect(200);
            store.api.patch(store.token, store.booking(bookingId), object("note", "second"), Map.of()).expect(200);
            var events = store.api.get(store.token, store.path + "/events").expect(200).get("items");

            var received = driveUntil(receiver, got -> got.stream().filter(r -> r.answered() == 200).count() == 3, Duration.ofHours(1));

            assertEquals(ids(events), received.stream().filter(r -> r.answered() == 200).map(Received::id).toList(),
                    "every event once delivered, in order");
            assertEquals(List.of(events.get(0).get("id").asText(), events.get(0).get("id").asText(), events.get(0).get("id").asText()),
                    received.subList(0, 3).stream().map(Received::id).toList(), "the first event retried until it went through");
            assertEquals(events.get(1), ApiClient.JSON.readTree(received.get(4).body()), "the body is the event as the feed shows it");
            var log = deliveryLog(store, hook, 6);
            assertEquals(6, log.size());
            var oldestFirst = new ArrayList<JsonNode>();
            log.forEach(oldestFirst::addFirst);
            assertEquals(List.of(1, 2, 3, 4, 1, 1), oldestFirst.stream().map(entry -> entry.get("attempt").asInt()).toList());
            assertEquals(List.of(500, 503, 500, 200, 200, 200), oldestFirst.stream().map(entry -> entry.get("status").asInt()).toList());
            assertEquals("the receiver answered 503", oldestFirst.get(1).get("error").asText());
            assertTrue(oldestFirst.get(3).get("error").isNull());
            var metrics = store.api.get(null, "/metrics");
            assertTrue(metrics.text().contains("scheduler_webhook_deliveries_total{outcome=\"delivered\"}"), metrics.text());
            assertTrue(metrics.text().contains("scheduler_webhook_deliveries_total{outcome=\"retrying\"}"), metrics.text());
            assertTrue(metrics.text().contains("scheduler_outbox_lag_seconds"), metrics.text());
        }
    }

    @Test
    void a_receiver_failing_for_a_day_has_its_webhook_disabled_with_the_reason() throws Exception {
        try (var receiver = WebhookReceiver.start().answering(500, 500, 500, 500)) {
            var store = server.newStore(SHANGHAI);
            var hook = store.api.post(store.token, store.path + "/webhooks", object("url", receiver.url())).expect(201);
            store.incompleteBooking(TWO_PM, store.script("Doomed", 120, 1, 0).id());

            receiver.awaitReceived(got -> got.size() >= 1, PATIENCE);
            driveUntil(receiver, got -> disabled(store, hook.get("id").asLong()) != null, Duration.ofHours(25));
            var disabled = disabled(store, hook.get("id").asLong());

            assertTrue(disabled.get("disabled_reason").asText().contains("the receiver answered 500"), disabled.toString());
            var path = store.path + "/webhooks/" + hook.get("id").asLong() + "/deliveries";
            var attempts = store.api.get(store.token, path).expect(200).get("total").asInt();
            assertTrue(attempts >= 2, "tried at least twice: " + attempts);
            CLOCK.advance(Duration.ofHours(2));
            store.incompleteBooking(TWO_PM, store.script("Unheard", 120, 1, 0).id());
            store.api.get(store.token, store.path).expect(200);
            assertEquals(attempts, store.api.get(store.token, path).expect(200).get("total").asInt(), "a disabled webhook is sent nothing more");
            assertEquals(attempts, receiver.received().size());
        }
    }

    /**
     * Moves the deliveries' clock on by {@code step} each time the receiver got another request,
     * or nothing arrived for a while (the move may have come before the worker set the retry),
     * until {@code done}: how a test reaches retries due long from now.
     */
    /**
     * The webhook's delivery log once it holds {@code attempts} entries, or as it is at the deadline:
     * the worker records an attempt after the receiver has answered it, so the receiver may be ahead.
     */
    private static JsonNode deliveryLog(StoreSetup store, JsonNode hook, int attempts) throws InterruptedException {
        var deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            var log = store.api.get(store.token, store.path + "/webhooks/" + hook.get("id").asLong() + "/deliveries").expect(200).get("items");
            if (log.size() >= attempts || System.nanoTime() > deadline) {
                return log;
            }
            Thread.sleep(20);
        }
    }

    private static List<Received> driveUntil(WebhookReceiver receiver, java.util.function.Predicate<List<Received>> done, Duration step)
            throws InterruptedException {
        var deadline = System.nanoTime() + PATIENCE.toNanos();
        var seen = -1;
        var movedAt = System.nanoTime();
        while (!done.test(receiver.received())) {
            var size = receiver.received().size();
            if (size != seen || System.nanoTime() - movedAt > Duration.ofSeconds(2).toNanos()) {
                seen = size;
                movedAt = System.nanoTime();
                CLOCK.advance(step);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not done; the receiver got " + receiver.received());
            }
            Thread.sleep(20);
        }
        return receiver.received();
    }

    /** The webhook once disabled, else null. */
    private static JsonNode disabled(StoreSetup store, long webhookId) {
        for (var webhook : store.api.get(store.token, store.path + "/webhooks").expect(200).get("items")) {
            if (webhook.get("id").asLong() == webhookId && !webhook.get("disabled_at").isNull()) {
                return webhook;
            }
        }
        return null;
    }

    private static List<String> ids(JsonNode events) {
        var ids = new ArrayList<String>();
        events.forEach(event -> ids.add(event.get("id").asText()));
        return ids;
    }

    private static List<String> texts(JsonNode array) {
        var texts = new ArrayList<String>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
