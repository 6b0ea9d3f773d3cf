package io.storescheduler.adapter.http.webhook;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.storescheduler.adapter.http.access.Guard;
import io.storescheduler.adapter.http.shared.Answers;
import io.storescheduler.adapter.http.shared.ApiProblem;
import io.storescheduler.adapter.http.shared.JsonBodies;
import io.storescheduler.adapter.http.shared.ListResponse;
import io.storescheduler.adapter.http.shared.Parameters;
import io.storescheduler.adapter.http.shared.Times;
import io.storescheduler.application.webhook.DeliveryAttempt;
import io.storescheduler.application.webhook.ManageWebhooksUseCase.RegisterWebhookCommand;
import io.storescheduler.application.webhook.ManageWebhooksUseCase.Registered;
import io.storescheduler.application.webhook.ManageWebhooksUseCase;
import io.storescheduler.application.webhook.Webhook;
import io.storescheduler.domain.event.BookingEventType;
import io.storescheduler.domain.store.Store;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * A store's webhooks: register ({@code {url, event_types?}}, the secret answered once), list,
 * delete (204), and each one's delivery log, newest attempt first.
 */
public record WebhookRoutes(Guard guard, JsonBodies bodies, Answers answers, ManageWebhooksUseCase webhooks) {

    static final String WEBHOOKS = "/api/v1/stores/{store_id}/webhooks";
    static final String WEBHOOK = WEBHOOKS + "/{webhook_id}";
    static final int MAX_URL = 2000;

    record CreateWebhookRequest(
            @NotNull @Size(min = 1, max = MAX_URL) String url,
            @Size(min = 1, max = 7) List<@NotNull String> eventTypes) {}

    record WebhookResponse(long id, String url, List<String> eventTypes, OffsetDateTime createdAt, OffsetDateTime disabledAt,
            String disabledReason) {

        static WebhookResponse from(Webhook webhook, ZoneId zone) {
            return new WebhookResponse(webhook.id(), webhook.url().toString(),
                    webhook.eventTypes().stream().map(BookingEventType::code).toList(), Times.render(webhook.createdAt(), zone),
                    webhook.disabledAt() == null ? null : Times.render(webhook.disabledAt(), zone), webhook.disabledReason());
        }
    }

    record RegisteredResponse(long id, String url, List<String> eventTypes, OffsetDateTime createdAt, OffsetDateTime disabledAt,
            String disabledReason, String secret) {}

    record DeliveryResponse(long eventId, int attempt, Integer status, OffsetDateTime attemptedAt, String error) {

        static DeliveryResponse from(DeliveryAttempt attempt, ZoneId zone) {
            return new DeliveryResponse(attempt.eventId(), attempt.attempt(), attempt.status(), Times.render(attempt.attemptedAt(), zone),
                    attempt.error());
        }
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.post(WEBHOOKS, guard.storeCreation(this::create));
        routes.get(WEBHOOKS, guard.store((ctx, store) -> answers.ok(ctx,
                ListResponse.of(webhooks.list(store.id(), Parameters.page(ctx)), webhook -> WebhookResponse.from(webhook, store.timezone())))));
        routes.delete(WEBHOOK, guard.store((ctx, store) ->
                answers.unlessRefused(ctx, webhooks.delete(store.id(), Parameters.pathId(ctx, "webhook_id")), deleted -> ctx.status(204))));
        routes.get(WEBHOOK + "/deliveries", guard.store((ctx, store) -> answers.unlessRefused(ctx,
                webhooks.deliveries(store.id(), Parameters.pathId(ctx, "webhook_id"), Parameters.page(ctx)),
                page -> answers.ok(ctx, ListResponse.of(page, attempt -> DeliveryResponse.from(attempt, store.timezone()))))));
    }

    private void create(Context ctx, Store store) {
        var request = bodies.body(ctx, CreateWebhookRequest.class);
        var types = EnumSet.noneOf(BookingEventType.class);
        if (request.eventTypes() != null) {
            for (var code : request.eventTypes()) {
                types.add(BookingEventType.fromCode(code).orElseThrow(() -> new ApiProblem(422, "invalid_value",
                        "event_types holds " + code + ", which is no event type",
                        List.of(Map.of("field", "event_types", "message", "must be event types such as booking.confirmed")))));
            }
        }
        answers.unlessRefused(ctx, webhooks.register(new RegisterWebhookCommand(store.id(), url(request.url()), types)),
                registered -> created(ctx, store, registered));
    }

    private void created(Context ctx, Store store, Registered registered) {
        var shown = WebhookResponse.from(registered.webhook(), store.timezone());
        answers.created(ctx, new RegisteredResponse(shown.id(), shown.url(), shown.eventTypes(), shown.createdAt(), shown.disabledAt(),
                shown.disabledReason(), registered.secret()));
    }

    private static URI url(String text) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw new ApiProblem(422, "invalid_webhook_url", "url is not a URL",
                    List.of(Map.of("field", "url", "message", "must be an absolute http or https URL")));
        }
    }
}
