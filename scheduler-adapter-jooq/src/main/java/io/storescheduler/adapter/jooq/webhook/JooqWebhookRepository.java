package io.storescheduler.adapter.jooq.webhook;

import static io.storescheduler.adapter.jooq.schema.Tables.WEBHOOK;
import static io.storescheduler.adapter.jooq.schema.Tables.WEBHOOK_DELIVERY;

import io.storescheduler.adapter.jooq.shared.Pages;
import io.storescheduler.application.event.StoredEvent;
import io.storescheduler.application.shared.Page;
import io.storescheduler.application.shared.PageRequest;
import io.storescheduler.application.webhook.DeliveryAttempt;
import io.storescheduler.application.webhook.DueDelivery;
import io.storescheduler.application.webhook.SendResult;
import io.storescheduler.application.webhook.Webhook;
import io.storescheduler.application.webhook.WebhookRepository;
import io.storescheduler.domain.event.BookingEventType;
import io.storescheduler.domain.id.BookingId;
import io.storescheduler.domain.id.StoreId;
import io.storescheduler.domain.webhook.DeliveryPolicy;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * Webhooks in {@code webhook} and their attempts in {@code webhook_delivery} (V0015). A webhook
 * is its own delivery queue: {@code delivered_seq} is how far through the store's commit-ordered
 * events it is, and the next event it wants after that is what it is owed, so its events go out
 * one at a time, in order, and an event that commits late can never be passed over.
 */
public record JooqWebhookRepository(DSLContext dsl) implements WebhookRepository {

    /**
     * The most overdue enabled webhook that is owed an event, with that event and the store's
     * zone; its row locked for this transaction, webhooks other transactions hold skipped.
     */
    /**
     * Locks the most overdue webhook with an event owed. Its event is read by {@link #DUE_EVENT} in
     * a statement of its own: under READ COMMITTED a row locked after another worker's commit is
     * re-checked in its new version, but an event joined to it in the same statement comes from
     * the statement's older snapshot, the very event that worker has just delivered.
     */
    private static final String LOCK_OVERDUE = """
            select w.store_id, w.id
            from webhook w
            where w.disabled_at is null and w.next_attempt_at <= cast(? as timestamptz)
              and not (w.id = any (cast(? as bigint[])))
              and exists (select 1 from store_event e
                          where e.store_id = w.store_id and e.seq > w.delivered_seq and e.type = any (w.event_types))
            order by w.next_attempt_at
            limit 1
            for update of w skip locked""";

    /** The locked webhook's next event, as of now: its {@code delivered_seq} is read again. */
    private static final String DUE_EVENT = """
            select w.store_id, w.id, w.url, w.secret, w.attempt, w.failing_since, s.timezone,
                   e.id as event_id, e.seq, e.type, e.booking_id, e.occurred_at, e.booking
            from webhook w
            join store s on s.id = w.store_id
            cross join lateral (
                select e.id, e.seq, e.type, e.booking_id, e.occurred_at, e.booking from store_event e
                where e.store_id = w.store_id and e.seq > w.delivered_seq and e.type = any (w.event_types)
                order by e.seq limit 1) e
            where w.store_id = ? and w.id = ? and w.disabled_at is null""";

    /** How many locked webhooks with nothing owed any more one claim passes over before it answers none. */
    private static final int CLAIM_ATTEMPTS = 8;

    private static final String OLDEST_OWED = """
            select coalesce(extract(epoch from cast(? as timestamptz) - min(e.occurred_at)), 0)
            from webhook w
            cross join lateral (
                select e.occurred_at from store_event e
                where e.store_id = w.store_id and e.seq > w.delivered_seq and e.type = any (w.event_types)
                order by e.seq limit 1) e
            where w.disabled_at is null""";

