package io.storescheduler.bootstrap.http;

import static io.storescheduler.bootstrap.http.ApiClient.object;
import static io.storescheduler.bootstrap.http.Fixtures.SHANGHAI;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.storescheduler.bootstrap.http.WebhookReceiver.Received;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The signatures a real receiver gets verify with an independent implementation of Standard
 * Webhooks: the {@code standardwebhooks} npm package (pinned), installed into {@code target/}
 * with the machine's npm and run with node. A tampered body or id must fail with it too, so the
 * check can fail.
 */
class WebhookSignatureHttpTest {

    private static final String VERIFIER_VERSION = "1.1.1";
    private static final Path VERIFIER = Path.of("target", "webhook-verifier");
    private static final String SCRIPT = """
            import { readFileSync } from 'node:fs';
            const module = await import('standardwebhooks');
            const Webhook = module.Webhook ?? module.default.Webhook;
            const input = JSON.parse(readFileSync(0, 'utf8'));
            for (const message of input.messages) {
              try {
                new Webhook(input.secret).verify(message.body, {
                  'webhook-id': message.id, 'webhook-timestamp': message.timestamp, 'webhook-signature': message.signature });
                console.log('verified');
              } catch (e) {
                console.log('refused');
              }
            }
            """;

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    @Test
    void every_delivery_verifies_with_the_standard_webhooks_reference_library_and_a_tampered_one_does_not() throws Exception {
        try (var receiver = WebhookReceiver.start()) {
            var store = server.newStore(SHANGHAI);
            var secret = store.api.post(store.token, store.path + "/webhooks", object("url", receiver.url())).expect(201).get("secret").asText();
            var bookingId = store.incompleteBooking("2026-12-05T14:00:00+08:00", store.script("Signed", 120, 1, 0).id());
            store.api.patch(store.token, store.booking(bookingId), object("note", "signé 签名"), Map.of()).expect(200);
            var received = receiver.awaitReceived(got -> got.size() == 2, Duration.ofSeconds(60));

            var messages = new ArrayList<Received>(received);
            var first = received.getFirst();
            messages.add(new Received(first.id(), first.timestamp(), first.signature(), first.body().replace("2026", "2027"), 200));
            messages.add(new Received(first.id() + "0", first.timestamp(), first.signature(), first.body(), 200));

            assertEquals(List.of("verified", "verified", "refused", "refused"), verify(secret, messages));
        }
    }

    private static List<String> verify(String secret, List<Received> messages) throws IOException, InterruptedException {
        install();
        var input = ApiClient.JSON.createObjectNode().put("secret", secret);
        var array = input.putArray("messages");
        for (var message : messages) {
            array.addObject().put("id", message.id()).put("timestamp", message.timestamp()).put("signature", message.signature())
                    .put("body", message.body());
        }
        var script = VERIFIER.resolve("verify.mjs");
        Files.writeString(script, SCRIPT);
        var process = new ProcessBuilder("node", script.getFileName().toString()).directory(VERIFIER.toFile()).redirectErrorStream(true).start();
        try (var stdin = process.getOutputStream()) {
            stdin.write(ApiClient.JSON.writeValueAsBytes(input));
        }
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError("node failed: " + output);
        }
        return output.lines().map(String::trim).filter(line -> !line.isEmpty()).toList();
    }

    private static void install() throws IOException, InterruptedException {
        if (Files.isDirectory(VERIFIER.resolve("node_modules").resolve("standardwebhooks"))) {
            return;
        }
        Files.createDirectories(VERIFIER);
        Files.writeString(VERIFIER.resolve("package.json"), "{\"name\":\"webhook-verifier\",\"private\":true}");
        var npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--save-exact", "standardwebhooks@" + VERIFIER_VERSION)
                .directory(VERIFIER.toFile()).redirectErrorStream(true).start();
        var output = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!npm.waitFor(300, TimeUnit.SECONDS) || npm.exitValue() != 0) {
            throw new AssertionError("npm could not install standardwebhooks@" + VERIFIER_VERSION + ": " + output);
        }
    }
}
