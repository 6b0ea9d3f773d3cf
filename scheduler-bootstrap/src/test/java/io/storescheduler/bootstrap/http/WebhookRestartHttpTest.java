package io.storescheduler.bootstrap.http;

import static io.storescheduler.bootstrap.http.ApiClient.object;
import static io.storescheduler.bootstrap.http.Fixtures.SHANGHAI;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storescheduler.bootstrap.http.WebhookReceiver.Received;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The service stopped while a delivery is on the wire, then started again on the same database:
 * the delivery it was making is made again (at least once), and every event reaches the receiver
 * in order. The waits are safety nets against hanging, never measurements.
 */
class WebhookRestartHttpTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    @Test
    void a_restart_in_the_middle_of_a_delivery_loses_nothing() throws Exception {
        try (var receiver = WebhookReceiver.start().holdingTheFirst()) {
            var store = server.newStore(SHANGHAI);
            store.api.post(store.token, store.path + "/webhooks", object("url", receiver.url())).expect(201);
            var bookingId = store.incompleteBooking("2026-12-05T14:00:00+08:00", store.script("Restarted", 120, 1, 0).id());
            store.api.patch(store.token, store.booking(bookingId), object("note", "before the restart"), Map.of()).expect(200);
            receiver.awaitFirst();

            server.restart();
            var restarted = store.through(server.api());
            restarted.api.patch(restarted.token, restarted.booking(bookingId), object("note", "after the restart"), Map.of()).expect(200);
            var events = new ArrayList<String>();
            restarted.api.get(restarted.token, restarted.path + "/events").expect(200).get("items")
                    .forEach(event -> events.add(event.get("id").asText()));

            var received = receiver.awaitReceived(got -> got.stream().filter(r -> r.id().equals(events.getLast())).count() == 1, PATIENCE);

            assertEquals(3, events.size());
            assertEquals(events.getFirst(), receiver.heldId(), "the delivery cut off by the stop");
            assertEquals(events, received.stream().map(Received::id).toList(), "made again, and every event after it, in order");
            assertTrue(received.stream().allMatch(r -> r.answered() == 200));
        }
    }
}
