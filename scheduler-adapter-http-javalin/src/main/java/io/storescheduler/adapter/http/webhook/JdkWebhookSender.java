package io.storescheduler.adapter.http.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.storescheduler.adapter.http.event.EventResponse;
import io.storescheduler.adapter.http.shared.Json;
import io.storescheduler.application.webhook.DueDelivery;
import io.storescheduler.application.webhook.SendResult;
import io.storescheduler.application.webhook.WebhookSender;
import io.storescheduler.application.webhook.WebhookTargets;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import javax.net.ssl.SSLException;

/**
 * Sends a delivery with the JDK's HTTP client: a POST of the event as the feed shows it, signed
 * per Standard Webhooks, within a 5-second connect and a 10-second answer timeout, never following
 * a redirect (a 3xx is a failure), the body of the answer discarded. The target is checked again
 * before each send.
 */
public record JdkWebhookSender(WebhookTargets targets, Clock clock) implements WebhookSender {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private static final ObjectMapper MAPPER = Json.mapper();

    @Override
    public SendResult send(DueDelivery delivery) {
        var refusal = targets.refusal(delivery.url());
        if (refusal.isPresent()) {
            return SendResult.failed("refused: " + refusal.get());
        }
        return post(signedRequest(delivery));
    }

    private HttpRequest signedRequest(DueDelivery delivery) {
        var body = body(delivery);
        var id = Long.toString(delivery.event().id());
        var timestamp = clock.instant().getEpochSecond();
        return HttpRequest.newBuilder(delivery.url())
                .timeout(ANSWER_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", StandardWebhookSignature.sign(delivery.secret(), id, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private SendResult post(HttpRequest request) {
        try {
            return SendResult.answered(CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (HttpTimeoutException e) {
            return SendResult.failed("no answer in time: " + e.getMessage());
        } catch (ConnectException e) {
            return SendResult.failed("could not be sent: the receiver could not be reached");
        } catch (SSLException e) {
            return SendResult.failed("could not be sent: the TLS handshake with the receiver failed");
        } catch (IOException e) {
            // the store reads this in its delivery log: words, not the JDK's exception names
            return SendResult.failed("could not be sent: the connection to the receiver failed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the delivery was interrupted: the instance is stopping", e);
        }
    }

    private String body(DueDelivery delivery) {
        try {
            return MAPPER.writeValueAsString(EventResponse.from(delivery.event(), delivery.zone()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event is plain records", e);
        }
    }
}
