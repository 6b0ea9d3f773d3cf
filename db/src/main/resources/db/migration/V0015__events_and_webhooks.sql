-- The transactional outbox of booking changes, and the webhooks that deliver it.

-- The store's event cursor: the sequence number of its last committed event. Each writing
-- transaction bumps it as its LAST statement (JooqEventOutbox), so the row lock it takes is held
-- only from there to the commit, and the next writer of the store's events waits for that commit
-- before it takes the next number: sequence numbers are handed out in commit order, without gaps
-- (a rollback gives its number back). A reader that has seen seq N has so seen every event up to
-- N, and `after=N` can never skip one that commits late. Made by the first event of the store.
CREATE TABLE store_event_cursor (
    store_id bigint PRIMARY KEY REFERENCES store (id),
    last_seq bigint NOT NULL
);

-- One row per booking change, written in the change's own transaction. `id` is the event's
-- identity across stores (the webhook-id of its deliveries); `seq` is its place in the store's
-- commit order, which the feed's cursor and the webhooks follow. `booking` is the booking as GET
-- answered it then.
CREATE TABLE store_event (
    store_id    bigint      NOT NULL REFERENCES store (id),
    seq         bigint      NOT NULL,
    id          bigint      NOT NULL GENERATED ALWAYS AS IDENTITY,
    type        text        NOT NULL,
    booking_id  bigint      NOT NULL,
    occurred_at timestamptz NOT NULL,
    booking     jsonb       NOT NULL,
    PRIMARY KEY (store_id, seq)
);

-- Each event wakes the instances listening for the store's events when (and only if) its
-- transaction commits; PostgreSQL folds the same store's notices of one transaction into one.
CREATE FUNCTION store_event_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('store_events', NEW.store_id::text);
    RETURN NULL;
END $$;

CREATE TRIGGER store_event_notify AFTER INSERT ON store_event
    FOR EACH ROW EXECUTE FUNCTION store_event_notify();

-- A receiver of the store's events. `delivered_seq` is how far through the store's events it is
-- (each one delivered, or not of a type it asked for); `attempt` counts the failed attempts at the
-- next one, retried at `next_attempt_at`; `failing_since` is when the current run of failures
-- began. A day of failures sets `disabled_at` and the reason. The secret signs every delivery.
CREATE TABLE webhook (
    store_id        bigint      NOT NULL REFERENCES store (id),
    id              bigint      NOT NULL GENERATED ALWAYS AS IDENTITY,
    url             text        NOT NULL,
    event_types     text[]      NOT NULL,
    secret          text        NOT NULL,
    created_at      timestamptz NOT NULL,
    delivered_seq   bigint      NOT NULL,
    attempt         integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    failing_since   timestamptz,
    disabled_at     timestamptz,
    disabled_reason text,
    PRIMARY KEY (store_id, id)
);

-- What the delivery worker looks through for work that is due.
CREATE INDEX webhook_due ON webhook (next_attempt_at) WHERE disabled_at IS NULL;

-- Every attempt at a delivery: the HTTP status the receiver answered, or the error that kept it
-- from answering.
CREATE TABLE webhook_delivery (
    store_id     bigint      NOT NULL,
    webhook_id   bigint      NOT NULL,
    event_seq    bigint      NOT NULL,
    attempt      integer     NOT NULL,
    event_id     bigint      NOT NULL,
    status       integer,
    attempted_at timestamptz NOT NULL,
    error        text,
    PRIMARY KEY (store_id, webhook_id, event_seq, attempt),
    FOREIGN KEY (store_id, webhook_id) REFERENCES webhook (store_id, id) ON DELETE CASCADE
);