    private static final String INSERT = """
            insert into webhook (store_id, url, event_types, secret, created_at, delivered_seq, next_attempt_at)
            values (?, ?, cast(? as text[]), ?, cast(? as timestamptz),
                    coalesce((select last_seq from store_event_cursor where store_id = ?), 0), cast(? as timestamptz))
            returning id""";

    @Override
    public int count(StoreId storeId) {
        return dsl.fetchCount(WEBHOOK, WEBHOOK.STORE_ID.eq(storeId));
    }

    @Override
    public Webhook insert(StoreId storeId, URI url, Set<BookingEventType> eventTypes, String secret, Instant now) {
        var codes = eventTypes.stream().map(BookingEventType::code).sorted().toArray(String[]::new);
        var id = dsl.fetchSingle(INSERT, storeId.value(), url.toString(), codes, secret, now.toString(), storeId.value(), now.toString())
                .get(0, Long.class);
        return new Webhook(id, storeId, url, EnumSet.copyOf(eventTypes), now, null, null);
    }

    @Override
    public Page<Webhook> list(StoreId storeId, PageRequest page) {
        var condition = WEBHOOK.STORE_ID.eq(storeId);
        var items = dsl.selectFrom(WEBHOOK).where(condition).orderBy(WEBHOOK.ID)
                .limit(page.limit()).offset(page.offset())
                .fetch(JooqWebhookRepository::webhook);
        return Pages.of(dsl, WEBHOOK, condition, page, items);
    }

    @Override
    public Optional<Webhook> find(StoreId storeId, long webhookId) {
        return dsl.selectFrom(WEBHOOK).where(WEBHOOK.STORE_ID.eq(storeId).and(WEBHOOK.ID.eq(webhookId)))
                .fetchOptional(JooqWebhookRepository::webhook);
    }

    @Override
    public boolean delete(StoreId storeId, long webhookId) {
        return dsl.deleteFrom(WEBHOOK).where(WEBHOOK.STORE_ID.eq(storeId).and(WEBHOOK.ID.eq(webhookId))).execute() == 1;
    }

    @Override
    public Page<DeliveryAttempt> attempts(StoreId storeId, long webhookId, PageRequest page) {
        var d = WEBHOOK_DELIVERY;
        var condition = d.STORE_ID.eq(storeId).and(d.WEBHOOK_ID.eq(webhookId));
        var items = dsl.select(d.EVENT_ID, d.ATTEMPT, d.STATUS, d.ATTEMPTED_AT, d.ERROR).from(d).where(condition)
                .orderBy(d.ATTEMPTED_AT.desc(), d.EVENT_SEQ.desc(), d.ATTEMPT.desc())
                .limit(page.limit()).offset(page.offset())
                .fetch(row -> new DeliveryAttempt(row.value1(), row.value2(), row.value3(), row.value4(), row.value5()));
        return Pages.of(dsl, d, condition, page, items);
    }

    @Override
    public Optional<DueDelivery> claimDue(Instant now) {
        var passedOver = new ArrayList<Long>();
        while (passedOver.size() < CLAIM_ATTEMPTS) {
            var locked = dsl.fetchOptional(LOCK_OVERDUE, now.toString(), passedOver.toArray(Long[]::new));
            if (locked.isEmpty()) {
                return Optional.empty();
            }
            var storeId = locked.get().get(0, Long.class);
            var webhookId = locked.get().get(1, Long.class);
            var due = dsl.fetchOptional(DUE_EVENT, storeId, webhookId).map(JooqWebhookRepository::due);
            if (due.isPresent()) {
                return due;
            }
            // another worker delivered what was owed between the two statements: the next one
            passedOver.add(webhookId);
        }
        return Optional.empty();
    }

    @Override
    public void record(DueDelivery delivery, SendResult result, DeliveryPolicy.Decision decision, Instant now) {
        var attempt = delivery.failedAttempts() + 1;
        insertAttempt(delivery, attempt, result, now);
        applyDecision(delivery, attempt, decision, now);
    }

