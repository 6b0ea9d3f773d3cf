-- Idempotency keys: the first request sent with each key, and its answer, so that a retry of the
-- same request gets the same answer instead of creating a second thing. Kept at least a day.
--
-- A key counts per actor and store. actor_id has no foreign key: the admin configured at start-up
-- is actor 0, which has no row; store_id is 0 on the admin routes outside any store (ids start at
-- 1). Neither the key nor the answer is stored as sent: key_hash is a SHA-256 of the key, and the
-- answer's body is encrypted under a key derived from it, because an answer can hold a secret
-- shown once (a new actor's token), which must not sit readable in the database.
CREATE TABLE idempotency_key (
    actor_id     bigint      NOT NULL,
    store_id     bigint      NOT NULL,
    key_hash     bytea       NOT NULL,
    request_hash bytea       NOT NULL,
    created_at   timestamptz NOT NULL,
    -- all null while the first request is still in flight
    status       integer,
    content_type text,
    etag         text,
    sealed_body  bytea,
    PRIMARY KEY (actor_id, store_id, key_hash),
    CONSTRAINT idempotency_key_answer_check CHECK ((status IS NULL) = (sealed_body IS NULL))
);

-- expired keys are forgotten a few at a time, oldest first
CREATE INDEX idempotency_key_created_at_idx ON idempotency_key (created_at);
