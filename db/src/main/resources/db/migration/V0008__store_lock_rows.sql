-- The store's locks become row locks on rows that live with the store's data, instead of
-- PostgreSQL advisory locks, which are local to one node on a sharded PostgreSQL (Citus) and
-- unknown to some PostgreSQL-compatible databases. Each table is keyed by store_id first, so it
-- can be distributed by the store and colocated with the store's other rows.

-- The store's schedule lock (JooqStoreScheduleLock): one row per store, made with the store and
-- only ever locked (SELECT ... FOR NO KEY UPDATE), never changed. A table of its own rather than
-- the store row: PATCH /stores updates the store row and would queue behind a busy store's
-- confirms (and hold them up), and the foreign-key checks of every insert into a store's tables
-- take FOR KEY SHARE on the store row, which a schedule lock there would turn into MultiXacts.
CREATE TABLE store_schedule_lock (
    store_id bigint PRIMARY KEY REFERENCES store (id)
);

INSERT INTO store_schedule_lock (store_id) SELECT id FROM store;

-- The quota locks (quota_usage): one row per store and quota, and for bookings per store and
-- local day (period_start, the day's first instant; -infinity for a quota of the whole store).
-- Made when first needed, so days need no rows in advance.
CREATE TABLE store_quota_lock (
    store_id bigint NOT NULL REFERENCES store (id),
    quota text NOT NULL,
    period_start timestamptz NOT NULL,
    PRIMARY KEY (store_id, quota, period_start)
);

-- As in V0007: the lock, then the count, in one round trip. The lock row is inserted if missing
-- (a racing insert of the same row waits for the first to end, and then finds it) and then
-- locked FOR NO KEY UPDATE, so the count, a statement of its own with a snapshot of its own
-- under READ COMMITTED, sees every row the lock's previous holder committed.
CREATE OR REPLACE FUNCTION quota_usage(p_quota text, p_store_id bigint, p_from timestamptz, p_until timestamptz, p_up_to integer)
RETURNS integer LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    v_period timestamptz := coalesce(p_from, '-infinity');
BEGIN
    INSERT INTO store_quota_lock (store_id, quota, period_start) VALUES (p_store_id, p_quota, v_period)
        ON CONFLICT DO NOTHING;
    PERFORM FROM store_quota_lock
        WHERE store_id = p_store_id AND quota = p_quota AND period_start = v_period
        FOR NO KEY UPDATE;
    IF p_quota = 'rooms' THEN
        RETURN (SELECT count(*) FROM (SELECT FROM room WHERE store_id = p_store_id LIMIT p_up_to) AS counted);
    ELSIF p_quota = 'scripts' THEN
        RETURN (SELECT count(*) FROM (SELECT FROM script WHERE store_id = p_store_id LIMIT p_up_to) AS counted);
    ELSIF p_quota = 'dms' THEN
        RETURN (SELECT count(*) FROM (SELECT FROM dm WHERE store_id = p_store_id LIMIT p_up_to) AS counted);
    ELSIF p_quota = 'clients' THEN
        RETURN (SELECT count(*) FROM (SELECT FROM client WHERE store_id = p_store_id LIMIT p_up_to) AS counted);
    ELSIF p_quota = 'bookings_per_day' THEN
        RETURN (SELECT count(*) FROM (SELECT FROM booking
                WHERE store_id = p_store_id AND start_at >= p_from AND start_at < p_until LIMIT p_up_to) AS counted);
    END IF;
    RAISE EXCEPTION 'no quota %', p_quota;
END $$;