    private void insertAttempt(DueDelivery delivery, int attempt, SendResult result, Instant now) {
        dsl.insertInto(WEBHOOK_DELIVERY)
                .set(WEBHOOK_DELIVERY.STORE_ID, delivery.storeId())
                .set(WEBHOOK_DELIVERY.WEBHOOK_ID, delivery.webhookId())
                .set(WEBHOOK_DELIVERY.EVENT_SEQ, delivery.event().seq())
                .set(WEBHOOK_DELIVERY.ATTEMPT, attempt)
                .set(WEBHOOK_DELIVERY.EVENT_ID, delivery.event().id())
                .set(WEBHOOK_DELIVERY.STATUS, result.status())
                .set(WEBHOOK_DELIVERY.ATTEMPTED_AT, now)
                .set(WEBHOOK_DELIVERY.ERROR, result.error())
                .execute();
    }

    /** Moves the webhook on past the event, schedules its retry, or disables it. */
    private void applyDecision(DueDelivery delivery, int attempt, DeliveryPolicy.Decision decision, Instant now) {
        var update = dsl.update(WEBHOOK);
        var changed = switch (decision) {
            case DeliveryPolicy.Decision.Delivered delivered -> update
                    .set(WEBHOOK.DELIVERED_SEQ, delivery.event().seq())
                    .set(WEBHOOK.ATTEMPT, 0)
                    .setNull(WEBHOOK.FAILING_SINCE)
                    .set(WEBHOOK.NEXT_ATTEMPT_AT, now);
            case DeliveryPolicy.Decision.RetryAt retry -> update
                    .set(WEBHOOK.ATTEMPT, attempt)
                    .set(WEBHOOK.FAILING_SINCE, delivery.failingSince() == null ? now : delivery.failingSince())
                    .set(WEBHOOK.NEXT_ATTEMPT_AT, retry.at());
            case DeliveryPolicy.Decision.Disable disable -> update
                    .set(WEBHOOK.ATTEMPT, attempt)
                    .set(WEBHOOK.DISABLED_AT, now)
                    .set(WEBHOOK.DISABLED_REASON, disable.reason());
        };
        changed.where(WEBHOOK.STORE_ID.eq(delivery.storeId()).and(WEBHOOK.ID.eq(delivery.webhookId()))).execute();
    }

    @Override
    public double oldestOwedAgeSeconds(Instant now) {
        return dsl.fetchSingle(OLDEST_OWED, now.toString()).get(0, Double.class);
    }

    private static Webhook webhook(Record row) {
        return new Webhook(row.get(WEBHOOK.ID), row.get(WEBHOOK.STORE_ID), URI.create(row.get(WEBHOOK.URL)),
                types(row.get(WEBHOOK.EVENT_TYPES)), row.get(WEBHOOK.CREATED_AT), row.get(WEBHOOK.DISABLED_AT),
                row.get(WEBHOOK.DISABLED_REASON));
    }

    private static DueDelivery due(Record row) {
        var storeId = new StoreId(row.get("store_id", Long.class));
        var event = new StoredEvent(row.get("event_id", Long.class), row.get("seq", Long.class), storeId,
                new BookingId(row.get("booking_id", Long.class)), BookingEventType.fromCode(row.get("type", String.class)).orElseThrow(),
                row.get("occurred_at", Instant.class), row.get("booking", String.class));
        return new DueDelivery(row.get("id", Long.class), storeId, URI.create(row.get("url", String.class)),
                row.get("secret", String.class), row.get("attempt", Integer.class), row.get("failing_since", Instant.class),
                ZoneId.of(row.get("timezone", String.class)), event);
    }

    private static Set<BookingEventType> types(String[] codes) {
        var types = EnumSet.noneOf(BookingEventType.class);
        Arrays.stream(codes).map(code -> BookingEventType.fromCode(code).orElseThrow()).forEach(types::add);
        return types;
    }
}
